// Route "settings" (no params), ported from legacy-react/pages/settings/settings-page.tsx (the
// ground truth): the viewer's on/off settings, one row each (`setting:<id>`). Selecting a row
// flips it at once and saves it (PUT, ABI version 2); a failed save flips it back and says so.
// Back (`settings:back`) → back(). Initial focus: the first setting (the page's preferredChild);
// with no settings, Back; on an error, Retry.
//
// React's <Page> is one <PageBackground> holding the title in every state, so React keeps that
// background and the title for the page's whole life and reconciles the rest by position:
//   loading: [title, LoadingPanel]                            preferredChild unset
//   error:   [title, ErrorPanel, Button Back]                 preferredChild "error-retry"
//   ready:   [title, list, (error line), Button Back]         preferredChild "setting:<first>" or "settings:back"
// From error straight to ready (a Retry answered before the loading panel showed) React keeps the
// Back button (same element at the same position) and replaces the panel by the list.
import {
  back, cancelData, DataResult, FocusEvent, FontWeight, Node, Page, Prop, registerPage, requestData, requestFrame,
  Role, root, text, Value, view,
} from "../../sdk";
// apiPaths is generated from bridge/api/paths.ts (wasm-pages/build/generate-constants.ts).
import { apiPaths } from "../../sdk/generated/api-paths";
import { button } from "../shared/button";
import { errorPanel, loadingPanel } from "../shared/status-panels";
import { STAGE, theme } from "../shared/theme";
import { BACK_BUTTON, PANEL, TITLE } from "./layout";
import { settingFocusKey } from "./setting-row";
import { Setting, SettingsList } from "./settings-list";

/** SETTINGS_BACK_FOCUS_KEY and RETRY_FOCUS_KEY of the React page: must match. */
const BACK_FOCUS_KEY = "settings:back";
const RETRY_FOCUS_KEY = "error-retry";

const LOADING: i32 = 0;
const ERROR: i32 = 1;
const READY: i32 = 2;

// Handlers and callbacks are plain functions (no captures): they reach the page through `page`.
function onSettings(result: DataResult): void {
  page.showResult(result);
}

function retry(event: FocusEvent): void {
  page.load();
}

function goBack(event: FocusEvent): void {
  back();
}

class SettingsPage extends Page {
  state: i32 = LOADING;
  /** The <PageBackground>, kept in every state, as React keeps it. */
  background: Node | null = null;
  /** The loading or error panel, or the list's view: the background's second child. */
  content: Node | null = null;
  /** The Back button, in the error and ready states. */
  backButton: Node | null = null;
  /** The ErrorPanel's message text, while the error panel shows. */
  errorMessage: Node | null = null;
  list: SettingsList | null = null;
  /** The request in flight (useFetch's AbortController): -1 when none. */
  request: i32 = -1;
  /** load(): frames left before the loading panel shows; -1 when none is due. */
  loadingDelay: i32 = -1;

  mount(params: Value): void {
    const background = view().x(0).y(0).width(STAGE.width).height(STAGE.height).backgroundColor(theme.background);
    background.append(
      text("Settings")
        .role(Role.HEADING)
        .x(TITLE.x)
        .y(TITLE.y)
        .width(TITLE.width)
        .height(TITLE.height)
        .fontSize(56)
        .fontWeight(FontWeight.BOLD)
        .color(theme.text),
    );
    root().append(background);
    this.background = background;
    this.showLoading();
    this.request = requestData(apiPaths.settings(), onSettings);
  }

  /**
   * useFetch's retry(), as in the details port: React only bumps `attempt`; the effect that
   * follows starts the new request and sets `loading`, which React renders in a LATER render, and
   * skips when the answer is already there by then. So: the request goes out at once, the loading
   * panel waits one frame after this event's frame and is skipped if the answer came first.
   */
  load(): void {
    if (this.request >= 0) cancelData(this.request);
    this.request = requestData(apiPaths.settings(), onSettings);
    this.loadingDelay = 1;
    requestFrame();
  }

  onFrame(nowMs: f64): void {
    if (this.loadingDelay > 0) {
      this.loadingDelay--;
      requestFrame(); // frames run only on request: count this one down too
    } else if (this.loadingDelay == 0) {
      this.loadingDelay = -1;
      this.showLoading();
    }
  }

  showResult(result: DataResult): void {
    if (result.requestId != this.request) return;
    this.request = -1;
    this.loadingDelay = -1;
    if (result.ok) this.showSettings(result.body.get("settings"));
    else this.showError(result.error);
  }

  /** `<Page><LoadingPanel {...PANEL} /></Page>`: the title and a new panel, preferredChild gone. */
  showLoading(): void {
    const background = this.background!;
    background.clear(Prop.PreferredChild);
    this.removeContent();
    const panel = loadingPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height);
    background.append(panel);
    this.content = panel;
    this.state = LOADING;
  }

  /** `<Page preferredChild="error-retry"><ErrorPanel {...PANEL} message onRetry />{backButton}</Page>` */
  showError(message: string): void {
    const background = this.background!;
    background.preferredChild(RETRY_FOCUS_KEY);
    if (this.state == ERROR) {
      // Still the error panel: React re-renders it in place (only the message may change).
      this.errorMessage!.text(message);
      return;
    }
    this.removeContent();
    const panel = errorPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height, message, retry);
    this.errorMessage = unchecked(panel.children[1]);
    background.append(panel);
    this.content = panel;
    const backButton = button(BACK_FOCUS_KEY, "Back", BACK_BUTTON.x, BACK_BUTTON.y, goBack);
    background.append(backButton);
    this.backButton = backButton;
    this.state = ERROR;
  }

  /** `<Page preferredChild={first ? settingFocusKey(first.id) : "settings:back"}><SettingsList />{backButton}</Page>` */
  showSettings(body: Value): void {
    const background = this.background!;
    const settings = new Array<Setting>();
    for (let i = 0; i < body.length; i++) {
      const setting = body.at(i);
      settings.push(new Setting(setting.get("id").asString(), setting.get("label").asString(), setting.get("value").asBool()));
    }
    background.preferredChild(settings.length == 0 ? BACK_FOCUS_KEY : settingFocusKey(unchecked(settings[0]).id));
    // From the error state React keeps the Back button (same element, same place); from loading
    // it makes one.
    let backButton = this.state == ERROR ? this.backButton : null;
    const panel = this.content;
    if (panel !== null) panel.remove();
    this.content = null;
    this.errorMessage = null;
    if (backButton === null) {
      backButton = button(BACK_FOCUS_KEY, "Back", BACK_BUTTON.x, BACK_BUTTON.y, goBack);
      background.append(backButton);
      this.backButton = backButton;
    }
    const list = new SettingsList(background, settings, backButton);
    this.list = list;
    this.state = READY;
  }

  /** Takes the state's nodes after the title away: the panel (or list) and the Back button. */
  private removeContent(): void {
    const content = this.content;
    if (content !== null) content.remove();
    this.content = null;
    const backButton = this.backButton;
    if (backButton !== null) backButton.remove();
    this.backButton = null;
    this.errorMessage = null;
  }
}

const page = new SettingsPage();
export * from "../../sdk/exports";
registerPage(page);
