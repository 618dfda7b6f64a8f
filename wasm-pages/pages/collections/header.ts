// Port of legacy-react/pages/collections/header.tsx: the top row, Search and Settings on the left,
// the app's name on the right.
import { FocusHandler, FontWeight, Node, TextAlign, text, view } from "../../sdk";
import { button } from "./button";
import { HEADER } from "./layout";
import { MARGIN, STAGE_WIDTH, theme } from "./theme";

export const SEARCH_FOCUS_KEY = "nav:search";
export const SETTINGS_FOCUS_KEY = "nav:settings";

/** `<Header onSearch onSettings />` (plain functions: no captures). */
export function header(onSearch: FocusHandler, onSettings: FocusHandler): Node {
  const node = view().x(0).y(HEADER.y).width(STAGE_WIDTH).height(HEADER.height);
  node.append(button(SEARCH_FOCUS_KEY, "Search", MARGIN, 0, HEADER.buttonWidth, HEADER.height, onSearch));
  node.append(
    button(SETTINGS_FOCUS_KEY, "Settings", MARGIN + HEADER.buttonWidth + HEADER.gap, 0, HEADER.buttonWidth, HEADER.height, onSettings),
  );
  node.append(
    text("Ficus TV")
      .x(STAGE_WIDTH - MARGIN - 400)
      .y(12)
      .width(400)
      .height(40)
      .fontSize(32)
      .fontWeight(FontWeight.BOLD)
      .textAlign(TextAlign.RIGHT)
      .color(theme.accent),
  );
  return node;
}
