// Port of legacy-react/pages/shared/button.tsx: a focusable labelled button that lights up while
// focused. The React Button keeps `focused` in state; here the node's focus/blur handlers restyle
// the view and its label (the label is the view's only child).
import { FocusEvent, FocusHandler, Node, text, TextAlign, view } from "../../sdk";
import { theme } from "./theme";

export const BUTTON_WIDTH: f64 = 240;
export const BUTTON_HEIGHT: f64 = 64;

function styleButton(button: Node, focused: bool): void {
  button.backgroundColor(focused ? theme.accent : theme.surfaceRaised);
  if (button.children.length > 0) button.children[0].color(focused ? "#000000" : theme.text);
}

function onButtonFocus(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) styleButton(node, true);
}

function onButtonBlur(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) styleButton(node, false);
}

/** `<Button focusKey label x y width? height? onSelect />`; `onSelect` is a plain function (no captures). */
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
  node.onFocus(onButtonFocus).onBlur(onButtonBlur).onSelect(onSelect);
  return node;
}
