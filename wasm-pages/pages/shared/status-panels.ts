// Port of legacy-react/pages/shared/status-panels.tsx: the loading panel (deferred-content
// placeholder) and the error panel with a focusable Retry button.
import { FocusHandler, FontWeight, Node, text, TextAlign, view } from "../../sdk";
import { button } from "./button";
import { theme } from "./theme";

/** `<LoadingPanel x y width height label="Loading…" />`: shown while data loads. */
export function loadingPanel(x: f64, y: f64, width: f64, height: f64, label: string = "Loading…"): Node {
  const panel = view().x(x).y(y).width(width).height(height).backgroundColor(theme.surface).borderRadius(12);
  // text() skips an empty string; React's <Text>{label}</Text> sets the text prop even when empty.
  panel.append(
    text()
      .text(label)
      .x(0)
      .y(height / 2 - 20)
      .width(width)
      .height(40)
      .fontSize(30)
      .textAlign(TextAlign.CENTER)
      .color(theme.textMuted),
  );
  return panel;
}

/**
 * `<ErrorPanel x y width height message onRetry focusKey="error-retry" />`: shown when a request
 * failed: what happened, and a Retry button that gets focus. Children: [heading, message, Retry].
 */
export function errorPanel(
  x: f64,
  y: f64,
  width: f64,
  height: f64,
  message: string,
  onRetry: FocusHandler,
  focusKey: string = "error-retry",
): Node {
  const panel = view().x(x).y(y).width(width).height(height).backgroundColor(theme.surface).borderRadius(12);
  panel.append(
    text("Something went wrong")
      .x(40)
      .y(height / 2 - 80)
      .width(width - 80)
      .height(40)
      .fontSize(32)
      .fontWeight(FontWeight.BOLD)
      .color(theme.danger),
  );
  // React's <Text>{message}</Text>: the text prop is set even when empty.
  panel.append(
    text()
      .text(message)
      .x(40)
      .y(height / 2 - 30)
      .width(width - 80)
      .height(36)
      .fontSize(24)
      .color(theme.textMuted)
      .maxLines(2),
  );
  panel.append(button(focusKey, "Retry", 40, height / 2 + 30, onRetry));
  return panel;
}
