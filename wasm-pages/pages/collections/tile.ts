// Port of legacy-react/pages/shared/tile.tsx as a rail uses it (growOnFocus): a poster tile with
// its title underneath; a border shows and the tile grows while it is focused. React's `focused`
// state becomes props set on focus/blur.
import { Animate, Fit, FocusEvent, Node, Role, image, text, view } from "../../sdk";
import { Title } from "./home-data";
import { TILE } from "./layout";
import { MOTION, theme } from "../shared/theme";

/** What the tile's owner hears (a plain function: it reaches its state through the tile). */
export type TileHandler = (tile: Tile) => void;

function ignoreTile(tile: Tile): void {}

export class Tile {
  focused: bool = false;
  /** Free for the owner (the rail puts its own number here). */
  group: i32 = 0;
  /** The tile's position in its rail. */
  index: i32 = 0;
  /** `onFocus` prop (optional in React). */
  onFocus: TileHandler = ignoreTile;
  onSelect: TileHandler = ignoreTile;

  constructor(public node: Node, public frame: Node, public label: Node, public title: Title) {}

  /** `useState(false)` of the tile: size, border and label color. */
  setFocused(focused: bool): void {
    this.focused = focused;
    this.node.scale(focused ? MOTION.focusScale : 1);
    this.frame.borderWidth(focused ? 4 : 0);
    this.label.color(focused ? theme.text : theme.textMuted);
  }
}

/** Every tile made, by `node.tag`, so the node handlers (no captures) find theirs. */
const tiles: Tile[] = [];

function tileOf(event: FocusEvent): Tile | null {
  const node = event.node;
  if (node === null || node.tag < 0 || node.tag >= tiles.length) return null;
  return unchecked(tiles[node.tag]);
}

function focusTile(event: FocusEvent): void {
  const tile = tileOf(event);
  if (tile === null) return;
  tile.setFocused(true);
  const handler = tile.onFocus;
  handler(tile);
}

function blurTile(event: FocusEvent): void {
  const tile = tileOf(event);
  if (tile !== null) tile.setFocused(false);
}

function selectTile(event: FocusEvent): void {
  const tile = tileOf(event);
  if (tile === null) return;
  const handler = tile.onSelect;
  handler(tile);
}

/** `<Tile title focusKey x y onFocus onSelect />` */
export function tile(title: Title, focusKey: string, x: f64, y: f64, onFocus: TileHandler, onSelect: TileHandler): Tile {
  const node = view()
    .focusKey(focusKey)
    .role(Role.BUTTON)
    .label(title.title)
    .x(x)
    .y(y)
    .width(TILE.width)
    .height(TILE.height + TILE.labelHeight)
    .scale(1)
    .animate(Animate.SCALE, <i32>MOTION.focusMs, MOTION.easing);
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
  frame.append(image().x(0).y(0).width(TILE.width).height(TILE.height).src(title.imageUrl).fit(Fit.COVER));
  const label = text()
    .text(title.title)
    .x(4)
    .y(TILE.height + 6)
    .width(TILE.width - 8)
    .height(30)
    .fontSize(22)
    .color(theme.textMuted)
    .maxLines(1);
  node.append(frame).append(label);

  const made = new Tile(node, frame, label, title);
  made.onFocus = onFocus;
  made.onSelect = onSelect;
  node.tag = tiles.length;
  tiles.push(made);
  node.onFocus(focusTile).onBlur(blurTile).onSelect(selectTile);
  return made;
}
