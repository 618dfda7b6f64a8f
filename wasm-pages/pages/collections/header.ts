// Port of legacy-react/pages/collections/header.tsx: the top row, Search and Settings on the left,
// the app's name on the right.
import { FocusHandler, FontWeight, Node, Role, TextAlign, text, view } from "../../sdk";
import { button } from "../shared/button";
import { HEADER } from "./layout";
import { MARGIN, STAGE, theme } from "../shared/theme";

export const SEARCH_FOCUS_KEY = "nav:search";
export const SETTINGS_FOCUS_KEY = "nav:settings";

/** `<Header onSearch onSettings />` (plain functions: no captures). */
export function header(onSearch: FocusHandler, onSettings: FocusHandler): Node {
  const node = view().x(0).y(HEADER.y).width(STAGE.width).height(HEADER.height);
  node.append(button(SEARCH_FOCUS_KEY, "Search", MARGIN, 0, onSearch, HEADER.buttonWidth, HEADER.height));
  node.append(
    button(SETTINGS_FOCUS_KEY, "Settings", MARGIN + HEADER.buttonWidth + HEADER.gap, 0, onSettings, HEADER.buttonWidth, HEADER.height),
  );
  node.append(
    text("Ficus TV")
      .role(Role.HEADING)
      .x(STAGE.width - MARGIN - 400)
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
