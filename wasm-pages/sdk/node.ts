// Scene nodes: view, text and image, with chainable prop setters and tree operations. Setters only
// record what the page wants; at the next flush each prop that differs from what the host already
// has goes out once, with its latest value (see scene.ts).
import { BatchWriter } from "./batch-writer";
import { FocusHandler } from "./focus";
import {
  Fit, FontWeight, IMAGE_PROP_END, IMAGE_PROP_FIRST, isColor, isFocusKey, isRole, kindName, NodeKind, Prop, propAppliesTo, propName,
  TextAlign,
} from "./props";
import * as rule from "./props";
import { isAnimateEasing } from "./props"; // the value rules of bridge/props.ts, generated: rule.X_MIN, rule.TEXT_MAX_LENGTH, …
import { allocateId, batch, forgetNode, markDirty, registerNode } from "./scene";

const UNSET: u8 = 0;
const BOOL: u8 = 1;
const NUMBER: u8 = 2;
const STRING: u8 = 3;

/** One prop of one node: what the page wants now, and what the host was last sent. */
class PropSlot {
  type: u8 = UNSET;
  num: f64 = 0;
  str: string = "";
  sentType: u8 = UNSET;
  sentNum: f64 = 0;
  sentStr: string = "";

  constructor(public prop: Prop) {}

  changed(): bool {
    if (this.type != this.sentType) return true;
    if (this.type == STRING) return this.str != this.sentStr;
    return this.type != UNSET && this.num != this.sentNum;
  }

  write(id: u32, out: BatchWriter): void {
    const code = <u8>this.prop;
    if (this.type == UNSET) out.setNull(id, code);
    else if (this.type == BOOL) out.setBool(id, code, this.num != 0);
    else if (this.type == NUMBER) out.setNumber(id, code, this.num);
    else out.setString(id, code, this.str);
    this.sentType = this.type;
    this.sentNum = this.num;
    this.sentStr = this.str;
  }
}

export class Node {
  /** Free for the page, e.g. the index of a tile, so a handler (which cannot capture) can tell tiles apart. */
  tag: i32 = 0;
  parent: Node | null = null;
  children: Node[] = [];
  /** False once the node (or an ancestor) was removed: the SDK has forgotten it. */
  alive: bool = true;
  focusHandler: FocusHandler | null = null;
  blurHandler: FocusHandler | null = null;
  selectHandler: FocusHandler | null = null;
  arrowHandler: FocusHandler | null = null;
  private slots: PropSlot[] = [];
  private queued: bool = false;

  constructor(public readonly id: u32, public readonly kind: NodeKind, public readonly isRoot: bool) {}

  /** A new node of `kind` (use `view()`, `text()`, `image()`). */
  static create(kind: NodeKind): Node {
    const node = new Node(allocateId(kind), kind, false);
    registerNode(node);
    return node;
  }

  /** The page's container node (see `root()`). */
  static makeRoot(id: u32): Node {
    return new Node(id, NodeKind.View, true);
  }

  /** e.g. "node 16777218 (text)", for messages. */
  describe(): string {
    return "node " + this.id.toString() + " (" + kindName(this.kind) + (this.isRoot ? ", the page root" : "") + ")";
  }

  // ---- props for every kind -------------------------------------------------------------------

