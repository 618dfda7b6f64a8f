// Port of legacy-react/pages/shared/rail.tsx: a titled row of tiles. A focus group (coming back
// into the rail returns to the tile you left) that glides horizontally to keep the focused tile
// on screen; the focused tile grows. React's `firstVisible` state becomes the strip's x.
import { Animate, FontWeight, Node, text, view } from "../../sdk";
import { RailData, Title } from "./home-data";
import { RAIL, STRIDE, TILE, VISIBLE_TILES } from "./layout";
import { MARGIN, MOTION, STAGE, theme } from "../shared/theme";
import { Tile, tile } from "./tile";

/** The focus key of tile `index` of rail `railId`: stable, so focus can be restored on Back. */
export function tileFocusKey(railId: string, index: i32): string {
  return "tile:" + railId + ":" + index.toString();
}

/** `onTileFocus(title)` / `onTileSelect(title)` of the rail's owner; it finds its state through the rail. */
export type RailTitleHandler = (rail: Rail, title: Title) => void;

function ignoreTitle(rail: Rail, title: Title): void {}

export class Rail {
  /** `useState(0)`: the first tile fully in view. */
  firstVisible: i32 = 0;
  /** Free for the owner (the rail list puts the rail's index here). */
  tag: i32 = 0;
  onTileFocus: RailTitleHandler = ignoreTitle;
  onTileSelect: RailTitleHandler = ignoreTitle;
  tiles: Tile[] = [];

  constructor(public node: Node, public strip: Node, public data: RailData) {}

  /** `reveal(index)`: scroll so the tile at `index` stays among the visible ones. */
  reveal(index: i32): void {
    const first = this.firstVisible;
    let next = first;
    if (index < first) next = index;
    else if (index >= first + VISIBLE_TILES - 1) next = max(0, index - VISIBLE_TILES + 2);
    this.setFirstVisible(next);
  }

  setFirstVisible(first: i32): void {
    this.firstVisible = first;
    this.strip.x(MARGIN - <f64>(first * STRIDE));
  }
}

/** Every rail made, by number (a tile's `group`), so the tile handlers find theirs. */
const rails: Rail[] = [];

function tileFocused(t: Tile): void {
  const rail = unchecked(rails[t.group]);
  rail.reveal(t.index);
  const handler = rail.onTileFocus;
  handler(rail, t.title);
}

function tileSelected(t: Tile): void {
  const rail = unchecked(rails[t.group]);
  const handler = rail.onTileSelect;
  handler(rail, t.title);
}

/** `<Rail rail y onTileFocus onTileSelect />` */
export function rail(data: RailData, y: f64, onTileFocus: RailTitleHandler, onTileSelect: RailTitleHandler): Rail {
  const node = view().x(0).y(y).width(STAGE.width).height(RAIL.height);
  node.append(
    text()
      .text(data.title)
      .x(MARGIN)
      .y(0)
      .width(1200)
      .height(36)
      .fontSize(30)
      .fontWeight(FontWeight.BOLD)
      .color(theme.text),
  );
  const clipBox = view().x(0).y(RAIL.titleHeight).width(STAGE.width).height(RAIL.height - RAIL.titleHeight).clip(true);
  const items = data.items;
  const strip = view()
    .x(MARGIN)
    .y(8)
    .width(<f64>(items.length * STRIDE))
    .height(TILE.height + TILE.labelHeight)
    .animate(Animate.X, <i32>MOTION.scrollMs, MOTION.easing)
    .focusGroup(true);
  clipBox.append(strip);
  node.append(clipBox);

  const made = new Rail(node, strip, data);
  made.onTileFocus = onTileFocus;
  made.onTileSelect = onTileSelect;
  const group = rails.length;
  rails.push(made);
  for (let i = 0; i < items.length; i++) {
    // Keyed by position in React: the focus key is positional too, so Back restores the same slot.
    const t = tile(unchecked(items[i]), tileFocusKey(data.id, i), <f64>(i * STRIDE), 0, tileFocused, tileSelected);
    t.group = group;
    t.index = i;
    made.tiles.push(t);
    strip.append(t.node);
  }
  return made;
}
