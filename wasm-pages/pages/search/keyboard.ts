// Port of legacy-react/pages/search/keyboard.tsx and keyboard-layout.ts: the on-screen keyboard, a
// focus group that starts on `key:a` and, when focus comes back from the results, returns to the
// key used last. React's `useIsFocused(focusKey)` per key becomes the key's focus/blur handlers.
import { FocusEvent, FocusHandler, Node, Role, text, TextAlign, view } from "../../sdk";
import { KEY, KEY_STRIDE, KEYBOARD_AREA, KEYBOARD_COLUMNS, KEYBOARD_ROWS, MAX_QUERY_LENGTH } from "./layout";
import { theme } from "../shared/theme";

/** CHARACTERS of keyboard-layout.ts: a–z and 0–9, six to a row. */
const CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
/** The row under the characters: Space, Delete and Clear, two columns each. */
const LAST_ROW: i32 = 6;
const WIDE_KEYS: string[] = ["space", "delete", "clear"];
const WIDE_LABELS: string[] = ["Space", "Delete", "Clear"];

/** How many keys there are: KEYBOARD_KEYS.length. */
export const KEY_COUNT: i32 = CHARACTERS.length + WIDE_KEYS.length;

/** The id of key `index` of KEYBOARD_KEYS: "a" … "9", then "space", "delete", "clear". */
export function keyId(index: i32): string {
  return index < CHARACTERS.length ? CHARACTERS.charAt(index) : unchecked(WIDE_KEYS[index - CHARACTERS.length]);
}

/** keyFocusKey(keyId): `key:a` … `key:9`, `key:space`, `key:delete`, `key:clear`. */
export function keyFocusKey(id: string): string {
  return "key:" + id;
}

/**
 * applyKey(query, keyId): characters and spaces are appended (up to MAX_QUERY_LENGTH), Delete
 * removes the last character, Clear empties the query.
 */
export function applyKey(query: string, id: string): string {
  if (id == "delete") return query.slice(0, -1);
  if (id == "clear") return "";
  if (query.length >= MAX_QUERY_LENGTH) return query;
  return id == "space" ? query + " " : query + id;
}

/** Key's `focused` look: background and label color (the label is the key's only child). */
function setKeyFocused(key: Node, focused: bool): void {
  key.backgroundColor(focused ? theme.accent : theme.surfaceRaised);
  unchecked(key.children[0]).color(focused ? "#000000" : theme.text);
}

function focusKeyNode(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setKeyFocused(node, true);
}

function blurKeyNode(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setKeyFocused(node, false);
}

/** `<Key keyboardKey onSelect />`; `node.tag` is the key's index in KEYBOARD_KEYS. */
function key(index: i32, onSelect: FocusHandler): Node {
  const wide = index >= CHARACTERS.length;
  const row = wide ? LAST_ROW : index / KEYBOARD_COLUMNS;
  const column = wide ? (index - CHARACTERS.length) * 2 : index % KEYBOARD_COLUMNS;
  const span = wide ? 2 : 1;
  const label = wide ? unchecked(WIDE_LABELS[index - CHARACTERS.length]) : CHARACTERS.charAt(index);
  const width = <f64>(span * KEY_STRIDE - KEY.gap);
  const fontSize: f64 = span > 1 ? 24 : 30;
  const node = view()
    .focusKey(keyFocusKey(keyId(index)))
    .role(Role.BUTTON)
    .label(label)
    .x(<f64>(column * KEY_STRIDE))
    .y(<f64>(row * KEY_STRIDE))
    .width(width)
    .height(KEY.height)
    .borderRadius(8)
    .backgroundColor(theme.surfaceRaised);
  node.append(
    text(label)
      .x(0)
      .y((KEY.height - fontSize - 6) / 2)
      .width(width)
      .height(fontSize + 6)
      .fontSize(fontSize)
      .textAlign(TextAlign.CENTER)
      .color(theme.text),
  );
  node.tag = index;
  node.onFocus(focusKeyNode).onBlur(blurKeyNode).onSelect(onSelect);
  return node;
}

/**
 * `<Keyboard onKey />`: `onSelect` hears each key's select; the key's index is `event.node.tag`
 * (read it with keyId). A plain function (no captures).
 */
export function keyboard(onSelect: FocusHandler): Node {
  const node = view()
    .x(KEYBOARD_AREA.x)
    .y(KEYBOARD_AREA.y)
    .width(<f64>(KEYBOARD_COLUMNS * KEY_STRIDE - KEY.gap))
    .height(<f64>(KEYBOARD_ROWS * KEY_STRIDE - KEY.gap))
    .focusGroup(true)
    .preferredChild(keyFocusKey("a"));
  for (let i = 0; i < KEY_COUNT; i++) node.append(key(i, onSelect));
  return node;
}
