// generated from bridge/props.ts, bridge/scene-codec/format.ts (KIND_CODES) by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.
// Numbers are `@inline` constants: asc puts the literal where one is used (a plain constant
// can stay a global, as in a `switch` case), so modules come out as they did with literals.

/** Node kinds (the `u8 kind` of a create op). */
export enum NodeKind {
  View = 0,
  Text = 1,
  Image = 2,
}

/** "view", "text", "image": a kind's name, for messages. */
export function kindName(kind: NodeKind): string {
  if (kind == NodeKind.Text) return "text";
  if (kind == NodeKind.Image) return "image";
  return "view";
}

/** The one-byte prop codes of bridge/props.ts. Use them with `Node.clear(prop)` and the readers. */
export enum Prop {
  /** left edge, relative to the parent */
  X = 1,
  /** top edge, relative to the parent */
  Y = 2,
  /** width in stage pixels */
  Width = 3,
  /** height in stage pixels */
  Height = 4,
  /** fill color */
  BackgroundColor = 5,
  /** 0 (invisible) to 1 */
  Opacity = 6,
  /** stacking among siblings */
  ZIndex = 7,
  /** hide children outside this node */
  Clip = 8,
  /** corner radius */
  BorderRadius = 9,
  /** border color (see borderWidth) */
  BorderColor = 10,
  /** border width, drawn inside the box */
  BorderWidth = 11,
  /** false hides the node and its subtree and takes them out of focus */
  Visible = 12,
  /** size multiplier about the center (1 as laid out); children scale with it, focus uses the layout box */
  Scale = 13,
  /** the text, always painted as text */
  Text = 20,
  /** text color */
  Color = 21,
  /** font size in stage pixels */
  FontSize = 22,
  /** font weight */
  FontWeight = 23,
  /** horizontal alignment */
  TextAlign = 24,
  /** lines shown before an ellipsis */
  MaxLines = 25,
  /** image URL (allowed schemes only) */
  Src = 30,
  /** how the image fills its box */
  Fit = 31,
  /** makes the node focusable; unique within a world */
  FocusKey = 40,
  /** remembers its last focused child and restores it on re-entry */
  FocusGroup = 41,
  /** focus key to focus first when focus enters this node */
  PreferredChild = 42,
  /** directions focus may not leave in (mask, see boundaryMask) */
  Boundary = 43,
  /** what the node is, for screen readers (button, heading, ...) */
  Role = 50,
  /** the name a screen reader says for the node; every focusable node needs one */
  Label = 51,
  /** extra words a screen reader says after the label */
  Description = 52,
  /** which prop changes animate instead of jumping: bits x 1, y 2, opacity 4, scale 8 (see animateMask) */
  Animate = 60,
  /** how long an animated change takes, in ms (default 200) */
  AnimateDuration = 61,
  /** the animation's timing function (default ease-out) */
  AnimateEasing = 62,
  /** ms an animated change waits before it starts (default 0) */
  AnimateDelay = 63,
}

/** A prop's name in bridge/props.ts (as in "x", "backgroundColor"), for messages. */
export function propName(prop: Prop): string {
  switch (prop) {
    case Prop.X: return "x";
    case Prop.Y: return "y";
    case Prop.Width: return "width";
    case Prop.Height: return "height";
    case Prop.BackgroundColor: return "backgroundColor";
    case Prop.Opacity: return "opacity";
    case Prop.ZIndex: return "zIndex";
    case Prop.Clip: return "clip";
    case Prop.BorderRadius: return "borderRadius";
    case Prop.BorderColor: return "borderColor";
    case Prop.BorderWidth: return "borderWidth";
    case Prop.Visible: return "visible";
    case Prop.Scale: return "scale";
    case Prop.Text: return "text";
    case Prop.Color: return "color";
    case Prop.FontSize: return "fontSize";
    case Prop.FontWeight: return "fontWeight";
    case Prop.TextAlign: return "textAlign";
    case Prop.MaxLines: return "maxLines";
    case Prop.Src: return "src";
    case Prop.Fit: return "fit";
    case Prop.FocusKey: return "focusKey";
    case Prop.FocusGroup: return "focusGroup";
    case Prop.PreferredChild: return "preferredChild";
    case Prop.Boundary: return "boundary";
    case Prop.Role: return "role";
    case Prop.Label: return "label";
    case Prop.Description: return "description";
    case Prop.Animate: return "animate";
    case Prop.AnimateDuration: return "animateDuration";
    case Prop.AnimateEasing: return "animateEasing";
    case Prop.AnimateDelay: return "animateDelay";
  }
  return "prop " + (<i32>prop).toString();
}

