// Prop codes, node kinds and value rules of bridge/props.ts, mirrored for AssemblyScript. The SDK
// checks values here so a mistake names the node and the prop at the call, instead of the host
// refusing the whole batch later.

/** Node kinds (the `u8 kind` of a create op). */
export enum NodeKind {
  View = 0,
  Text = 1,
  Image = 2,
}

/** The one-byte prop codes of bridge/props.ts. Use them with `Node.clear(prop)` and the readers. */
export enum Prop {
  X = 1,
  Y = 2,
  Width = 3,
  Height = 4,
  BackgroundColor = 5,
  Opacity = 6,
  ZIndex = 7,
  Clip = 8,
  BorderRadius = 9,
  BorderColor = 10,
  BorderWidth = 11,
  Visible = 12,
  Text = 20,
  Color = 21,
  FontSize = 22,
  FontWeight = 23,
  TextAlign = 24,
  MaxLines = 25,
  Src = 30,
  Fit = 31,
  FocusKey = 40,
  FocusGroup = 41,
  PreferredChild = 42,
  Boundary = 43,
}

export function kindName(kind: NodeKind): string {
  if (kind == NodeKind.Text) return "text";
  if (kind == NodeKind.Image) return "image";
  return "view";
}

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
  }
  return "prop " + (<i32>prop).toString();
}

/** Which node kinds a prop applies to, as in bridge/props.ts: text props on text, image props on image. */
export function propAppliesTo(prop: Prop, kind: NodeKind): bool {
  const code = <i32>prop;
  if (code >= 20 && code < 30) return kind == NodeKind.Text;
  if (code >= 30 && code < 40) return kind == NodeKind.Image;
  return true;
}

// Number ranges of bridge/props.ts.
export const COORDINATE_MIN: f64 = -1000000;
export const COORDINATE_MAX: f64 = 1000000;
export const LENGTH_MAX: f64 = 1000000;
export const Z_INDEX_LIMIT: f64 = 100000;
export const BORDER_WIDTH_MAX: f64 = 100;
export const FONT_SIZE_MIN: f64 = 1;
export const FONT_SIZE_MAX: f64 = 500;
export const MAX_LINES_MAX: f64 = 100;
export const TEXT_MAX_LENGTH: i32 = 100000;
export const SRC_MAX_LENGTH: i32 = 2000000;

function isHex(c: i32): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` or `transparent`: the only colors the host accepts. */
export function isColor(value: string): bool {
  if (value == "transparent") return true;
  const n = value.length;
  if (n != 4 && n != 5 && n != 7 && n != 9) return false;
  if (value.charCodeAt(0) != 35) return false;
  for (let i = 1; i < n; i++) if (!isHex(value.charCodeAt(i))) return false;
  return true;
}

/** 1 to 128 of `A-Z a-z 0-9 _ . : -` (FOCUS_KEY_PATTERN in bridge/props.ts). */
export function isFocusKey(value: string): bool {
  const n = value.length;
  if (n < 1 || n > 128) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
      c == 95 || c == 46 || c == 58 || c == 45;
    if (!ok) return false;
  }
  return true;
}

/** Font weights, text alignments and image fits the host accepts. */
export namespace FontWeight {
  export const NORMAL = "normal";
  export const BOLD = "bold";
}
export namespace TextAlign {
  export const LEFT = "left";
  export const CENTER = "center";
  export const RIGHT = "right";
}
export namespace Fit {
  export const COVER = "cover";
  export const CONTAIN = "contain";
  export const FILL = "fill";
}
