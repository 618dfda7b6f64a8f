// Example "writes" (ABI version 2): a page that changes data on the backend. It reads
// /api/settings with requestData and shows the first setting; OK flips it at once and saves it
// with sendData(PUT /api/settings/<id>, { value }); when the save fails it flips back and says
// why. At mount it also POSTs one telemetry event (/api/telemetry answers 204: ok, null body).
import {
  DataResult, FocusEvent, Method, Node, Page, registerPage, requestData, root, sendData, text, Value, view,
} from "../index";
// apiPaths is generated from bridge/api/paths.ts (wasm-pages/build/generate-constants.ts).
import { apiPaths } from "../generated/api-paths";

// Callbacks cannot capture: they reach the page through this module-level constant.
function onSettings(result: DataResult): void {
  page.showSetting(result);
}

function onSaved(result: DataResult): void {
  page.saved(result);
}

function onTelemetry(result: DataResult): void {
  // A write answered with no content is ok with the null body.
  page.status("telemetry: " + (result.ok ? "sent (" + result.status.toString() + ")" : result.error));
}

function toggle(event: FocusEvent): void {
  page.toggle();
}

class WritesPage extends Page {
  stage: Node | null = null;
  row: Node | null = null;
  pill: Node | null = null;
  line: Node | null = null;
  settingId: string = "";
  label: string = "";
  /** What the row shows: the viewer's latest choice, ahead of the backend while it is saved. */
  value: bool = false;
  /** The save in flight and the value it sends (0: none). */
  saving: i32 = 0;
  savingValue: bool = false;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    root().append(stage);
    this.stage = stage;
    this.line = text("Loading settings…").rect(80, 300, 1600, 40).fontSize(28).color("#888888");
    stage.append(this.line!);
    requestData(apiPaths.settings(), onSettings);
    const event = Value.newObject()
      .set("name", Value.ofString("example.writes.shown"))
      // Epoch milliseconds from WASI's clock, as the React pages' Date.now() (no frame has run yet).
      .set("at", Value.ofNumber(<f64>Date.now()));
    sendData(Method.POST, apiPaths.telemetry(), Value.newObject().set("events", Value.newArray().push(event)), onTelemetry);
  }

  showSetting(result: DataResult): void {
    const first = result.body.get("settings").at(0);
    if (!result.ok || first.isNull()) {
      this.status(result.ok ? "no settings" : result.error);
      return;
    }
    this.settingId = first.get("id").asString();
    this.label = first.get("label").asString();
    this.value = first.get("value").asBool();
    const row = view().rect(80, 160, 1000, 80).backgroundColor("#1b2233").borderRadius(12).focusKey("writes:toggle");
    row.append(text(this.label).rect(32, 20, 700, 40).fontSize(32).color("#ffffff"));
    const pill = text("").rect(840, 20, 120, 40).fontSize(28).color("#ffffff");
    row.append(pill);
    row.onSelect(toggle);
    this.stage!.append(row);
    this.row = row;
    this.pill = pill;
    this.showValue();
  }

  toggle(): void {
    this.value = !this.value;
    this.showValue();
    const body = Value.newObject().set("value", Value.ofBool(this.value));
    this.savingValue = this.value;
    this.saving = sendData(Method.PUT, apiPaths.setting(this.settingId), body, onSaved);
  }

  saved(result: DataResult): void {
    if (result.requestId != this.saving) return; // a later toggle's save decides
    this.saving = 0;
    if (result.ok) {
      // The answer is the updated setting, as the backend now holds it.
      this.status("saved: " + this.label + " is " + (result.body.get("value").asBool() ? "On" : "Off"));
      return;
    }
    this.value = !this.savingValue;
    this.showValue();
    this.status("could not save " + this.label + " (" + result.status.toString() + "): " + result.error);
  }

  showValue(): void {
    this.pill!.text(this.value ? "On" : "Off");
  }

  status(message: string): void {
    this.line!.text(message);
  }
}

const page = new WritesPage();
export * from "../exports";
registerPage(page);
