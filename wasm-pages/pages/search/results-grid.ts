// Port of legacy-react/pages/search/results-grid.tsx and its tiles (legacy-react/pages/shared/tile.tsx):
// poster tiles, RESULT_COLUMNS to a row, in a clipped box. Focus enters at the first result, or
// the one left last (a focus group); the grid glides by whole rows to keep the focused tile
// visible. React's `firstRow` state becomes the inner view's y, each Tile's `focused` state its
// border and label color.
import { Animate, Fit, FocusEvent, image, Node, Role, text, view } from "../../sdk";
import { RESULT_COLUMNS, RESULT_STRIDE, RESULTS_AREA, TILE, VISIBLE_RESULT_ROWS } from "./layout";
import { Title } from "./search-data";
import { MOTION, theme } from "../shared/theme";

/** resultFocusKey(index): `result:0` is top-left, then row by row. */
export function resultFocusKey(index: i32): string {
  return "result:" + index.toString();
}

/** What the grid's owner hears when a result is selected (a plain function: no captures). */
export type ResultHandler = (title: Title) => void;

/** A Tile: its view, the framed poster (border while focused) and the label under it. */
class ResultTile {
  constructor(public node: Node, public frame: Node, public poster: Node, public label: Node, public title: Title) {}

  /** Tile's `useState(false)`: border and label color. */
  setFocused(focused: bool): void {
    this.frame.borderWidth(focused ? 4 : 0);
    this.label.color(focused ? theme.text : theme.textMuted);
  }

  /** The Tile re-rendered with another title (React keeps it: it is keyed by position). */
  show(title: Title): void {
    this.title = title;
    this.node.label(title.title);
    this.poster.src(title.imageUrl);
    this.label.text(title.title);
  }
}

export class ResultsGrid {
  /** `useState(0)`: the first row in view. */
  firstRow: i32 = 0;
  tiles: ResultTile[] = [];

  constructor(public node: Node, public inner: Node, public onSelect: ResultHandler) {}

  /** `reveal(row)`: scroll by whole rows so `row` is among the visible ones. */
  reveal(row: i32): void {
    let first = this.firstRow;
    if (row < first) first = row;
    else if (row >= first + VISIBLE_RESULT_ROWS) first = row - VISIBLE_RESULT_ROWS + 1;
    this.firstRow = first;
    this.inner.y(<f64>(-first * RESULT_STRIDE.y));
  }

  /**
   * `<ResultsGrid results />` re-rendered with new results for the same query (React keeps the
   * grid, keyed by the query, and its tiles, keyed by position): tiles change their title, extra
   * ones are added at the end, missing ones removed.
   */
  show(results: Title[]): void {
    const rows = (results.length + RESULT_COLUMNS - 1) / RESULT_COLUMNS;
    this.inner.height(<f64>(rows * RESULT_STRIDE.y - TILE.gap));
    const tiles = this.tiles;
    while (tiles.length > results.length) tiles.pop().node.remove();
    for (let i = 0; i < results.length; i++) {
      const title = unchecked(results[i]);
      if (i < tiles.length) unchecked(tiles[i]).show(title);
      else this.addTile(i, title);
    }
  }

  private addTile(index: i32, title: Title): void {
    const node = view()
      .focusKey(resultFocusKey(index))
      .role(Role.BUTTON)
      .x(<f64>((index % RESULT_COLUMNS) * RESULT_STRIDE.x))
      .y(<f64>((index / RESULT_COLUMNS) * RESULT_STRIDE.y))
      .width(TILE.width)
      .height(<f64>(TILE.height + TILE.labelHeight));
    const frame = view()
      .x(0)
      .y(0)
      .width(TILE.width)
      .height(TILE.height)
      .clip(true)
      .borderRadius(8)
      .backgroundColor(theme.tile)
      .borderColor(theme.focusBorder)
      .borderWidth(0);
    const poster = image().x(0).y(0).width(TILE.width).height(TILE.height).fit(Fit.COVER);
    frame.append(poster);
    const label = text()
      .x(4)
      .y(<f64>(TILE.height + 6))
      .width(<f64>(TILE.width - 8))
      .height(30)
      .fontSize(22)
      .color(theme.textMuted)
      .maxLines(1);
    node.append(frame).append(label);
    const tile = new ResultTile(node, frame, poster, label, title);
    tile.show(title);
    node.tag = index;
    node.onFocus(focusTile).onBlur(blurTile).onSelect(selectTile);
    this.tiles.push(tile);
    this.inner.append(node);
  }
}

/** The grid on screen (one at a time), so the tile handlers (no captures) find theirs. */
let shown: ResultsGrid | null = null;

function tileOf(event: FocusEvent): ResultTile | null {
  const grid = shown;
  const node = event.node;
  if (grid === null || node === null || node.tag < 0 || node.tag >= grid.tiles.length) return null;
  const tile = unchecked(grid.tiles[node.tag]);
  return tile.node === node ? tile : null;
}

function focusTile(event: FocusEvent): void {
  const tile = tileOf(event);
  if (tile === null) return;
  tile.setFocused(true);
  shown!.reveal(tile.node.tag / RESULT_COLUMNS);
}

function blurTile(event: FocusEvent): void {
  const tile = tileOf(event);
  if (tile !== null) tile.setFocused(false);
}

function selectTile(event: FocusEvent): void {
  const tile = tileOf(event);
  if (tile === null) return;
  const handler = shown!.onSelect;
  handler(tile.title);
}

/**
 * `<ResultsGrid key={query} results onSelect />`, newly mounted: a clipped box holding the focus
 * group of tiles (preferredChild `result:0`). It becomes the grid the tile handlers answer to.
 */
export function resultsGrid(results: Title[], onSelect: ResultHandler): ResultsGrid {
  const node = view().x(RESULTS_AREA.x).y(RESULTS_AREA.y).width(RESULTS_AREA.width).height(RESULTS_AREA.height).clip(true);
  const inner = view()
    .x(0)
    .y(0)
    .width(RESULTS_AREA.width)
    .animate(Animate.Y, <i32>MOTION.scrollMs, MOTION.easing)
    .focusGroup(true)
    .preferredChild(resultFocusKey(0));
  node.append(inner);
  const grid = new ResultsGrid(node, inner, onSelect);
  grid.show(results);
  shown = grid;
  return grid;
}
