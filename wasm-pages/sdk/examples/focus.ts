// Example "focus": focusKey, a focusGroup rail that remembers its tile, preferredChild (where focus
// starts), a boundary that holds focus in a slider so left/right reach the page as arrow events,
// per-node handlers (plain functions) and the page's own onFocus/onArrow.
import {
  Boundary, boundaryMask, FocusEvent, Node, Page, registerPage, root, text, Value, view,
} from "../index";

const TILE = "#2b3a55";
const TILE_FOCUSED = "#ffcc00";

// Per-node handlers are plain functions: they cannot capture locals, so they act on `event.node`
// (and its `tag`) or on module-level state such as `page` below.
function focusTile(event: FocusEvent): void {
  const tile = event.node;
  if (tile) tile.backgroundColor(TILE_FOCUSED).borderColor("#ffffff").borderWidth(4);
}

function blurTile(event: FocusEvent): void {
  const tile = event.node;
  if (tile) tile.backgroundColor(TILE).borderWidth(0);
}

function nudgeSlider(event: FocusEvent): void {
  if (event.direction == "left") page.nudge(-1);
  else if (event.direction == "right") page.nudge(1);
}

class FocusPage extends Page {
  status: Node | null = null;
  sliderLabel: Node | null = null;
  nudges: i32 = 0;

  mount(params: Value): void {
    // Focus starts on the middle tile of the rail.
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117").preferredChild("rail:2");
    stage.append(text("Rail remembers its tile; the slider keeps left/right").rect(80, 40, 1600, 50).fontSize(36).color("#ffffff"));

    // The rail: a focus group (remembers the last tile) that focus may not leave sideways.
    const rail = view().rect(80, 140, 1760, 200).focusGroup().boundary(boundaryMask(["left", "right"]));
    for (let i = 0; i < 5; i++) {
      const tile = view().rect(<f64>(i * 340), 0, 320, 180).backgroundColor(TILE).focusKey("rail:" + i.toString());
      tile.tag = i;
      tile.append(text("Tile " + (i + 1).toString()).rect(20, 70, 280, 40).fontSize(30).color("#ffffff"));
      tile.onFocus(focusTile).onBlur(blurTile);
      rail.append(tile);
    }

    // The slider: with a button to its right, right would move focus; the boundary keeps it here
    // and the page gets an arrow event instead.
    const slider = view().rect(80, 420, 600, 80).backgroundColor("#3d5a80").focusKey("slider")
      .boundary(Boundary.LEFT | Boundary.RIGHT);
    this.sliderLabel = text("Nudge: 0").rect(20, 22, 560, 36).fontSize(28).color("#ffffff");
    slider.append(this.sliderLabel!);
    slider.onArrow(nudgeSlider);
    const done = view().rect(760, 420, 300, 80).backgroundColor("#3d5a80").focusKey("done");
    done.append(text("Done").rect(20, 22, 260, 36).fontSize(28).color("#ffffff"));

    this.status = text("Focused: none").rect(80, 560, 1200, 40).fontSize(28).color("#aaaaaa");
    stage.append(rail).append(slider).append(done).append(this.status!);
    root().append(stage);
  }

  nudge(by: i32): void {
    this.nudges += by;
    this.sliderLabel!.text("Nudge: " + this.nudges.toString());
  }

  onFocus(event: FocusEvent): void {
    this.status!.text("Focused: " + event.focusKey);
  }

  onArrow(event: FocusEvent): void {
    this.status!.text("Arrow " + event.direction + " on " + event.focusKey);
  }
}

const page = new FocusPage();
export * from "../exports";
registerPage(page);
