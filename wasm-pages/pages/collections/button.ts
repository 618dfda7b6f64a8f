// Port of legacy-react/pages/shared/button.tsx: a focusable labelled button that lights up while
// focused. React's `focused` state becomes the button's own props, restyled on focus/blur.
import { FocusEvent, FocusHandler, Node, TextAlign, text, view } from "../../sdk";
import { theme } from "./theme";

/** The label text of a button made by `button()` (its only child). */
function labelOf(button: Node): Node {
  return unchecked(button.children[0]);
}

/** Button's `focused` state, as props: background and label color. */
function setFocused(button: Node, focused: bool): void {
  button.backgroundColor(focused ? theme.accent : theme.surfaceRaised);
  labelOf(button).color(focused ? "#000000" : theme.text);
}

function focusButton(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setFocused(node, true);
}

function blurButton(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setFocused(node, false);
}

/**
 * `<Button focusKey label x y width={240} height={64} onSelect />`: a view (focusKey, rect,
 * borderRadius 8, background) holding a centered label. `onSelect` is a plain function (no captures).
 */
export function button(
  focusKey: string, label: string, x: f64, y: f64, width: f64, height: f64, onSelect: FocusHandler,
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
  node.onFocus(focusButton).onBlur(blurButton).onSelect(onSelect);
  return node;
}