  x(value: f64): Node { return this.setNumber(Prop.X, value, rule.X_MIN, rule.X_MAX, rule.X_INTEGER); }
  y(value: f64): Node { return this.setNumber(Prop.Y, value, rule.Y_MIN, rule.Y_MAX, rule.Y_INTEGER); }
  width(value: f64): Node { return this.setNumber(Prop.Width, value, rule.WIDTH_MIN, rule.WIDTH_MAX, rule.WIDTH_INTEGER); }
  height(value: f64): Node { return this.setNumber(Prop.Height, value, rule.HEIGHT_MIN, rule.HEIGHT_MAX, rule.HEIGHT_INTEGER); }
  /** x, y, width and height at once. */
  rect(x: f64, y: f64, width: f64, height: f64): Node { return this.x(x).y(y).width(width).height(height); }
  backgroundColor(value: string): Node { return this.setColor(Prop.BackgroundColor, value); }
  opacity(value: f64): Node { return this.setNumber(Prop.Opacity, value, rule.OPACITY_MIN, rule.OPACITY_MAX, rule.OPACITY_INTEGER); }
  zIndex(value: i32): Node { return this.setNumber(Prop.ZIndex, <f64>value, rule.Z_INDEX_MIN, rule.Z_INDEX_MAX, rule.Z_INDEX_INTEGER); }
  clip(value: bool = true): Node { return this.setBool(Prop.Clip, value); }
  borderRadius(value: f64): Node { return this.setNumber(Prop.BorderRadius, value, rule.BORDER_RADIUS_MIN, rule.BORDER_RADIUS_MAX, rule.BORDER_RADIUS_INTEGER); }
  borderColor(value: string): Node { return this.setColor(Prop.BorderColor, value); }
  borderWidth(value: f64): Node { return this.setNumber(Prop.BorderWidth, value, rule.BORDER_WIDTH_MIN, rule.BORDER_WIDTH_MAX, rule.BORDER_WIDTH_INTEGER); }
  /** false hides the node and its subtree and takes them out of focus. */
  visible(value: bool): Node { return this.setBool(Prop.Visible, value); }
  /** Size multiplier about the node's center (1 as laid out): a focused tile grows with `scale(1.08)`. */
  scale(value: f64): Node { return this.setNumber(Prop.Scale, value, rule.SCALE_MIN, rule.SCALE_MAX, rule.SCALE_INTEGER); }

  // ---- motion: the host animates changes itself, on the compositor; the page sends targets only ----

  /**
   * Animates later changes of the props in `props` (Animate.X | Animate.Y | Animate.OPACITY |
   * Animate.SCALE) instead of jumping to them. `duration` and `delay` in ms and `easing` (one of
   * AnimateEasing.*) are set only when given; unset, the host uses 200 ms, ease-out and no delay.
   * A change made mid-flight retargets from where the node is, and the node always ends on the value
   * last set. e.g. `rail.animate(Animate.X, 250)` makes the rail glide when `rail.x(...)` changes.
   */
  animate(props: i32, duration: i32 = -1, easing: string = "", delay: i32 = -1): Node {
    this.setNumber(Prop.Animate, <f64>props, rule.ANIMATE_MIN, rule.ANIMATE_MAX, rule.ANIMATE_INTEGER);
    if (duration >= 0) this.animateDuration(duration);
    if (easing.length > 0) this.animateEasing(easing);
    if (delay >= 0) this.animateDelay(delay);
    return this;
  }
  /** How long an animated change takes, in ms (0 to 10,000). */
  animateDuration(ms: i32): Node {
    return this.setNumber(Prop.AnimateDuration, <f64>ms, rule.ANIMATE_DURATION_MIN, rule.ANIMATE_DURATION_MAX, rule.ANIMATE_DURATION_INTEGER);
  }
  /** The timing function of an animated change: one of AnimateEasing.* ("linear", "ease", "ease-in", "ease-out", "ease-in-out"). */
  animateEasing(value: string): Node {
    if (!isAnimateEasing(value)) this.fail(Prop.AnimateEasing, "\"" + value + "\" is not one of " + rule.animateEasingChoices());
    return this.setString(Prop.AnimateEasing, value);
  }
  /** How long an animated change waits before it starts, in ms (0 to 10,000). */
  animateDelay(ms: i32): Node {
    return this.setNumber(Prop.AnimateDelay, <f64>ms, rule.ANIMATE_DELAY_MIN, rule.ANIMATE_DELAY_MAX, rule.ANIMATE_DELAY_INTEGER);
  }

  // ---- text nodes -----------------------------------------------------------------------------