/** Codes 20-29 are text props and 30-39 image props; the others apply to every kind. */
@inline export const TEXT_PROP_FIRST: i32 = 20;
@inline export const TEXT_PROP_END: i32 = 30;
@inline export const IMAGE_PROP_FIRST: i32 = 30;
@inline export const IMAGE_PROP_END: i32 = 40;

/** Which node kinds a prop applies to, as in bridge/props.ts: text props on text, image props on image. */
export function propAppliesTo(prop: Prop, kind: NodeKind): bool {
  const code = <i32>prop;
  if (code >= TEXT_PROP_FIRST && code < TEXT_PROP_END) return kind == NodeKind.Text;
  if (code >= IMAGE_PROP_FIRST && code < IMAGE_PROP_END) return kind == NodeKind.Image;
  return true;
}

// Number bounds (f64, as the setters take them) and string lengths, per prop.
@inline export const X_MIN: f64 = -1000000;
@inline export const X_MAX: f64 = 1000000;
@inline export const X_INTEGER: bool = false;
@inline export const Y_MIN: f64 = -1000000;
@inline export const Y_MAX: f64 = 1000000;
@inline export const Y_INTEGER: bool = false;
@inline export const WIDTH_MIN: f64 = 0;
@inline export const WIDTH_MAX: f64 = 1000000;
@inline export const WIDTH_INTEGER: bool = false;
@inline export const HEIGHT_MIN: f64 = 0;
@inline export const HEIGHT_MAX: f64 = 1000000;
@inline export const HEIGHT_INTEGER: bool = false;
@inline export const OPACITY_MIN: f64 = 0;
@inline export const OPACITY_MAX: f64 = 1;
@inline export const OPACITY_INTEGER: bool = false;
@inline export const Z_INDEX_MIN: f64 = -100000;
@inline export const Z_INDEX_MAX: f64 = 100000;
@inline export const Z_INDEX_INTEGER: bool = true;
@inline export const BORDER_RADIUS_MIN: f64 = 0;
@inline export const BORDER_RADIUS_MAX: f64 = 1000000;
@inline export const BORDER_RADIUS_INTEGER: bool = false;
@inline export const BORDER_WIDTH_MIN: f64 = 0;
@inline export const BORDER_WIDTH_MAX: f64 = 100;
@inline export const BORDER_WIDTH_INTEGER: bool = false;
@inline export const SCALE_MIN: f64 = 0;
@inline export const SCALE_MAX: f64 = 100;
@inline export const SCALE_INTEGER: bool = false;
@inline export const TEXT_MIN_LENGTH: i32 = 0;
@inline export const TEXT_MAX_LENGTH: i32 = 100000;
/** What a crash message says of a text outside those lengths. */
export function textLengthRule(): string { return "is longer than 100000 characters"; }
@inline export const FONT_SIZE_MIN: f64 = 1;
@inline export const FONT_SIZE_MAX: f64 = 500;
@inline export const FONT_SIZE_INTEGER: bool = false;
@inline export const MAX_LINES_MIN: f64 = 1;
@inline export const MAX_LINES_MAX: f64 = 100;
@inline export const MAX_LINES_INTEGER: bool = true;
@inline export const SRC_MIN_LENGTH: i32 = 1;
@inline export const SRC_MAX_LENGTH: i32 = 2000000;
/** What a crash message says of a src outside those lengths. */
export function srcLengthRule(): string { return "must be 1 to 2000000 characters"; }
@inline export const BOUNDARY_MIN: f64 = 0;
@inline export const BOUNDARY_MAX: f64 = 15;
@inline export const BOUNDARY_INTEGER: bool = true;
@inline export const LABEL_MIN_LENGTH: i32 = 1;
@inline export const LABEL_MAX_LENGTH: i32 = 500;
/** What a crash message says of a label outside those lengths. */
export function labelLengthRule(): string { return "must be 1 to 500 characters"; }
@inline export const DESCRIPTION_MIN_LENGTH: i32 = 1;
@inline export const DESCRIPTION_MAX_LENGTH: i32 = 2000;
/** What a crash message says of a description outside those lengths. */
export function descriptionLengthRule(): string { return "must be 1 to 2000 characters"; }
@inline export const ANIMATE_MIN: f64 = 0;
@inline export const ANIMATE_MAX: f64 = 15;
@inline export const ANIMATE_INTEGER: bool = true;
@inline export const ANIMATE_DURATION_MIN: f64 = 0;
@inline export const ANIMATE_DURATION_MAX: f64 = 10000;
@inline export const ANIMATE_DURATION_INTEGER: bool = true;
@inline export const ANIMATE_DELAY_MIN: f64 = 0;
@inline export const ANIMATE_DELAY_MAX: f64 = 10000;
@inline export const ANIMATE_DELAY_INTEGER: bool = true;

