import { BOUNDARY_ALL } from './directions.ts';
import { ANIMATE_ALL, EASINGS, MAX_ANIMATE_MS } from './motion.ts';
import { boolean, type Infer, number, oneOf, type Schema, string } from './schema.ts';

export const NODE_KINDS = ['view', 'text', 'image'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const ALL_KINDS = NODE_KINDS;
const TEXT_ONLY = ['text'] as const;
const IMAGE_ONLY = ['image'] as const;

/** Characters allowed in a focus key: safe in a DOM attribute, a URL and a log line. */
export const FOCUS_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const focusKey = string({
  pattern: FOCUS_KEY_PATTERN,
  patternName: 'a focus key (1-128 of A-Z a-z 0-9 _ . : -)',
});

// Colors are hex only: a value that reaches a style must never be able to smuggle in other CSS.
const color = string({
  pattern: /^(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|transparent)$/,
  patternName: 'a color like #1a2b3c, #1a2b3c80 or transparent',
});
/**
 * What a node is, for assistive technology (the painter maps each to an ARIA role). A closed list:
 * a role is a promise about how the node behaves, so a page picks from what the host knows how to
 * say, and a typo is refused where it was made instead of reaching the screen reader as noise.
 */
export const ROLES = ['button', 'heading', 'text', 'image', 'list', 'listitem', 'dialog', 'group'] as const;
export type Role = (typeof ROLES)[number];

/** Longest `label` and `description` (characters): room for a title and a sentence, not a document. */
export const LABEL_MAX_LENGTH = 500;
export const DESCRIPTION_MAX_LENGTH = 2000;

const coordinate = number({ min: -1_000_000, max: 1_000_000 });
const length = number({ min: 0, max: 1_000_000 });

interface PropSpec<T> {
  /** Stable one-byte code used by the binary scene codec; never reuse a retired code. */
  readonly code: number;
  readonly schema: Schema<T>;
  readonly kinds: readonly NodeKind[];
  readonly doc: string;
  /**
   * The page ABI version that added the prop (wasm-pages/ABI.md, *Versions*): a WASM page must
   * declare at least this version to set it, so a module that uses it is refused, with a reason,
   * by an app too old to paint it instead of crashing there on its first scene.
   */
  readonly since: number;
}

const prop = <T>(
  code: number,
  schema: Schema<T>,
  kinds: readonly NodeKind[],
  doc: string,
  since = 1,
): PropSpec<T> => ({ code, schema, kinds, doc, since });

const milliseconds = number({ integer: true, min: 0, max: MAX_ANIMATE_MS });

/**
 * Every prop a scene node can carry, declared once: its codec code, its value validator and the
 * node kinds it applies to. Positions are parent-relative pixels on the 1920×1080 stage.
 */
export const PROPS = {
  x: prop(1, coordinate, ALL_KINDS, 'left edge, relative to the parent'),
  y: prop(2, coordinate, ALL_KINDS, 'top edge, relative to the parent'),
  width: prop(3, length, ALL_KINDS, 'width in stage pixels'),
  height: prop(4, length, ALL_KINDS, 'height in stage pixels'),
  backgroundColor: prop(5, color, ALL_KINDS, 'fill color'),
  opacity: prop(6, number({ min: 0, max: 1 }), ALL_KINDS, '0 (invisible) to 1'),
  zIndex: prop(
    7,
    number({ integer: true, min: -100_000, max: 100_000 }),
    ALL_KINDS,
    'stacking among siblings',
  ),
  clip: prop(8, boolean(), ALL_KINDS, 'hide children outside this node'),
  borderRadius: prop(9, length, ALL_KINDS, 'corner radius'),
  borderColor: prop(10, color, ALL_KINDS, 'border color (see borderWidth)'),
  borderWidth: prop(11, number({ min: 0, max: 100 }), ALL_KINDS, 'border width, drawn inside the box'),
  visible: prop(12, boolean(), ALL_KINDS, 'false hides the node and its subtree and takes them out of focus'),
  scale: prop(
    13,
    number({ min: 0, max: 100 }),
    ALL_KINDS,
    'size multiplier about the center (1 as laid out); children scale with it, focus uses the layout box',
    3,
  ),
  text: prop(20, string({ maxLength: 100_000 }), TEXT_ONLY, 'the text, always painted as text'),
  color: prop(21, color, TEXT_ONLY, 'text color'),
  fontSize: prop(22, number({ min: 1, max: 500 }), TEXT_ONLY, 'font size in stage pixels'),
  fontWeight: prop(23, oneOf(['normal', 'bold']), TEXT_ONLY, 'font weight'),
  textAlign: prop(24, oneOf(['left', 'center', 'right']), TEXT_ONLY, 'horizontal alignment'),
  maxLines: prop(
    25,
    number({ integer: true, min: 1, max: 100 }),
    TEXT_ONLY,
    'lines shown before an ellipsis',
  ),
  src: prop(
    30,
    string({ minLength: 1, maxLength: 2_000_000 }),
    IMAGE_ONLY,
    'image URL (allowed schemes only)',
  ),
  fit: prop(31, oneOf(['cover', 'contain', 'fill']), IMAGE_ONLY, 'how the image fills its box'),
  focusKey: prop(40, focusKey, ALL_KINDS, 'makes the node focusable; unique within a world'),
  focusGroup: prop(41, boolean(), ALL_KINDS, 'remembers its last focused child and restores it on re-entry'),
  preferredChild: prop(42, focusKey, ALL_KINDS, 'focus key to focus first when focus enters this node'),
  boundary: prop(
    43,
    number({ integer: true, min: 0, max: BOUNDARY_ALL }),
    ALL_KINDS,
    'directions focus may not leave in (mask, see boundaryMask)',
  ),
  // Accessibility (codes 50-59, every kind): added without an ABI version bump, see ABI.md section 5.
  role: prop(50, oneOf(ROLES), ALL_KINDS, 'what the node is, for screen readers (button, heading, ...)'),
  label: prop(
    51,
    string({ minLength: 1, maxLength: LABEL_MAX_LENGTH }),
    ALL_KINDS,
    'the name a screen reader says for the node; every focusable node needs one',
  ),
  description: prop(
    52,
    string({ minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH }),
    ALL_KINDS,
    'extra words a screen reader says after the label',
  ),
  // Motion (codes 60-69, every kind, ABI version 3): the host animates changes itself (motion.ts).
  animate: prop(
    60,
    number({ integer: true, min: 0, max: ANIMATE_ALL }),
    ALL_KINDS,
    'which prop changes animate instead of jumping: bits x 1, y 2, opacity 4, scale 8 (see animateMask)',
    3,
  ),
  animateDuration: prop(
    61,
    milliseconds,
    ALL_KINDS,
    'how long an animated change takes, in ms (default 200)',
    3,
  ),
  animateEasing: prop(62, oneOf(EASINGS), ALL_KINDS, "the animation's timing function (default ease-out)", 3),
  animateDelay: prop(
    63,
    milliseconds,
    ALL_KINDS,
    'ms an animated change waits before it starts (default 0)',
    3,
  ),
} as const;

export type PropName = keyof typeof PROPS;
export const PROP_NAMES = Object.keys(PROPS) as PropName[];

/** The value type of each prop, derived from its validator. */
export type SceneProps = { [K in PropName]: Infer<(typeof PROPS)[K]['schema']> };
export type PropValue = SceneProps[PropName];

export const PROP_NAME_BY_CODE: ReadonlyMap<number, PropName> = new Map(
  PROP_NAMES.map((name) => [PROPS[name].code, name] as const),
);

export function isPropName(name: string): name is PropName {
  return Object.hasOwn(PROPS, name);
}

export function propAppliesTo(name: PropName, kind: NodeKind): boolean {
  return PROPS[name].kinds.includes(kind);
}

/**
 * The page ABI version that added prop `name`: a WASM page must declare at least this to set it.
 *
 * @example
 * propSince('x');     // 1
 * propSince('scale'); // 3
 */
export function propSince(name: PropName): number {
  return PROPS[name].since;
}