  text(value: string): Node {
    if (value.length > rule.TEXT_MAX_LENGTH) this.fail(Prop.Text, rule.textLengthRule()); // TEXT_MIN_LENGTH is 0 (tested)
    return this.setString(Prop.Text, value);
  }
  color(value: string): Node { return this.setColor(Prop.Color, value); }
  fontSize(value: f64): Node { return this.setNumber(Prop.FontSize, value, rule.FONT_SIZE_MIN, rule.FONT_SIZE_MAX, rule.FONT_SIZE_INTEGER); }
  /** "normal" or "bold" (FontWeight.NORMAL / FontWeight.BOLD). */
  fontWeight(value: string): Node { return this.setChoice(Prop.FontWeight, value, FontWeight.NORMAL, FontWeight.BOLD, ""); }
  /** "left", "center" or "right" (TextAlign.*). */
  textAlign(value: string): Node { return this.setChoice(Prop.TextAlign, value, TextAlign.LEFT, TextAlign.CENTER, TextAlign.RIGHT); }
  maxLines(value: i32): Node { return this.setNumber(Prop.MaxLines, <f64>value, rule.MAX_LINES_MIN, rule.MAX_LINES_MAX, rule.MAX_LINES_INTEGER); }

  // ---- image nodes ----------------------------------------------------------------------------

  /** An image URL; the host paints only https:, http:, blob:, data:image/… and relative URLs. */
  src(value: string): Node {
    if (value.length < rule.SRC_MIN_LENGTH || value.length > rule.SRC_MAX_LENGTH) this.fail(Prop.Src, rule.srcLengthRule());
    return this.setString(Prop.Src, value);
  }
  /** "cover", "contain" or "fill" (Fit.*). */
  fit(value: string): Node { return this.setChoice(Prop.Fit, value, Fit.COVER, Fit.CONTAIN, Fit.FILL); }

  // ---- focus ----------------------------------------------------------------------------------

  /** Makes the node focusable; unique in the world and stable, so Back can restore focus to it. */
  focusKey(value: string): Node { return this.setKey(Prop.FocusKey, value); }
  /** The node remembers its last focused child and restores it when focus comes back. */
  focusGroup(value: bool = true): Node { return this.setBool(Prop.FocusGroup, value); }
  /** The focus key to focus first when focus enters this node. */
  preferredChild(value: string): Node { return this.setKey(Prop.PreferredChild, value); }
  /** Directions focus may not leave this node in: a mask of Boundary.* bits or `boundaryMask([...])`. */
  boundary(mask: i32): Node { return this.setNumber(Prop.Boundary, <f64>mask, rule.BOUNDARY_MIN, rule.BOUNDARY_MAX, rule.BOUNDARY_INTEGER); }

  // ---- accessibility --------------------------------------------------------------------------

  /** What the node is for a screen reader: one of Role.* ("button", "heading", "text", "image", …). */
  role(value: string): Node {
    if (!isRole(value)) this.fail(Prop.Role, "\"" + value + "\" is not one of " + rule.roleChoices());
    return this.setString(Prop.Role, value);
  }
  /** The name a screen reader says for the node (1 to LABEL_MAX_LENGTH characters); every focusable needs one. */
  label(value: string): Node {
    if (value.length < rule.LABEL_MIN_LENGTH || value.length > rule.LABEL_MAX_LENGTH) this.fail(Prop.Label, rule.labelLengthRule());
    return this.setString(Prop.Label, value);
  }
  /** Extra words a screen reader says after the label. */
  description(value: string): Node {
    if (value.length < rule.DESCRIPTION_MIN_LENGTH || value.length > rule.DESCRIPTION_MAX_LENGTH)
      this.fail(Prop.Description, rule.descriptionLengthRule());
    return this.setString(Prop.Description, value);
  }

  /** Clears a prop back to its default (a setProp with null). */
  clear(prop: Prop): Node {
    const slot = this.slot(prop);
    slot.type = UNSET;
    slot.num = 0;
    slot.str = "";
    return this.touched(slot);
  }

  // ---- reading props back ---------------------------------------------------------------------

