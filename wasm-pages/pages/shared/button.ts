// Port of legacy-react/pages/shared/button.tsx: a focusable labelled button that lights up while
// focused. The React Button keeps `focused` in state; here the node's focus/blur handlers restyle
// the view and its label (the label is the view's only child).
import { FocusEvent, FocusHandler, Node, Role, text, TextAlign, view } from "../../sdk";
import { theme } from "./theme";

/** Button's default `width` and `height`. */
export const BUTTON_WIDTH: f64 = 240;
export const BUTTON_HEIGHT: f64 = 64;

/** Button's `focused` state, as props: background and label color. */
function setFocused(button: Node, focused: bool): void {
  button.backgroundColor(focused ? theme.accent : theme.surfaceRaised);
  if (button.children.length > 0) unchecked(button.children[0]).color(focused ? "#000000" : theme.text);
}

function focusButton(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setFocused(node, true);
}

function blurButton(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setFocused(node, false);
}

/** A new `label` for a button made by `button()`: what it says, and what a screen reader says. */
export function setButtonLabel(button: Node, label: string): void {
  button.label(label);
  if (button.children.length > 0) unchecked(button.children[0]).text(label);
}

/**
 * `<Button focusKey label x y width={240} height={64} onSelect />`: a view (focusKey, rect,
 * borderRadius 8, background) holding a centered label. `onSelect` comes before the optional
 * `width` and `height`, and is a plain function (no captures).
 */
export function button(
  focusKey: string,
  label: string,
  x: f64,
  y: f64,
  onSelect: FocusHandler,
  width: f64 = BUTTON_WIDTH,
  height: f64 = BUTTON_HEIGHT,
): Node {
  const node = view()
    .focusKey(focusKey)
    .role(Role.BUTTON)
    .label(label)
    .x(x)
    .y(y)
    .width(width)
    .height(height)
    .borderRadius(8)
    .backgroundColor(theme.surfaceRaised);
  node.append(
    text(label)
      .x(0)
      .y((height - 32) / 2)
      .width(width)
      .height(32)
      .fontSize(26)
      .textAlign(TextAlign.CENTER)
      .color(theme.text),
  );
  node.onFocus(focusButton).onBlur(blurButton).onSelect(onSelect);
  return node;
}
