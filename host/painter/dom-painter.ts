import { animates, type NodeId, ROOT_NODE_ID, type WorldId } from '../../bridge/index.ts';
import { shownRect } from '../scene/geometry.ts';
import type { SceneNode } from '../scene/scene-node.ts';
import type { SceneStore } from '../scene/scene-store.ts';
import { ARIA_ATTRIBUTES, ariaAttributes, spokenName } from './aria.ts';
import { stableEntries } from './child-order.ts';
import { FocusRingBox, retainFocusRing } from './focus-ring.ts';
import { LiveRegion } from './live-region.ts';
import {
  animatedAxes,
  type ChannelValue,
  channelTarget,
  MOTION_CHANNELS,
  type MotionChannel,
  type MotionTiming,
  motionTiming,
  sameValue,
} from './motion.ts';
import { NodeMotions } from './node-motions.ts';
import { FIXED_NODE_STYLE, NODE_STYLE_PROPERTIES, nodeStyle } from './node-styles.ts';
import { type Lingering, PAGE_FADE, PageCrossfade } from './page-crossfade.ts';
import { linger, shownPages, showsNewPage } from './page-switch.ts';
import { FOCUS_KEY, FOCUSED, type PaintedNode, type WorldLayer } from './painted-node.ts';
import { checkImageUrl, DEFAULT_IMAGE_SOURCES } from './safe-image-url.ts';
import { fitStage, STAGE_HEIGHT, STAGE_WIDTH, type StageTransform, stageTransformCss } from './stage.ts';

export interface DomPainterOptions {
  /**
   * Told about scene content the painter refused to paint, such as an image src with a scheme
   * that is not allowed. Defaults to `console.warn`.
   */
  readonly onWarning?: (message: string) => void;
  /** Image sources that may be loaded, in the form of {@link DEFAULT_IMAGE_SOURCES} (the default). */
  readonly allowedImageSources?: readonly string[];
  /**
   * Draw the focus ring (default true): a box on top of the stage that glides to the focused node,
   * styled by the `[data-ficus-ring]` stylesheet the painter adds to the document. Off, an app
   * shows focus itself (the focused node's element carries `data-ficus-focused`).
   */
  readonly focusRing?: boolean;
  /**
   * Start with reduced motion (default false): every change is instant, as `setReducedMotion(true)`.
   * The browser boot passes the platform's `prefers-reduced-motion` and the app's setting.
   */
  readonly reducedMotion?: boolean;
  /** Refit the stage whenever the container resizes (default true); off, call `resize` yourself. */
  readonly autoResize?: boolean;
  /** The world shown at start; by default every world is shown until `setVisibleWorld` is called. */
  readonly visibleWorld?: WorldId | null;
  /**
   * Keep DOM focus on the focused node, so a screen reader follows the focus ring (default true).
   * The painter never takes focus from an element outside the stage (a devtools field, say).
   */
  readonly domFocus?: boolean;
}

/**
 * Paints a {@link SceneStore} into the DOM: a 1920×1080 stage, scaled and letterboxed into
 * `container`, holding one root element per world. `paint()` touches only the elements of the
 * nodes the store reports dirty; the host's frame loop calls it once per frame (the painter never
 * schedules frames itself).
 *
 * Hooks other tests rely on: `data-ficus-world` on each world root (the hidden one gets
 * `visibility: hidden` and `aria-hidden`), `data-ficus-page` on a world root, `data-ficus-focus-key`
 * on each node with a focus key, `data-ficus-focused` on the focused node, and `data-ficus-node`
 * (the node id) on every node element for debugging.
 *
 * Accessibility: each node's `role`, `label` and `description` become ARIA attributes (aria.ts),
 * the focused node holds DOM focus (focusable nodes get `tabindex="-1"`), and a polite live region
 * (`data-ficus-live-region`, next to the stage) says each page's name and each focus move.
 *
 * Text is only ever painted as text, and images only load from allowed URL schemes.
 *
 * @example
 * const store = new SceneStore();
 * const painter = new DomPainter(document.getElementById('app')!, store, {
 *   onWarning: (message) => telemetry.warn(message),
 * });
 * store.apply('wasm', [
 *   { op: 'create', id: 1, kind: 'text' },
 *   { op: 'setProp', id: 1, name: 'text', value: 'Hello' },
 *   { op: 'setProp', id: 1, name: 'focusKey', value: 'hello' },
 *   { op: 'append', parent: 0, child: 1 },
 * ]);
 * painter.setVisibleWorld('wasm');
 * painter.setFocused('wasm', 1);
 * painter.paint(); // once per frame, from the host's frame loop
 */