  hasProp(prop: Prop): bool {
    const slot = this.find(prop);
    return slot !== null && slot.type != UNSET;
  }
  numberProp(prop: Prop, fallback: f64 = NaN): f64 {
    const slot = this.find(prop);
    return slot !== null && slot.type == NUMBER ? slot.num : fallback;
  }
  stringProp(prop: Prop, fallback: string = ""): string {
    const slot = this.find(prop);
    return slot !== null && slot.type == STRING ? slot.str : fallback;
  }
  boolProp(prop: Prop, fallback: bool = false): bool {
    const slot = this.find(prop);
    return slot !== null && slot.type == BOOL ? slot.num != 0 : fallback;
  }

  // ---- per-node event handlers (plain functions, no captures) ---------------------------------

  onFocus(handler: FocusHandler): Node { this.focusHandler = handler; return this; }
  onBlur(handler: FocusHandler): Node { this.blurHandler = handler; return this; }
  onSelect(handler: FocusHandler): Node { this.selectHandler = handler; return this; }
  onArrow(handler: FocusHandler): Node { this.arrowHandler = handler; return this; }

  // ---- tree -----------------------------------------------------------------------------------

  /** Adds `child` as the last child (moving it if it is attached elsewhere). Returns this node. */
  append(child: Node): Node {
    this.checkParentOf(child, "append");
    this.detach(child);
    this.children.push(child);
    child.parent = this;
    batch.append(this.id, child.id);
    return this;
  }

  /** Inserts `child` before `before`, one of this node's children. Returns this node. */
  insertBefore(child: Node, before: Node): Node {
    this.checkParentOf(child, "insertBefore");
    if (before === child) throw new Error("insertBefore: " + child.describe() + " cannot be inserted before itself");
    if (before.parent !== this)
      throw new Error("insertBefore: " + before.describe() + " is not a child of " + this.describe());
    this.detach(child);
    insertAt(this.children, this.children.indexOf(before), child);
    child.parent = this;
    batch.insertBefore(this.id, child.id, before.id);
    return this;
  }

  /** Removes this node and destroys its whole subtree; the SDK forgets them (ids are not reused). */
  remove(): void {
    if (this.isRoot) throw new Error("remove: the page root belongs to the host and cannot be removed");
    if (!this.alive) throw new Error("remove: " + this.describe() + " was already removed");
    const parent = this.parent;
    if (parent !== null) {
      const siblings = parent.children;
      siblings.splice(siblings.indexOf(this), 1);
      this.parent = null;
    }
    batch.remove(this.id);
    this.destroy();
  }

  /** Removes every child of this node (one remove op each). Returns this node. */
  removeChildren(): Node {
    const children = this.children.slice(0);
    for (let i = 0; i < children.length; i++) unchecked(children[i]).remove();
    return this;
  }

  // ---- internals ------------------------------------------------------------------------------

