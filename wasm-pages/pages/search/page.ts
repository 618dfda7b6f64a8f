// Route "search" (params `{ profile? }`, unused, as in React), ported from
// legacy-react/pages/search/search-page.tsx (the ground truth): an on-screen keyboard on the left
// with the query above it, and results on the right that follow every keystroke. Initial focus:
// `key:a` (the page's `preferredChild`). Right from the keyboard enters the results; left from
// their first column returns to the key used last. Selecting a result opens
// navigate("details", { id }).
//
// React's tree: <PageBackground preferredChild="key:a"> [Text "Search", QueryField, Keyboard,
// SearchResults] </PageBackground>, one background for the page's whole life.
//
// Requests are those of useFetch(searched === '' ? null : apiPaths.search(searched)): no debounce,
// one GET per keystroke that changes the trimmed query (spaces at the ends search nothing new), the
// request in flight dropped (React aborts it) when the query changes or the page goes; an empty
// query requests nothing. useFetch remembers the last path it loaded and what it got:
// - a new path shows "Searching…" in the same render (React returns `loading` for a path it has
//   not loaded), and its request goes out;
// - the remembered path again (typing "a" after clearing "a") and Retry show the remembered
//   answer (results, or the error) at first: only the effect that follows sets `loading`, which
//   React renders in a LATER render and skips when the answer is already there by then. Mirrored
//   as collections and details do it: the request goes out at once, "Searching…" waits one frame
//   after this event's frame and is skipped if the answer came first. (Showing the old answer
//   for a moment is the React page's behaviour, copied: parity means "behaves like before".)
import {
  apiPaths, cancelData, DataResult, FocusEvent, FontWeight, navigate, Page, params1, registerPage, requestData, requestFrame,
  Role, root, text, Value, view,
} from "../../sdk";
import { applyKey, keyboard, keyFocusKey, keyId } from "./keyboard";
import { QueryField, queryField } from "./query-field";
import { SearchData, Title } from "./search-data";
import { SearchResults } from "./search-results";
import { MARGIN, STAGE, theme } from "../shared/theme";

/** useFetch's result for the path it loaded last. */
const LOADING: i32 = 0;
const ERROR: i32 = 1;
const READY: i32 = 2;

// Handlers and callbacks are plain functions (no captures): they reach the page through `page`.
function onSearch(result: DataResult): void {
  page.answered(result);
}

function keySelected(event: FocusEvent): void {
  const node = event.node;
  if (node !== null) page.type(keyId(node.tag));
}

function retry(event: FocusEvent): void {
  page.retry();
}

function openTitle(title: Title): void {
  navigate("details", params1("id", title.id));
}

class SearchPage extends Page {
  /** `useState('')`: the query as typed. */
  query: string = "";
  /** query.trim(): what is searched. */
  searched: string = "";
  /** The path of `searched` ("" when it is empty: useFetch(null)). */
  path: string = "";
  /** useFetch's remembered state: the path it loaded last ("" for none yet) and its result. */
  loadedPath: string = "";
  loaded: i32 = LOADING;
  loadedError: string = "";
  loadedData: SearchData | null = null;
  /** The request in flight (useFetch's AbortController): -1 when none. */
  request: i32 = -1;
  /** The effect's `loading` still to render: frames left before it shows; -1 when none is due. */
  loadingDelay: i32 = -1;
  field: QueryField | null = null;
  results: SearchResults | null = null;

  mount(params: Value): void {
    const background = view()
      .x(0)
      .y(0)
      .width(STAGE.width)
      .height(STAGE.height)
      .backgroundColor(theme.background)
      .preferredChild(keyFocusKey("a"));
    root().append(background);
    background.append(
      text("Search").role(Role.HEADING).x(MARGIN).y(60).width(600).height(60).fontSize(48).fontWeight(FontWeight.BOLD).color(theme.text),
    );
    const field = queryField();
    this.field = field;
    background.append(field.node);
    background.append(keyboard(keySelected));
    this.results = new SearchResults(background, retry, openTitle);
    this.render();
  }

  /** Keyboard's onKey: `setQuery((current) => applyKey(current, keyId))`. */
  type(id: string): void {
    const next = applyKey(this.query, id);
    if (next == this.query) return; // the same state: React renders nothing
    this.query = next;
    this.field!.show(next);
    const searched = next.trim();
    if (searched == this.searched) return; // the same path: useFetch neither renders nor loads anew
    this.searched = searched;
    this.path = searched.length == 0 ? "" : apiPaths.search(searched);
    // The effect's cleanup: the request in flight is dropped. A `loading` the effect had already
    // set (not yet rendered) is useFetch's state now.
    if (this.request >= 0) cancelData(this.request);
    this.request = -1;
    if (this.loadingDelay >= 0) this.loaded = LOADING;
    this.loadingDelay = -1;
    this.render();
    if (this.path.length > 0) this.load();
  }

  /** useFetch's retry(): the same path loads again. */
  retry(): void {
    if (this.path.length == 0) return;
    if (this.request >= 0) cancelData(this.request);
    this.request = -1;
    // A `loading` the last effect set and React had not rendered yet comes with this render.
    if (this.loadingDelay >= 0) {
      this.loadingDelay = -1;
      this.loaded = LOADING;
      this.render();
    }
    this.load();
  }

  /**
   * The effect for `path`: it remembers the path with `loading` and requests it. When the path is
   * the one already remembered, what shows stays until the next frame (see the top of the file).
   */
  load(): void {
    const same = this.loadedPath == this.path;
    this.loadedPath = this.path;
    this.request = requestData(this.path, onSearch);
    if (same && this.loaded != LOADING) {
      this.loadingDelay = 1;
      requestFrame();
    } else {
      this.loaded = LOADING; // already what shows
    }
  }

  onFrame(nowMs: f64): void {
    if (this.loadingDelay > 0) {
      this.loadingDelay--;
      requestFrame(); // frames run only on request: count this one down too
    } else if (this.loadingDelay == 0) {
      this.loadingDelay = -1;
      this.loaded = LOADING;
      this.render();
    }
  }

  answered(result: DataResult): void {
    if (result.requestId != this.request) return;
    this.request = -1;
    this.loadingDelay = -1;
    if (result.ok) {
      this.loaded = READY;
      this.loadedData = SearchData.from(result.body);
    } else {
      this.loaded = ERROR;
      this.loadedError = result.error;
    }
    this.render();
  }

  /** `<SearchResults query={searched} search={useFetch(...)} />` */
  render(): void {
    const results = this.results!;
    if (this.searched.length == 0) {
      results.showHint();
      return;
    }
    // useFetch returns `loading` for a path it has not loaded (yet).
    const state = this.loadedPath == this.path ? this.loaded : LOADING;
    if (state == ERROR) {
      results.showError(this.loadedError);
      return;
    }
    const data = this.loadedData;
    // Only an answer for this query is shown (the backend echoes the query).
    if (state == LOADING || data === null || data.query != this.searched) {
      results.showLoading();
      return;
    }
    results.showData(this.searched, data);
  }
}

const page = new SearchPage();
export * from "../../sdk/exports";
registerPage(page);
