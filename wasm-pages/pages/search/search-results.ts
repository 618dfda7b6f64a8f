// Port of legacy-react/pages/search/search-results.tsx: the right-hand side of the search page,
// a hint, a placeholder, an error, "no results" or the grid. It renders into the page background
// after the keyboard, and changes what is there the way React reconciles SearchResults' output:
// the same component in the same place is updated in place (a Message's text, an ErrorPanel's
// message, the header and a grid of the same query), anything else is removed and mounted anew.
import { FocusHandler, Node, text, TextAlign, view } from "../../sdk";
import { RESULTS_HEADER, RESULTS_PANEL } from "./layout";
import { ResultHandler, ResultsGrid, resultsGrid } from "./results-grid";
import { SearchData } from "./search-data";
import { errorPanel, loadingPanel } from "../shared/status-panels";
import { theme } from "../shared/theme";

/** SEARCH_HINT of the React page: must match. */
export const SEARCH_HINT = "Results appear here as you type";

/** What SearchResults returns. */
const NOTHING: i32 = 0;
const MESSAGE: i32 = 1;
const LOADING: i32 = 2;
const ERROR: i32 = 3;
const GRID: i32 = 4;

/** `<Message text />`: a muted line in a panel. Its text node is the panel's only child. */
function message(content: string): Node {
  const panel = view()
    .x(RESULTS_PANEL.x)
    .y(RESULTS_PANEL.y)
    .width(RESULTS_PANEL.width)
    .height(RESULTS_PANEL.height)
    .backgroundColor(theme.surface)
    .borderRadius(12);
  panel.append(
    text()
      .text(content)
      .x(40)
      .y(<f64>(RESULTS_PANEL.height / 2 - 20))
      .width(<f64>(RESULTS_PANEL.width - 80))
      .height(40)
      .fontSize(30)
      .textAlign(TextAlign.CENTER)
      .color(theme.textMuted)
      .maxLines(1),
  );
  return panel;
}

/** `${n} ${n === 1 ? 'result' : 'results'} for “${query}”` */
function headerText(count: i32, query: string): string {
  return count.toString() + (count == 1 ? " result" : " results") + " for “" + query + "”";
}

export class SearchResults {
  kind: i32 = NOTHING;
  /** The Message, LoadingPanel or ErrorPanel; the header Text with a grid. */
  first: Node | null = null;
  grid: ResultsGrid | null = null;
  /** The query the grid is keyed by. */
  gridQuery: string = "";

  constructor(public parent: Node, public onRetry: FocusHandler, public onSelect: ResultHandler) {}

  /** `<Message text={SEARCH_HINT} />`: nothing typed yet. */
  showHint(): void {
    this.showMessage(SEARCH_HINT);
  }

  /** `<LoadingPanel {...RESULTS_PANEL} label="Searching…" />` */
  showLoading(): void {
    if (this.kind == LOADING) return;
    this.clear();
    this.add(loadingPanel(RESULTS_PANEL.x, RESULTS_PANEL.y, RESULTS_PANEL.width, RESULTS_PANEL.height, "Searching…"));
    this.kind = LOADING;
  }

  /** `<ErrorPanel {...RESULTS_PANEL} message onRetry />`, Retry being `error-retry`. */
  showError(error: string): void {
    if (this.kind == ERROR) {
      unchecked(this.first!.children[1]).text(error);
      return;
    }
    this.clear();
    this.add(errorPanel(RESULTS_PANEL.x, RESULTS_PANEL.y, RESULTS_PANEL.width, RESULTS_PANEL.height, error, this.onRetry));
    this.kind = ERROR;
  }

  /** An answer for `query` (trimmed): "No results for “query”", or the header and the grid. */
  showData(query: string, data: SearchData): void {
    const results = data.results;
    if (results.length == 0) {
      this.showMessage("No results for “" + query + "”");
      return;
    }
    const line = headerText(results.length, query);
    if (this.kind == GRID) {
      this.first!.text(line);
      if (this.gridQuery == query) {
        this.grid!.show(results);
        return;
      }
      // <ResultsGrid key={query}>: another query mounts another grid (scroll and focus memory anew).
      this.grid!.node.remove();
    } else {
      this.clear();
      this.add(
        text()
          .text(line)
          .x(RESULTS_HEADER.x)
          .y(RESULTS_HEADER.y)
          .width(RESULTS_HEADER.width)
          .height(RESULTS_HEADER.height)
          .fontSize(28)
          .color(theme.textMuted)
          .maxLines(1),
      );
    }
    const grid = resultsGrid(results, this.onSelect);
    this.parent.append(grid.node);
    this.grid = grid;
    this.gridQuery = query;
    this.kind = GRID;
  }

  private showMessage(content: string): void {
    if (this.kind == MESSAGE) {
      unchecked(this.first!.children[0]).text(content);
      return;
    }
    this.clear();
    this.add(message(content));
    this.kind = MESSAGE;
  }

  private add(node: Node): void {
    this.parent.append(node);
    this.first = node;
  }

  /** Unmounts what SearchResults showed. */
  private clear(): void {
    const first = this.first;
    if (first !== null) first.remove();
    const grid = this.grid;
    if (grid !== null) grid.node.remove();
    this.first = null;
    this.grid = null;
    this.gridQuery = "";
    this.kind = NOTHING;
  }
}