/** The values of fontWeight. */
export namespace FontWeight {
  export const NORMAL = "normal";
  export const BOLD = "bold";
}
/** Whether `value` is one of the values of fontWeight. */
export function isFontWeight(value: string): bool {
  return value == "normal" || value == "bold";
}
/** The values of fontWeight, for messages. */
export function fontWeightChoices(): string { return "normal, bold"; }
/** The values of textAlign. */
export namespace TextAlign {
  export const LEFT = "left";
  export const CENTER = "center";
  export const RIGHT = "right";
}
/** Whether `value` is one of the values of textAlign. */
export function isTextAlign(value: string): bool {
  return value == "left" || value == "center" || value == "right";
}
/** The values of textAlign, for messages. */
export function textAlignChoices(): string { return "left, center, right"; }
/** The values of fit. */
export namespace Fit {
  export const COVER = "cover";
  export const CONTAIN = "contain";
  export const FILL = "fill";
}
/** Whether `value` is one of the values of fit. */
export function isFit(value: string): bool {
  return value == "cover" || value == "contain" || value == "fill";
}
/** The values of fit, for messages. */
export function fitChoices(): string { return "cover, contain, fill"; }
/** The values of role. */
export namespace Role {
  export const BUTTON = "button";
  export const HEADING = "heading";
  export const TEXT = "text";
  export const IMAGE = "image";
  export const LIST = "list";
  export const LISTITEM = "listitem";
  export const DIALOG = "dialog";
  export const GROUP = "group";
}
/** Whether `value` is one of the values of role. */
export function isRole(value: string): bool {
  return value == "button" || value == "heading" || value == "text" || value == "image" || value == "list" || value == "listitem" || value == "dialog" || value == "group";
}
/** The values of role, for messages. */
export function roleChoices(): string { return "button, heading, text, image, list, listitem, dialog, group"; }
/** The values of animateEasing. */
export namespace AnimateEasing {
  export const LINEAR = "linear";
  export const EASE = "ease";
  export const EASE_IN = "ease-in";
  export const EASE_OUT = "ease-out";
  export const EASE_IN_OUT = "ease-in-out";
}
/** Whether `value` is one of the values of animateEasing. */
export function isAnimateEasing(value: string): bool {
  return value == "linear" || value == "ease" || value == "ease-in" || value == "ease-out" || value == "ease-in-out";
}
/** The values of animateEasing, for messages. */
export function animateEasingChoices(): string { return "linear, ease, ease-in, ease-out, ease-in-out"; }

/** After a quoted value: why it is no color (backgroundColor, borderColor, color). */
export function notAColor(): string { return "\" is not a color like #1a2b3c, #1a2b3c80 or transparent"; }
/** After a quoted value: why it is no focus key (focusKey, preferredChild). */
export function notAFocusKey(): string { return "\" is not a focus key (1-128 of A-Z a-z 0-9 _ . : -)"; }

/** 1 to 128 of `A-Z a-z 0-9 _ . : -` (FOCUS_KEY_PATTERN in bridge/props.ts). */
export function isFocusKey(value: string): bool {
  const n = value.length;
  if (n < 1 || n > 128) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 46 || c == 58 || c == 45;
    if (!ok) return false;
  }
  return true;
}