  /** Writes the props that differ from what the host has (called by flushScene). */
  writeChangedProps(out: BatchWriter): void {
    this.queued = false;
    if (!this.alive) return;
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const slot = unchecked(slots[i]);
      if (slot.changed()) slot.write(this.id, out);
    }
  }

  private destroy(): void {
    this.alive = false;
    forgetNode(this);
    const children = this.children;
    for (let i = 0; i < children.length; i++) unchecked(children[i]).destroy();
    this.children = [];
    this.focusHandler = null;
    this.blurHandler = null;
    this.selectHandler = null;
    this.arrowHandler = null;
  }

  private detach(child: Node): void {
    const old = child.parent;
    if (old === null) return;
    const siblings = old.children;
    siblings.splice(siblings.indexOf(child), 1);
    child.parent = null;
  }

  private checkParentOf(child: Node, call: string): void {
    if (!this.alive) throw new Error(call + ": " + this.describe() + " was removed");
    if (!child.alive) throw new Error(call + ": " + child.describe() + " was removed");
    if (this.kind != NodeKind.View)
      throw new Error(call + ": " + this.describe() + " cannot have children; wrap both in a view instead");
    if (child.isRoot) throw new Error(call + ": the page root cannot be moved");
    let ancestor: Node | null = this;
    while (ancestor !== null) {
      if (ancestor === child)
        throw new Error(call + ": " + child.describe() + " cannot move into " + this.describe() + ", which is inside it (or is it)");
      ancestor = ancestor.parent;
    }
  }

  private find(prop: Prop): PropSlot | null {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) if (unchecked(slots[i]).prop == prop) return unchecked(slots[i]);
    return null;
  }

  private slot(prop: Prop): PropSlot {
    if (this.isRoot) throw new Error(propName(prop) + ": the page root's props belong to the host; add a full-stage view under root() instead");
    if (!this.alive) throw new Error(propName(prop) + ": " + this.describe() + " was removed");
    if (!propAppliesTo(prop, this.kind)) {
      const kinds = <i32>prop >= IMAGE_PROP_FIRST && <i32>prop < IMAGE_PROP_END ? "image" : "text";
      throw new Error(propName(prop) + " applies to " + kinds + " nodes, and " + this.describe() + " is a " + kindName(this.kind));
    }
    const found = this.find(prop);
    if (found !== null) return found;
    const slot = new PropSlot(prop);
    this.slots.push(slot);
    return slot;
  }

  private touched(slot: PropSlot): Node {
    if (!this.queued && slot.changed()) {
      this.queued = true;
      markDirty(this);
    }
    return this;
  }

  private fail(prop: Prop, why: string): void {
    throw new Error(this.describe() + ": " + propName(prop) + " " + why);
  }

  private setNumber(prop: Prop, value: f64, min: f64, max: f64, integer: bool): Node {
    if (!(value >= min && value <= max))
      this.fail(prop, value.toString() + " is out of range " + min.toString() + " to " + max.toString());
    if (integer && Math.floor(value) != value) this.fail(prop, value.toString() + " must be a whole number");
    const slot = this.slot(prop);
    slot.type = NUMBER;
    slot.num = value == 0 ? 0 : value; // -0 and 0 draw the same
    slot.str = "";
    return this.touched(slot);
  }

  private setBool(prop: Prop, value: bool): Node {
    const slot = this.slot(prop);
    slot.type = BOOL;
    slot.num = value ? 1 : 0;
    slot.str = "";
    return this.touched(slot);
  }

  private setString(prop: Prop, value: string): Node {
    const slot = this.slot(prop);
    slot.type = STRING;
    slot.num = 0;
    slot.str = value;
    return this.touched(slot);
  }

  private setColor(prop: Prop, value: string): Node {
    if (!isColor(value)) this.fail(prop, "\"" + value + rule.notAColor());
    return this.setString(prop, value);
  }

  private setKey(prop: Prop, value: string): Node {
    if (!isFocusKey(value)) this.fail(prop, "\"" + value + rule.notAFocusKey());
    return this.setString(prop, value);
  }

  private setChoice(prop: Prop, value: string, a: string, b: string, c: string): Node {
    if (value != a && value != b && (c.length == 0 || value != c))
      this.fail(prop, "\"" + value + "\" is not one of " + a + ", " + b + (c.length > 0 ? ", " + c : ""));
    return this.setString(prop, value);
  }
}

/** Inserts `item` at `index` (AssemblyScript's splice cannot insert). */
function insertAt(list: Node[], index: i32, item: Node): void {
  list.push(item);
  for (let i = list.length - 1; i > index; i--) unchecked(list[i] = list[i - 1]);
  unchecked(list[index] = item);
}

/** A new view (a box that can hold children). */
export function view(): Node {
  return Node.create(NodeKind.View);
}

/** A new text node; `content` becomes its `text` prop unless empty. */
export function text(content: string = ""): Node {
  const node = Node.create(NodeKind.Text);
  if (content.length > 0) node.text(content);
  return node;
}

/** A new image node; `url` becomes its `src` prop unless empty. */
export function image(url: string = ""): Node {
  const node = Node.create(NodeKind.Image);
  if (url.length > 0) node.src(url);
  return node;
}
