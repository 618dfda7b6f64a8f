// Route "details", params `{ id }`, ported from legacy-react/pages/details/details-page.tsx (the
// ground truth): one title's backdrop, facts, synopsis and cast, with Play
// (navigate("playback", { id })) and Back (back()). Initial focus: Play (the page's
// `preferredChild`); on an error, Retry, with Back next to it. An unknown title (HTTP 404) says
// NOT_FOUND_MESSAGE instead of the error's text.
//
// React returns a <PageBackground> in every state, so React keeps ONE background view for the
// page's whole life and reconciles its children by position. That is what this port does:
//   loading: [LoadingPanel]                          preferredChild unset
//   error:   [ErrorPanel, Button Back (by the panel)] preferredChild "error-retry"
//   ready:   [TitleInfo, Button Play, Button Back]    preferredChild "details:play"
// Going from error straight to ready (a Retry answered before the loading panel showed), React
// keeps the Button at position 1 and only changes its props: the error's Back becomes Play.
import {
  apiPaths, cancelData, DataResult, FocusEvent, back, navigate, Node, Page, params1, Prop, registerPage, requestData,
  requestFrame, root, Value, view,
} from "../../sdk";
import { BUTTON_WIDTH, button, setButtonLabel } from "../shared/button";
import { errorPanel, loadingPanel } from "../shared/status-panels";
import { MARGIN, STAGE, theme } from "../shared/theme";
import { titleInfo } from "./title-info";

/** PLAY_FOCUS_KEY, BACK_FOCUS_KEY and NOT_FOUND_MESSAGE of the React page: must match. */
const PLAY_FOCUS_KEY = "details:play";
const BACK_FOCUS_KEY = "details:back";
const RETRY_FOCUS_KEY = "error-retry";
const NOT_FOUND_MESSAGE = "This title is not available any more.";

/** PANEL = { x: 560, y: 340, width: 800, height: 400 }, BUTTONS_Y and BUTTON.gap of the React page. */
namespace PANEL {
  export const x: f64 = 560;
  export const y: f64 = 340;
  export const width: f64 = 800;
  export const height: f64 = 400;
}
const BUTTONS_Y: f64 = 700;
const BUTTON_GAP: f64 = 24;

const LOADING: i32 = 0;
const ERROR: i32 = 1;
const READY: i32 = 2;

// Handlers and callbacks are plain functions (no captures): they reach the page through `page`.
function onTitle(result: DataResult): void {
  page.showResult(result);
}

function retry(event: FocusEvent): void {
  page.load();
}

function play(event: FocusEvent): void {
  navigate("playback", params1("id", page.titleId));
}

function goBack(event: FocusEvent): void {
  back();
}

class DetailsPage extends Page {
  /** The title id of the route params (React's `const { id = '' } = useParams()`). */
  id: string = "";
  /** The title's own id, once loaded: what Play opens (React uses `title.id`, not the param). */
  titleId: string = "";
  state: i32 = LOADING;
  /** The <PageBackground>: kept in every state, as React keeps it. */
  background: Node | null = null;
  /** The background's children by position (React reconciles them by index). */
  first: Node | null = null;
  second: Node | null = null;
  third: Node | null = null;
  /** The ErrorPanel's message text, while the error panel shows. */
  errorMessage: Node | null = null;
  /** The request in flight (useFetch's AbortController): -1 when none. */
  request: i32 = -1;
  /** load(): frames left before the loading panel shows; -1 when none is due. */
  loadingDelay: i32 = -1;

  mount(params: Value): void {
    this.id = params.get("id").asString("");
    const background = view().x(0).y(0).width(STAGE.width).height(STAGE.height).backgroundColor(theme.background);
    this.background = background;
    root().append(background);
    this.showLoading();
    this.request = requestData(apiPaths.title(this.id), onTitle);
  }

  /**
   * useFetch's retry(), as in the collections port: React only bumps `attempt`; the effect that
   * follows starts the new request and sets `loading`, which React renders in a LATER render, and
   * skips when the answer is already there by then. So: the request goes out at once, the loading
   * panel waits one frame after this event's frame and is skipped if the answer came first.
   */
  load(): void {
    if (this.request >= 0) cancelData(this.request);
    this.request = requestData(apiPaths.title(this.id), onTitle);
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
    if (result.ok) this.showTitle(result.body);
    // errorMessage(): `error.kind === 'http' && error.status === 404`; only an HTTP error has a
    // 4xx status (a malformed answer came with a 2xx one, a network error with 0).
    else this.showError(result.status == 404 ? NOT_FOUND_MESSAGE : result.error);
  }

  /** `<PageBackground><LoadingPanel/></PageBackground>`: a new only child, preferredChild gone. */
  showLoading(): void {
    const background = this.background!;
    background.clear(Prop.PreferredChild);
    background.removeChildren();
    const panel = loadingPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height);
    background.append(panel);
    this.first = panel;
    this.second = null;
    this.third = null;
    this.errorMessage = null;
    this.state = LOADING;
  }

  /** `<PageBackground preferredChild="error-retry"><ErrorPanel/><Button Back/></PageBackground>` */
  showError(message: string): void {
    const background = this.background!;
    background.preferredChild(RETRY_FOCUS_KEY);
    if (this.state == ERROR) {
      // Still the error panel: React re-renders it in place (only the message may change).
      this.errorMessage!.text(message);
      return;
    }
    background.removeChildren();
    const panel = errorPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height, message, retry);
    this.errorMessage = unchecked(panel.children[1]);
    // Next to the panel's Retry button, so Right from Retry lands on it.
    const backButton = button(
      BACK_FOCUS_KEY, "Back", PANEL.x + 40 + BUTTON_WIDTH + BUTTON_GAP, PANEL.y + PANEL.height / 2 + 30, goBack,
    );
    background.append(panel);
    background.append(backButton);
    this.first = panel;
    this.second = backButton;
    this.third = null;
    this.state = ERROR;
  }

  /** `<PageBackground preferredChild="details:play"><TitleInfo/><Button Play/><Button Back/></PageBackground>` */
  showTitle(title: Value): void {
    const background = this.background!;
    this.titleId = title.get("id").asString();
    background.preferredChild(PLAY_FOCUS_KEY);
    const info = titleInfo(title);
    const old = this.first;
    if (old !== null) {
      background.insertBefore(info, old);
      old.remove();
    } else {
      background.append(info);
    }
    this.first = info;
    this.errorMessage = null;

    const existing = this.second;
    if (existing !== null) {
      // The error's Back button, kept by React at position 1 and given Play's props (its focus
      // look, like React's `focused` state, stays as it was).
      existing.focusKey(PLAY_FOCUS_KEY).x(MARGIN).y(BUTTONS_Y).onSelect(play);
      setButtonLabel(existing, "Play");
    } else {
      const playButton = button(PLAY_FOCUS_KEY, "Play", MARGIN, BUTTONS_Y, play);
      background.append(playButton);
      this.second = playButton;
    }
    const backButton = button(BACK_FOCUS_KEY, "Back", MARGIN + BUTTON_WIDTH + BUTTON_GAP, BUTTONS_Y, goBack);
    background.append(backButton);
    this.third = backButton;
    this.state = READY;
  }
}

const page = new DetailsPage();
export * from "../../sdk/exports";
registerPage(page);
