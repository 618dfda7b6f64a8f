import type { NodeId, NodeKind, WorldId } from '../../bridge/index.ts';
import type { AriaAttribute } from './aria.ts';
import type { ChannelValue, MotionChannel } from './motion.ts';
import type { NodeMotions } from './node-motions.ts';
import type { NodeStyleProperty } from './node-styles.ts';

/** The hooks the painter writes: the focused node, and each focusable node's key. */
export const FOCUSED = 'data-ficus-focused';
export const FOCUS_KEY = 'data-ficus-focus-key';

/** The DOM side of one scene node. */
export interface PaintedNode {
  readonly id: NodeId;
  readonly kind: NodeKind;
  readonly element: HTMLElement;
  /** A text element's own text node, kept apart from any child elements so setting text leaves them be. */
  readonly text: Text | null;
  /** What was last applied, so an update only touches what actually changed. */
  readonly style: Map<NodeStyleProperty, string>;
  /** The accessibility attributes last applied (role, aria-label, tabindex, ...). */
  readonly aria: Map<AriaAttribute, string>;
  textValue: string | undefined;
  src: string | undefined;
  focusKey: string | undefined;
  /** What each motion channel last painted (position, opacity, scale): null before the first paint. */
  targets: Readonly<Record<MotionChannel, ChannelValue>> | null;
  /** A view seen moving after it was first painted: placed by translate on its own layer from then on. */
  moves: boolean;
  /** Its running animations, made with its first one. */
  motions: NodeMotions | null;
}

export interface WorldLayer {
  readonly world: WorldId;
  /** The `data-ficus-world` element; the world's root node (id 0) is painted inside it. */
  readonly root: HTMLElement;
  readonly nodes: Map<NodeId, PaintedNode>;
  /** Elements this layer painted, to tell them apart from anything else found in the DOM. */
  readonly owned: WeakSet<Element>;
  /** False until the first paint, which paints the whole world rather than trusting the dirty lists. */
  synced: boolean;
}
