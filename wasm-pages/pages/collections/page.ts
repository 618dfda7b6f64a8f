// Route "collections", params `{ profile }`: the profile's home, ported from
// legacy-react/pages/collections/collections-page.tsx (the ground truth). A header (Search,
// Settings), a hero showing the focused title, and every rail of `GET home` under it. Initial
// focus: the first tile of the first rail (the page's `preferredChild`).
//
// React's tree, and what it becomes here:
//   loading: <Page><LoadingPanel/></Page>                       mount(), showLoading() (after retry: load())
//   error:   <Page preferredChild="error-retry"><ErrorPanel/>   showError(): same Page view, panel swapped
//   ready:   <Home> → <Page preferredChild={firstTile}>…        showHome(): a new Page view (another component)
import {
  apiPaths, cancelData, DataResult, FocusEvent, navigate, Node, Page, params1, Prop, registerPage, requestData, requestFrame, root, Value, view,
} from "../../sdk";
import { header } from "./header";
import { Hero, hero } from "./hero";
import { HomeData, Title } from "./home-data";
import { PANEL } from "./layout";
import { tileFocusKey } from "./rail";
import { RailList, railList } from "./rail-list";
import { errorPanel, loadingPanel } from "../shared/status-panels";
import { STAGE, theme } from "../shared/theme";

/** `<Page preferredChild>`: the full-stage page background; `preferredChild` says where focus starts. */
function pageView(preferredChild: string | null): Node {
  const node = view().x(0).y(0).width(STAGE.width).height(STAGE.height).backgroundColor(theme.background);
  if (preferredChild !== null) node.preferredChild(preferredChild);
  return node;
}

// Handlers and callbacks are plain functions: they reach the page through `page`.
function onHome(result: DataResult): void {
  page.showResult(result);
}

function retry(event: FocusEvent): void {
  page.load();
}

function openSearch(event: FocusEvent): void {
  navigate("search", params1("profile", page.profile));
}

function openSettings(event: FocusEvent): void {
  navigate("settings", Value.newObject());
}

function tileFocused(railIndex: i32, title: Title): void {
  page.tileFocused(railIndex, title);
}

function tileSelected(title: Title): void {
  navigate("details", params1("id", title.id));
}

class CollectionsPage extends Page {
  profile: string = "";
  /** The loading/error `<Page>` view, until the home shows. */
  statusPage: Node | null = null;
  /** The LoadingPanel or ErrorPanel inside it. */
  panel: Node | null = null;
  /** The ErrorPanel's message text, while the error panel shows. */
  errorMessage: Node | null = null;
  /** The request in flight (useFetch's AbortController): -1 when none. */
  request: i32 = -1;
  /** retry(): frames left before the loading panel replaces the error panel; -1 when none is due. */
  loadingDelay: i32 = -1;
  /** The home, once the data arrived (`<Home>`'s state: heroTitle, focusedRail). */
  hero: Hero | null = null;
  rails: RailList | null = null;

  mount(params: Value): void {
    this.profile = params.get("profile").asString("");
    const statusPage = pageView(null);
    this.statusPage = statusPage;
    root().append(statusPage);
    this.showLoading();
    this.request = requestData(apiPaths.home(this.profile), onHome);
  }

  /**
   * useFetch's retry(): it only bumps `attempt`; the effect that follows starts the new request
   * (aborting the one in flight) and sets `loading`, which React renders in a LATER render. When
   * the answer is already there by then, React batches both updates and never shows the loading
   * panel. Mirrored here: the request goes out at once, the loading panel waits one frame after
   * the frame of this event and is skipped if the answer came first.
   */
  load(): void {
    if (this.request >= 0) cancelData(this.request);
    this.request = requestData(apiPaths.home(this.profile), onHome);
    this.loadingDelay = 1;
    requestFrame();
  }

  onFrame(nowMs: f64): void {
    if (this.loadingDelay > 0) {
      this.loadingDelay--;
      requestFrame(); // the host runs frames only on request: count this one down too
    } else if (this.loadingDelay == 0) {
      this.loadingDelay = -1;
      this.showLoading();
    }
  }

  /** `<Page><LoadingPanel/></Page>`: the same Page, preferredChild gone, the panel swapped. */
  showLoading(): void {
    const statusPage = this.statusPage;
    if (statusPage === null) return;
    statusPage.clear(Prop.PreferredChild);
    const old = this.panel;
    if (old !== null) old.remove();
    const panel = loadingPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height);
    statusPage.append(panel);
    this.panel = panel;
    this.errorMessage = null;
  }

  showResult(result: DataResult): void {
    this.request = -1;
    this.loadingDelay = -1;
    if (result.ok) this.showHome(HomeData.from(result.body));
    else this.showError(result.error);
  }

  /** `<Page preferredChild="error-retry"><ErrorPanel message onRetry/></Page>` */
  showError(message: string): void {
    const statusPage = this.statusPage;
    if (statusPage === null) return;
    statusPage.preferredChild("error-retry");
    // Already showing the error panel: React re-renders it in place (only the message may change).
    const shown = this.errorMessage;
    if (shown !== null) {
      shown.text(message);
      return;
    }
    const old = this.panel;
    if (old !== null) old.remove();
    const panel = errorPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height, message, retry);
    statusPage.append(panel);
    this.panel = panel;
    this.errorMessage = unchecked(panel.children[1]);
  }

  /** `<Home home profile />`: replaces the status `<Page>` (React mounts another component). */
  showHome(home: HomeData): void {
    const statusPage = this.statusPage;
    if (statusPage !== null) statusPage.remove();
    this.statusPage = null;
    this.errorMessage = null;
    this.panel = null;

    const rails = home.rails;
    let firstTile: string | null = null;
    if (rails.length > 0 && unchecked(rails[0]).items.length > 0) firstTile = tileFocusKey(unchecked(rails[0]).id, 0);
    const homePage = pageView(firstTile);
    const top = hero(home.hero);
    this.hero = top;
    homePage.append(top.node);
    homePage.append(header(openSearch, openSettings));
    const list = railList(rails, 0, tileFocused, tileSelected);
    this.rails = list;
    homePage.append(list.node);
    root().append(homePage);
  }

  /** Home's onTileFocus: setFocusedRail(railIndex); setHeroTitle(title). */
  tileFocused(railIndex: i32, title: Title): void {
    const list = this.rails;
    if (list !== null) list.setFocusedRail(railIndex);
    const top = this.hero;
    if (top !== null) top.setTitle(title);
  }
}

const page = new CollectionsPage();
export * from "../../sdk/exports";
registerPage(page);