export class DomPainter {
  /** The 1920×1080 stage element; world roots are its children. */
  readonly stage: HTMLElement;
  private readonly doc: Document;
  private readonly layers = new Map<WorldId, WorldLayer>();
  private readonly warn: (message: string) => void;
  private readonly allowedImageSources: readonly string[];
  private readonly cleanups: Array<() => void> = [];
  private focus: { readonly world: WorldId; readonly id: NodeId } | null = null;
  /** The world `setVisibleWorld` last showed; undefined while every world is shown. */
  private shownWorld: WorldId | null | undefined = undefined;
  private readonly domFocus: boolean;
  /** Said through it: the page's name on a page change, the focused node's name on a focus move. */
  readonly liveRegion: LiveRegion;
  /** A page whose name is still to be said, once its world is on screen. */
  private pageToAnnounce: {
    readonly world: WorldId;
    readonly pageId: string;
    /** The focus when the page was set: the page leaving may still hold it. */
    readonly focusBefore: NodeId | null;
  } | null = null;
  /** The focus last said, and its name then, so a move (or a new name) is said once. */
  private announcedFocus: { readonly world: WorldId; readonly id: NodeId; readonly name: string } | null =
    null;
  private transform: StageTransform = { scale: 1, offsetX: 0, offsetY: 0 };
  private disposed = false;
  private reducedMotion: boolean;
  /** Nodes with animations made, to stop them all when motion is reduced. */
  private readonly animated = new Set<PaintedNode>();
  private readonly ring: FocusRingBox | null;
  private readonly crossfade = new PageCrossfade();
  /** The page containers a fade within one world shows the page arriving over. */
  private fadingPages: { readonly world: WorldId; readonly pages: readonly HTMLElement[] } | null = null;
  /** A page set to replace the one on screen, whose arrival is to cross-fade (see `setPage`). */
  private switchTo: { readonly world: WorldId; readonly fromOtherWorld: boolean } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly store: SceneStore,
    options: DomPainterOptions = {},
  ) {
    this.doc = container.ownerDocument;
    this.warn = options.onWarning ?? ((message) => console.warn(message));
    this.allowedImageSources = options.allowedImageSources ?? DEFAULT_IMAGE_SOURCES;
    this.domFocus = options.domFocus !== false;
    this.reducedMotion = options.reducedMotion === true;

    this.stage = this.doc.createElement('div');
    this.stage.setAttribute('data-ficus-stage', '');
    setStyles(this.stage, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: `${STAGE_WIDTH}px`,
      height: `${STAGE_HEIGHT}px`,
      overflow: 'hidden',
      'transform-origin': '0 0',
      // Driven by the remote's keys alone: no node is a pointer target, so the hit tests a browser
      // runs after frames (hover, Chromium's overlay heuristics) skip the whole scene.
      'pointer-events': 'none',
      // Nothing inside affects layout or paint outside the stage's fixed box.
      contain: 'strict',
    });
    for (const world of store.worldIds) {
      const root = this.doc.createElement('div');
      root.setAttribute('data-ficus-world', world);
      setStyles(root, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%' });
      this.stage.append(root);
      this.layers.set(world, {
        world,
        root,
        nodes: new Map(),
        owned: new WeakSet(),
        synced: false,
      });
    }
    // Last in the stage, so it is drawn over every world (and over the picture of a page leaving).
    this.ring = options.focusRing === false ? null : new FocusRingBox(this.doc);
    if (this.ring !== null) this.stage.append(this.ring.element);
    if (options.visibleWorld !== undefined) this.setVisibleWorld(options.visibleWorld);

    this.positionContainer();
    container.append(this.stage);
    this.cleanups.push(() => this.stage.remove());
    // Outside the stage: the hidden world's aria-hidden and the stage's transform never touch it.
    this.liveRegion = new LiveRegion(this.doc, container);
    this.cleanups.push(() => this.liveRegion.dispose());
    if (options.focusRing !== false) this.cleanups.push(retainFocusRing(this.doc));
    this.fitToContainer();
    if (options.autoResize !== false) this.followContainerSize();
  }

  /** The stage's current scale and letterbox offsets, in viewport pixels. */
  get stageTransform(): StageTransform {
    return this.transform;
  }

  /** Fits the stage to a viewport of this size (scaled uniformly, centered). */
  resize(width: number, height: number): void {
    this.transform = fitStage(width, height);
    this.stage.style.setProperty('transform', stageTransformCss(this.transform));
  }

  /**
   * Brings the DOM up to date with every world's scene, touching only the elements of nodes that
   * changed since the last paint. Safe to call when nothing changed (it then does nothing), and a
   * no-op after `dispose()` so a frame loop racing a teardown does no harm.
   */
  paint(): void {
    if (this.disposed) return;
    const awaited = this.switchTo;
    const fading =
      awaited !== null &&
      !awaited.fromOtherWorld &&
      this.isShown(awaited.world) &&
      showsNewPage(this.store, awaited.world)
        ? this.layers.get(awaited.world)
        : undefined;
    // A fade under way keeps watching: the page leaving may be hidden or removed a paint later.
    const kept = fading === undefined && this.crossfade.running ? this.fadingPages : null;
    const watched = fading ?? (kept === null ? undefined : this.layers.get(kept.world));
    const before = watched === undefined ? [] : shownPages(watched);
    for (const layer of this.layers.values()) this.paintWorld(layer);
    // Until a paint shows another page container, the switch is still to come.
    if (fading !== undefined && this.crossfadeWithin(fading, before)) this.switchTo = null;
    else if (kept !== null && watched !== undefined) this.lingerGone(watched, before, kept.pages);
    this.syncDomFocus();
    this.placeRing();
    this.announce();
  }

  /**
   * Turns animations off (every change instant, running ones end on their targets) or back on:
   * for the app's reduced-motion setting and the platform's `prefers-reduced-motion`.
   */
  setReducedMotion(reduced: boolean): void {
    if (this.reducedMotion === reduced) return;
    this.reducedMotion = reduced;
    if (!reduced) return;
    for (const painted of this.animated) painted.motions?.stopAll();
    this.ring?.stop();
    this.crossfade.finish();
    this.switchTo = null;
  }

  /** Whether motion is reduced (see `setReducedMotion`). */
  get motionReduced(): boolean {
    return this.reducedMotion;
  }

  /**
   * Moves the `data-ficus-focused` mark to node `id` of `world`, right away if its element exists,
   * else as soon as a paint creates it. There is one focus for the whole app, so the mark leaves
   * whichever world held it. `id: null` clears the focus if `world` holds it, and does nothing if
   * the other world does (a world giving up focus cannot take it from the other).
   * The mark follows the id: if the node is replaced by a new node with the same id, the new
   * node carries it until focus moves.
   */
  setFocused(world: WorldId, id: NodeId | null): void {
    this.layer(world);
    if (id === null && this.focus?.world !== world) return;
    this.focusedElement()?.removeAttribute(FOCUSED);
    this.focus = id === null ? null : { world, id };
    this.focusedElement()?.setAttribute(FOCUSED, '');
    this.syncDomFocus();
  }

  /**
   * Shows only `world` (or no world, for `null`); the others stay painted but hidden. Applied at
   * once; when it brings on the page `setPage` just set in that world, the world leaving stays
   * painted under it (hidden from screen readers at once) while it fades in.
   */
  setVisibleWorld(world: WorldId | null): void {
    if (world !== null) this.layer(world);
    const awaited = this.switchTo;
    const leaving =
      this.shownWorld === undefined || this.shownWorld === null
        ? undefined
        : this.layers.get(this.shownWorld);
    this.showWorld(world);
    if (!awaited?.fromOtherWorld || awaited.world !== world || this.reducedMotion) return;
    this.switchTo = null;
    const arriving = world === null ? undefined : this.layers.get(world);
    if (leaving === undefined || arriving === undefined || leaving === arriving) return;
    // The world leaving stays painted under the one fading in: its root stays hidden (and
    // aria-hidden: it is no longer on screen for tests and screen readers), its content shows.
    const content = leaving.nodes.get(ROOT_NODE_ID)?.element;
    if (content === undefined) return;
    content.style.setProperty('visibility', 'visible');
    arriving.root.style.setProperty('z-index', '1');
    const release = () => {
      arriving.root.style.removeProperty('z-index');
      content.style.removeProperty('visibility');
    };
    this.crossfade.start(arriving.root, [{ element: content, release }], PAGE_FADE);
  }

  private showWorld(world: WorldId | null): void {
    this.crossfade.finish();
    this.shownWorld = world;
    for (const layer of this.layers.values()) {
      if (layer.world === world) {
        layer.root.style.removeProperty('visibility');
        layer.root.removeAttribute('aria-hidden');
      } else {
        layer.root.style.setProperty('visibility', 'hidden');
        layer.root.setAttribute('aria-hidden', 'true');
      }
    }
    this.syncDomFocus();
  }

  /** Marks which page `world` has mounted (`data-ficus-page`), or that it has none. Applied at once. */
  setPage(world: WorldId, pageId: string | null): void {
    const { root } = this.layer(world);
    if (pageId !== null) this.awaitSwitch(world, pageId);
    if (pageId === null) root.removeAttribute('data-ficus-page');
    else root.setAttribute('data-ficus-page', pageId);
    // Said at the next paint that shows the world, with the page's first focus.
    if (pageId !== null)
      this.pageToAnnounce = {
        world,
        pageId,
        focusBefore: this.focus?.world === world ? this.focus.id : null,
      };
    else if (this.pageToAnnounce?.world === world) this.pageToAnnounce = null;
  }

  /** Removes the stage from the document and stops following the container's size. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.crossfade.finish();
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.switchTo = null;
    this.animated.clear();
    this.layers.clear();
    this.focus = null;
  }

  private paintWorld(layer: WorldLayer): void {
    const changes = this.store.takeChanges(layer.world);
    if (!layer.synced) {
      // The dirty lists only say what changed since someone last asked, which may not have been
      // this painter (a painter replacing a disposed one, say), so the first paint paints it all.
      layer.synced = true;
      this.ensure(layer, ROOT_NODE_ID);
      return;
    }
    this.forgetRemoved(layer, changes.removed);
    for (const id of changes.created) this.ensure(layer, id);
    for (const id of changes.updated) {
      const node = this.store.get(layer.world, id);
      const painted = layer.nodes.get(id);
      if (node === undefined) continue;
      if (painted === undefined || painted.kind !== node.kind) this.ensure(layer, id);
      else this.applyProps(layer, painted, node);
    }
    for (const id of changes.reordered) {
      const node = this.store.get(layer.world, id);
      const painted = this.ensure(layer, id);
      if (node !== undefined && painted !== undefined) this.placeChildren(layer, painted, node);
    }
  }

  /**
   * The node's element, created (with its props applied and its children placed) if it has none.
   * Creating lazily, rather than only for ids in `created`, keeps the DOM whole even if a change
   * list was missed.
   */
  private ensure(layer: WorldLayer, id: NodeId): PaintedNode | undefined {
    const node = this.store.get(layer.world, id);
    if (node === undefined) return undefined;
    const existing = layer.nodes.get(id);
    if (existing !== undefined) {
      if (existing.kind === node.kind) return existing;
      this.forget(layer, id);
    }
    const painted = this.createNode(layer, node);
    layer.nodes.set(id, painted);
    layer.owned.add(painted.element);
    this.applyProps(layer, painted, node);
    this.placeChildren(layer, painted, node);
    if (id === ROOT_NODE_ID) layer.root.append(painted.element);
    return painted;
  }

  private createNode(layer: WorldLayer, node: SceneNode): PaintedNode {
    const element = this.doc.createElement(node.kind === 'image' ? 'img' : 'div');
    element.setAttribute('data-ficus-node', String(node.id));
    setStyles(element, FIXED_NODE_STYLE);
    let text: Text | null = null;
    if (node.kind === 'image') {
      // Its alt (the label, or empty for a decorative image) comes with the props (aria.ts).
      element.setAttribute('draggable', 'false');
    } else if (node.kind === 'text') {
      text = this.doc.createTextNode('');
      element.append(text);
    }
    if (this.focus?.world === layer.world && this.focus.id === node.id) element.setAttribute(FOCUSED, '');
    return {
      id: node.id,
      kind: node.kind,
      element,
      text,
      style: new Map(),
      aria: new Map(),
      textValue: undefined,
      src: undefined,
      focusKey: undefined,
      targets: null,
      moves: false,
      motions: null,
    };
  }

  /**
   * Forgets removed nodes, taking out of the DOM only the top of each removed subtree: the rest
   * stays inside it, so a page container leaving (kept a moment for the cross-fade) is whole.
   */
  private forgetRemoved(layer: WorldLayer, ids: Iterable<NodeId>): void {
    const removed = new Set<Element>();
    for (const id of ids) {
      const painted = layer.nodes.get(id);
      if (painted === undefined) continue;
      removed.add(painted.element);
      this.animated.delete(painted);
      layer.nodes.delete(id);
      layer.owned.delete(painted.element);
    }
    for (const element of removed) {
      const parent = element.parentElement;
      if (parent === null || !removed.has(parent)) element.remove();
    }
  }

  private forget(layer: WorldLayer, id: NodeId): void {
    const painted = layer.nodes.get(id);
    if (painted === undefined) return;
    painted.element.remove();
    this.animated.delete(painted);
    layer.nodes.delete(id);
    layer.owned.delete(painted.element);
  }

  private applyProps(layer: WorldLayer, painted: PaintedNode, node: SceneNode): void {
    const { element } = painted;
    const targets = {
      translate: channelTarget('translate', node.props),
      opacity: channelTarget('opacity', node.props),
      scale: channelTarget('scale', node.props),
    };
    const previous = painted.targets;
    // A view that moves once (a rail that scrolls) will move again: give it its own layer.
    if (painted.kind === 'view' && previous !== null && !sameValue(previous.translate, targets.translate))
      painted.moves = true;
    this.animateChanges(layer, painted, node, previous, targets);
    painted.targets = targets;
    const mask = node.props.animate ?? 0;
    const style = nodeStyle(node.kind, node.props, {
      moves: painted.moves,
      translated: animates(mask, 'x') || animates(mask, 'y'),
    });
    for (const property of NODE_STYLE_PROPERTIES) {
      const value = style[property];
      if (painted.style.get(property) === value) continue;
      if (value === undefined) {
        element.style.removeProperty(property);
        painted.style.delete(property);
      } else {
        element.style.setProperty(property, value);
        painted.style.set(property, value);
      }
    }

    const aria = ariaAttributes(node.kind, node.props);
    for (const attribute of ARIA_ATTRIBUTES) {
      const value = aria[attribute];
      if (painted.aria.get(attribute) === value) continue;
      if (value === undefined) {
        element.removeAttribute(attribute);
        painted.aria.delete(attribute);
      } else {
        element.setAttribute(attribute, value);
        painted.aria.set(attribute, value);
      }
    }

    const { focusKey, text, src } = node.props;
    if (painted.focusKey !== focusKey) {
      painted.focusKey = focusKey;
      if (focusKey === undefined) element.removeAttribute(FOCUS_KEY);
      else element.setAttribute(FOCUS_KEY, focusKey);
    }
    if (painted.text !== null && painted.textValue !== text) {
      painted.textValue = text;
      // A Text node's textContent is its data: never parsed, so markup shows as the characters it is.
      painted.text.textContent = text ?? '';
    }
    if (painted.kind === 'image' && painted.src !== src) {
      painted.src = src;
      this.applySrc(layer, painted, src);
    }
  }

  /**
   * Starts (or retargets) the animations a prop change asks for: the channels whose value changed
   * and whose props the node's `animate` mask names, while motion is on and the world is shown.
   * Anything else is instant: a channel the mask no longer names stops where it is going.
   */
  private animateChanges(
    layer: WorldLayer,
    painted: PaintedNode,
    node: SceneNode,
    previous: Readonly<Record<MotionChannel, ChannelValue>> | null,
    targets: Readonly<Record<MotionChannel, ChannelValue>>,
  ): void {
    const mask = node.props.animate ?? 0;
    if (previous === null || (mask === 0 && painted.motions === null)) return;
    const moving = !this.reducedMotion && node.props.visible !== false && this.isShown(layer.world);
    for (const channel of MOTION_CHANNELS) {
      const axes = animatedAxes(channel, mask);
      const target = targets[channel];
      if (!moving || !axes.includes(true)) {
        painted.motions?.stop(channel);
        continue;
      }
      if (sameValue(previous[channel], target)) continue;
      if (painted.motions === null) {
        if (!NodeMotions.supported(painted.element)) return;
        painted.motions = new NodeMotions(painted.element);
        this.animated.add(painted);
      }
      painted.motions.change(channel, previous[channel], target, axes, motionTiming(node.props));
    }
  }

  /**
   * A page set while another is on screen: its arrival cross-fades (PageTransition), when the
   * browser can and motion is not reduced. Not for the first page, which has nothing to fade from.
   */
  private awaitSwitch(world: WorldId, pageId: string): void {
    if (this.reducedMotion) return;
    const shownWorld = this.shownWorld ?? world;
    if (shownWorld === null) return;
    const current = this.layer(shownWorld).root.getAttribute('data-ficus-page');
    if (current === null || (shownWorld === world && current === pageId)) return;
    this.switchTo = { world, fromOtherWorld: shownWorld !== world };
  }

  /**
   * Cross-fades a switch within one world: the page containers the paint just hid or removed
   * stay on screen, below, until the one it just showed has faded in over them.
   */
  private crossfadeWithin(layer: WorldLayer, before: readonly HTMLElement[]): boolean {
    const after = shownPages(layer);
    const arriving = after.filter((element) => !before.includes(element));
    const [first] = arriving;
    if (first === undefined || arriving.length !== 1) return false;
    const leaving = before.filter((element) => element !== first);
    const kept = leaving
      .filter((element) => !after.includes(element))
      .flatMap((element) => this.kept(layer, element));
    this.crossfade.start(first, kept, PAGE_FADE);
    this.fadingPages = { world: layer.world, pages: leaving };
    return true;
  }

  /** Keeps on screen, for the rest of the fade, the pages leaving that this paint took away. */
  private lingerGone(
    layer: WorldLayer,
    before: readonly HTMLElement[],
    leaving: readonly HTMLElement[],
  ): void {
    const after = shownPages(layer);
    for (const element of before)
      if (leaving.includes(element) && !after.includes(element))
        for (const kept of this.kept(layer, element)) this.crossfade.keep(kept);
  }

  /** The page container leaving, kept painted for the fade (none if its world has no root yet). */
  private kept(layer: WorldLayer, element: HTMLElement): Lingering[] {
    const kept = linger(layer, element, () => this.focusedElement());
    return kept === undefined ? [] : [kept];
  }

  /**
   * Moves the focus ring to the focused node as it will be shown (scales included), gliding with
   * the timing of the node or of the nearest ancestor that animates its position (a rail), so the
   * ring and the rail arrive together; at once with reduced motion.
   */
  private placeRing(): void {
    const ring = this.ring;
    if (ring === null) return;
    const focus = this.focus;
    const rect =
      focus === null || !this.isShown(focus.world) ? undefined : shownRect(this.store, focus.world, focus.id);
    if (focus === null || rect === undefined) {
      ring.place(null, 0, null);
      return;
    }
    const node = this.store.get(focus.world, focus.id);
    ring.place(
      rect,
      node?.props.borderRadius ?? 0,
      this.reducedMotion ? null : this.ringTiming(focus.world, focus.id),
    );
  }

  private ringTiming(world: WorldId, id: NodeId): MotionTiming {
    for (let node = this.store.get(world, id); node !== undefined; ) {
      const mask = node.props.animate ?? 0;
      if (animates(mask, 'x') || animates(mask, 'y')) return motionTiming(node.props);
      node = node.parent === null ? undefined : this.store.get(world, node.parent);
    }
    return motionTiming({});
  }

  private applySrc(layer: WorldLayer, painted: PaintedNode, src: string | undefined): void {
    if (src === undefined) {
      painted.element.removeAttribute('src');
      return;
    }
    const checked = checkImageUrl(src, this.doc.baseURI, this.allowedImageSources);
    if (checked.ok) {
      painted.element.setAttribute('src', checked.url);
      return;
    }
    painted.element.removeAttribute('src');
    this.warn(
      `world "${layer.world}" node ${painted.id}: image src refused (${checked.reason}); the image is left empty`,
    );
  }

  /** Makes the element's child elements match the node's children, moving as few as possible. */
  private placeChildren(layer: WorldLayer, parent: PaintedNode, node: SceneNode): void {
    const wanted: HTMLElement[] = [];
    for (const childId of node.children) {
      const child = this.ensure(layer, childId);
      if (child !== undefined) wanted.push(child.element);
    }
    const wantedIndex = new Map<Element, number>(wanted.map((element, index) => [element, index]));

    // Where each wanted element already inside this parent should end up; elements that no longer
    // belong here are taken out (a node moved elsewhere is put back by its new parent).
    const positions: number[] = [];
    for (let element = parent.element.firstElementChild; element !== null; ) {
      const next = element.nextElementSibling;
      if (layer.owned.has(element)) {
        const index = wantedIndex.get(element);
        if (index === undefined) element.remove();
        else positions.push(index);
      }
      element = next;
    }

    const staying = new Set<number>();
    for (const entry of stableEntries(positions)) staying.add(positions[entry] ?? -1);
    let anchor: HTMLElement | null = null;
    for (let index = wanted.length - 1; index >= 0; index--) {
      const element = wanted[index];
      if (element === undefined) continue;
      if (!staying.has(index)) parent.element.insertBefore(element, anchor);
      anchor = element;
    }
  }

  /** Whether `world` is on screen (every world is until `setVisibleWorld` is first called). */
  private isShown(world: WorldId): boolean {
    return this.shownWorld === undefined || this.shownWorld === world;
  }

  /**
   * Gives the focused node's element DOM focus, so the platform's screen reader follows the focus
   * ring. Only when nothing else holds focus (the body, or an element of the stage): a field of
   * the app outside the stage keeps its focus. `preventScroll`: the stage is laid out by
   * coordinates, and a browser scrolling a focused node into view would shift the whole picture.
   */
  private syncDomFocus(): void {
    if (!this.domFocus || this.disposed || this.focus === null || !this.isShown(this.focus.world)) return;
    const element = this.focusedElement();
    if (element === undefined || !element.isConnected) return;
    const active = this.doc.activeElement;
    if (active === element) return;
    if (active !== null && active !== this.doc.body && !this.stage.contains(active)) return;
    element.focus({ preventScroll: true });
  }

  /**
   * Says what changed through the live region, once per paint at most: a page just shown, once
   * focus is on it (its name: the first heading's label or text, else its page id), and a focus
   * that moved (or whose
   * name changed), as one announcement ("Settings, Back") so neither cuts the other off.
   */
  private announce(): void {
    const parts: string[] = [];
    const page = this.pageToAnnounce;
    // Said with the page's first focus (a focus that moved since the page was set, so it is on the
    // new page): before it, the page may still be loading, with no heading yet.
    const landed = this.focus;
    if (
      page !== null &&
      landed !== null &&
      landed.world === page.world &&
      landed.id !== page.focusBefore &&
      this.isShown(page.world)
    ) {
      this.pageToAnnounce = null;
      // Landed: the switch is over, whether or not it cross-faded.
      if (this.switchTo?.world === page.world) this.switchTo = null;
      parts.push(this.pageName(page.world, landed.id) ?? page.pageId);
    }
    const focus = this.focus;
    if (focus !== null && this.isShown(focus.world)) {
      const node = this.store.get(focus.world, focus.id);
      const name = node === undefined ? undefined : spokenName(node.props);
      const said = this.announcedFocus;
      if (
        name !== undefined &&
        (said === null || said.world !== focus.world || said.id !== focus.id || said.name !== name)
      ) {
        this.announcedFocus = { world: focus.world, id: focus.id, name };
        parts.push(name);
      }
    }
    if (parts.length > 0) this.liveRegion.say(parts.join(', '));
  }

  /**
   * The name of the page holding node `focused`: the first visible heading, in tree order, of its
   * page container (the world root's child it is in; a world may still hold the page leaving).
   */
  private pageName(world: WorldId, focused: NodeId): string | undefined {
    let container = this.store.get(world, focused);
    while (container !== undefined && container.parent !== null && container.parent !== ROOT_NODE_ID)
      container = this.store.get(world, container.parent);
    if (container === undefined) return undefined;
    const pending: NodeId[] = [container.id];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      const node = this.store.get(world, id);
      if (node === undefined || node.props.visible === false) continue;
      if (node.props.role === 'heading') {
        const name = spokenName(node.props);
        if (name !== undefined) return name;
      }
      // Reversed onto the stack, so children are visited in tree order.
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index];
        if (child !== undefined) pending.push(child);
      }
    }
    return undefined;
  }

  private focusedElement(): HTMLElement | undefined {
    if (this.focus === null) return undefined;
    return this.layers.get(this.focus.world)?.nodes.get(this.focus.id)?.element;
  }

  private layer(world: WorldId): WorldLayer {
    const layer = this.layers.get(world);
    if (layer !== undefined) return layer;
    if (this.disposed) throw new Error(`this DomPainter was disposed; world "${world}" is no longer painted`);
    throw new Error(`unknown world "${world}": the painter's store holds ${this.store.worldIds.join(', ')}`);
  }

  /** The stage is absolutely positioned, so a statically positioned container must become its box. */
  private positionContainer(): void {
    const view = this.doc.defaultView;
    const position = view === null ? '' : view.getComputedStyle(this.container).position;
    if (this.container.style.position !== '' || (position !== '' && position !== 'static')) return;
    this.container.style.setProperty('position', 'relative');
    this.cleanups.push(() => this.container.style.removeProperty('position'));
  }

  private fitToContainer(): void {
    // A container with no size yet (e.g. a body whose only child is the absolute stage) is measured
    // as the window instead, which is what a full-screen TV app wants.
    const view = this.doc.defaultView;
    const width = this.container.clientWidth > 0 ? this.container.clientWidth : (view?.innerWidth ?? 0);
    const height = this.container.clientHeight > 0 ? this.container.clientHeight : (view?.innerHeight ?? 0);
    this.resize(width, height);
  }

  private followContainerSize(): void {
    const view = this.doc.defaultView;
    if (view === null) return;
    const refit = (): void => this.fitToContainer();
    if (typeof view.ResizeObserver === 'function') {
      const observer = new view.ResizeObserver(refit);
      observer.observe(this.container);
      this.cleanups.push(() => observer.disconnect());
    } else {
      view.addEventListener('resize', refit);
      this.cleanups.push(() => view.removeEventListener('resize', refit));
    }
  }
}

function setStyles(element: HTMLElement, styles: Readonly<Record<string, string>>): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value);
}
