// Port of legacy-react/pages/settings/setting-row.tsx: one on/off setting, its label on the left
// and an "On"/"Off" pill on the right. React restyles the row from useIsFocused(focusKey); here
// the row's focus and blur handlers do, and `setValue` redraws the pill.
import { FocusHandler, FontWeight, Node, Prop, Role, text, TextAlign, view } from "../../sdk";
import { theme } from "../shared/theme";
import { ROW } from "./layout";

/** settingFocusKey(id): `setting:<id>`. */
export function settingFocusKey(settingId: string): string {
  return "setting:" + settingId;
}

/** PILL = { width: 120, height: 48 } */
namespace PILL {
  export const width: f64 = 120;
  export const height: f64 = 48;
}

/** The row's `focused` look: background and focus border width. */
export function setRowFocused(row: Node, focused: bool): void {
  row.backgroundColor(focused ? theme.surfaceRaised : theme.surface).borderWidth(focused ? 4 : 0);
}

/** The pill's look for `value`: its background, and its label's text and color. */
export function setRowValue(row: Node, value: bool): void {
  // The row's label says the value too: `${setting.label}: On` (the setting's label is child 0).
  row.label(unchecked(row.children[0]).stringProp(Prop.Text) + (value ? ": On" : ": Off"));
  const pill = unchecked(row.children[1]);
  pill.backgroundColor(value ? theme.accent : theme.background);
  unchecked(pill.children[0])
    .text(value ? "On" : "Off")
    .color(value ? "#000000" : theme.textMuted);
}

/**
 * `<SettingRow setting value y onFocus onSelect />`: children [label, pill [On/Off]]. `tag` holds
 * the setting's index, so the (capture-free) handlers know which row they are on.
 */
export function settingRow(
  index: i32,
  settingId: string,
  label: string,
  value: bool,
  y: f64,
  onFocus: FocusHandler,
  onBlur: FocusHandler,
  onSelect: FocusHandler,
): Node {
  const row = view()
    .focusKey(settingFocusKey(settingId))
    .role(Role.BUTTON)
    .x(0)
    .y(y)
    .width(ROW.width)
    .height(ROW.height)
    .borderRadius(12)
    .borderColor(theme.focusBorder);
  row.tag = index;
  setRowFocused(row, false);
  row.append(
    text()
      .text(label)
      .x(32)
      .y((ROW.height - 40) / 2)
      .width(ROW.width - PILL.width - 96)
      .height(40)
      .fontSize(32)
      .maxLines(1)
      .color(theme.text),
  );
  const pill = view()
    .x(ROW.width - PILL.width - 32)
    .y((ROW.height - PILL.height) / 2)
    .width(PILL.width)
    .height(PILL.height)
    .borderRadius(PILL.height / 2);
  pill.append(
    text()
      .x(0)
      .y((PILL.height - 32) / 2)
      .width(PILL.width)
      .height(32)
      .fontSize(26)
      .fontWeight(FontWeight.BOLD)
      .textAlign(TextAlign.CENTER),
  );
  row.append(pill);
  setRowValue(row, value);
  row.onFocus(onFocus).onBlur(onBlur).onSelect(onSelect);
  return row;
}
