// Port of legacy-react/pages/collections/rail-list.tsx: all rails stacked vertically in a window
// under the hero; the stack glides so the focused rail sits at the top of the window. The stack
// is a focus group, so coming back down from the header returns to the tile you left.
import { Animate, boundaryMask, Node, view } from "../../sdk";
import { RailData, Title } from "./home-data";
import { RAIL, RAILS_VIEWPORT } from "./layout";
import { Rail, rail } from "./rail";
import { MOTION, STAGE } from "../shared/theme";

/** `onTileFocus(railIndex, title)` of the list's owner. */
export type RailListFocusHandler = (railIndex: i32, title: Title) => void;
/** `onTileSelect(title)` of the list's owner. */
export type RailListSelectHandler = (title: Title) => void;

function ignoreFocus(railIndex: i32, title: Title): void {}
function ignoreSelect(title: Title): void {}

export class RailList {
  onTileFocus: RailListFocusHandler = ignoreFocus;
  onTileSelect: RailListSelectHandler = ignoreSelect;
  rails: Rail[] = [];

  constructor(public node: Node, public stack: Node) {}

  /** The `focusedRail` prop: that rail is scrolled to the top of the window. */
  setFocusedRail(focusedRail: i32): void {
    const scrollTop = focusedRail * RAIL.height;
    // 0 - scrollTop, as in React (the SDK sends -0 as 0 anyway).
    this.stack.y(<f64>(0 - scrollTop));
  }
}

/** The one list on the page (the rail handlers reach it here). */
let current: RailList | null = null;

function railTileFocus(r: Rail, title: Title): void {
  const list = current;
  if (list === null) return;
  const handler = list.onTileFocus;
  handler(r.tag, title);
}

function railTileSelect(r: Rail, title: Title): void {
  const list = current;
  if (list === null) return;
  const handler = list.onTileSelect;
  handler(title);
}

/** `<RailList rails focusedRail onTileFocus onTileSelect />` */
export function railList(
  rails: RailData[], focusedRail: i32, onTileFocus: RailListFocusHandler, onTileSelect: RailListSelectHandler,
): RailList {
  const node = view().x(0).y(RAILS_VIEWPORT.y).width(STAGE.width).height(RAILS_VIEWPORT.height).clip(true);
  const stack = view()
    .x(0)
    .y(<f64>(0 - focusedRail * RAIL.height))
    .width(STAGE.width)
    .height(<f64>(rails.length * RAIL.height))
    .animate(Animate.Y, <i32>MOTION.scrollMs, MOTION.easing)
    .focusGroup(true);
  node.append(stack);
  const list = new RailList(node, stack);
  list.onTileFocus = onTileFocus;
  list.onTileSelect = onTileSelect;
  current = list;
  for (let index = 0; index < rails.length; index++) {
    // Left/Right stop at the ends of a rail instead of jumping to a tile of another rail.
    const slot = view()
      .x(0)
      .y(<f64>(index * RAIL.height))
      .width(STAGE.width)
      .height(RAIL.height)
      .boundary(boundaryMask(["left", "right"]));
    const r = rail(unchecked(rails[index]), 0, railTileFocus, railTileSelect);
    r.tag = index;
    list.rails.push(r);
    slot.append(r.node);
    stack.append(slot);
  }
  return list;
}
