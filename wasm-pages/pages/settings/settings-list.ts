// Port of legacy-react/pages/settings/settings-list.tsx and use-setting-toggles.ts: the toggles,
// one row each, and under them the line that reports a change that could not be saved. The list
// is a focus group (coming back from Back returns to the row left) and glides when it holds more
// rows than fit. Selecting a row flips it at once and saves it (PUT /api/settings/<id>); a failed
// save flips it back, unless the viewer has flipped it again since, and says so.
import { Animate, DataResult, FocusEvent, Method, Node, sendData, text, Value, view } from "../../sdk";
// apiPaths is generated from bridge/api/paths.ts (wasm-pages/build/generate-constants.ts).
import { apiPaths } from "../../sdk/generated/api-paths";
import { MOTION, theme } from "../shared/theme";
import { ERROR_LINE, LIST, ROW_STRIDE, VISIBLE_ROWS } from "./layout";
import { setRowFocused, setRowValue, settingFocusKey, settingRow } from "./setting-row";

/** One setting of GET /api/settings (bridge/api/settings.ts, SettingSchema). */
export class Setting {
  constructor(public id: string, public label: string, public value: bool) {}
}

/** A save in flight: which row, and the value it sends. */
class Save {
  constructor(public index: i32, public value: bool) {}
}

// Handlers and callbacks are plain functions (no captures): they reach the one list through
// `active` (the page shows at most one list at a time).
let active: SettingsList | null = null;

function rowFocused(event: FocusEvent): void {
  const node = event.node;
  const list = active;
  if (node === null || list === null) return;
  setRowFocused(node, true);
  list.reveal(node.tag);
}

function rowBlurred(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) setRowFocused(node, false);
}

function rowSelected(event: FocusEvent): void {
  const node = event.node;
  const list = active;
  if (node !== null && list !== null) list.toggle(node.tag);
}

function onSaved(result: DataResult): void {
  const list = active;
  if (list !== null) list.saved(result);
}

/** `<SettingsList settings />`: its nodes go into `background`, before `before` (the Back button). */
export class SettingsList {
  /** The viewer's latest choice per row (useSettingToggles' `values`): -1 none, else 0/1. */
  choices: i32[];
  rows: Node[] = [];
  /** The scrolling view of the rows; null when there are none. */
  group: Node | null = null;
  /** The line under the list that says a save failed; null while there is no error. */
  errorLine: Node | null = null;
  firstVisible: i32 = 0;
  saves: Map<i32, Save> = new Map<i32, Save>();

  constructor(public background: Node, public settings: Setting[], public before: Node) {
    this.choices = new Array<i32>(settings.length).fill(-1);
    const clip = view().x(LIST.x).y(LIST.y).width(LIST.width).height(LIST.height).clip();
    if (settings.length == 0) {
      clip.append(
        text("There is nothing to set up yet").x(0).y(0).width(LIST.width).height(40).fontSize(30).color(theme.textMuted),
      );
    } else {
      const group = view()
        .x(0)
        .y(0)
        .width(LIST.width)
        .height(<f64>settings.length * ROW_STRIDE)
        .animate(Animate.Y, <i32>MOTION.scrollMs, MOTION.easing)
        .focusGroup()
        .preferredChild(settingFocusKey(unchecked(settings[0]).id));
      for (let i = 0; i < settings.length; i++) {
        const setting = unchecked(settings[i]);
        const row = settingRow(i, setting.id, setting.label, setting.value, <f64>i * ROW_STRIDE, rowFocused, rowBlurred, rowSelected);
        group.append(row);
        this.rows.push(row);
      }
      clip.append(group);
      this.group = group;
    }
    background.insertBefore(clip, before);
    active = this;
  }

  /** shownValue(setting): the viewer's latest choice, else what the backend said. */
  shown(index: i32): bool {
    const choice = unchecked(this.choices[index]);
    return choice < 0 ? unchecked(this.settings[index]).value : choice == 1;
  }

  /** The row's onFocus: scroll so that row is among the visible ones. */
  reveal(index: i32): void {
    const current = this.firstVisible;
    if (index < current) this.firstVisible = index;
    else if (index >= current + VISIBLE_ROWS) this.firstVisible = index - VISIBLE_ROWS + 1;
    const group = this.group;
    if (group !== null) group.y(-<f64>this.firstVisible * ROW_STRIDE);
  }

  /** toggle(setting): flip it at once, clear the error, save it. */
  toggle(index: i32): void {
    const value = !this.shown(index);
    this.choose(index, value);
    this.showError(null);
    const id = sendData(
      Method.PUT,
      apiPaths.setting(unchecked(this.settings[index]).id),
      Value.newObject().set("value", Value.ofBool(value)),
      onSaved,
    );
    this.saves.set(id, new Save(index, value));
  }

  /**
   * The save's answer. React's save() is `response.ok` of a plain fetch: any 2xx status saved it
   * (even with a body the contract would refuse, which the host reports as not ok with that
   * status); anything else, or no answer (status 0), did not.
   */
  saved(result: DataResult): void {
    if (!this.saves.has(result.requestId)) return;
    const save = this.saves.get(result.requestId);
    this.saves.delete(result.requestId);
    if (result.ok || (result.status >= 200 && result.status < 300)) return;
    // Flip back, unless the viewer has flipped it again since.
    if (this.shown(save.index) == save.value) this.choose(save.index, !save.value);
    const label = unchecked(this.settings[save.index]).label;
    this.showError("Couldn't save “" + label + "”. It is " + (save.value ? "Off" : "On") + " again; please try later.");
  }

  private choose(index: i32, value: bool): void {
    this.choices[index] = value ? 1 : 0;
    setRowValue(unchecked(this.rows[index]), value);
  }

  /** `{error === null ? null : <Text {...ERROR_LINE} fontSize={28} maxLines={1} color={theme.danger}>{error}</Text>}` */
  private showError(message: string | null): void {
    const line = this.errorLine;
    if (message === null) {
      if (line !== null) line.remove();
      this.errorLine = null;
    } else if (line !== null) {
      line.text(message);
    } else {
      const made = text()
        .text(message)
        .x(ERROR_LINE.x)
        .y(ERROR_LINE.y)
        .width(ERROR_LINE.width)
        .height(ERROR_LINE.height)
        .fontSize(28)
        .maxLines(1)
        .color(theme.danger);
      this.background.insertBefore(made, this.before);
      this.errorLine = made;
    }
  }
}
