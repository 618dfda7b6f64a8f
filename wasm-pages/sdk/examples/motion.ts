// Example "motion": an animated rail; animate(Animate.X, …) makes the strip glide when its x
// changes, scale() with animate(Animate.SCALE, …) grows the focused card. The page sets targets
// only: the host runs the motion. The same scene as the React example-motion.
import { Animate, AnimateEasing, boundaryMask, FocusEvent, Node, Page, registerPage, root, text, Value, view } from "../index";

const CARDS: i32 = 12;
const STRIDE: f64 = 340;
/** Cards fully in view; the rail glides so the focused one stays among them. */
const VISIBLE: i32 = 5;

function focusCard(event: FocusEvent): void {
  const card = event.node;
  if (card === null) return;
  // The focused card grows about its center (its animate mask makes the host ease it there).
  card.scale(1.1).backgroundColor("#3d5a80");
  page.reveal(card.tag);
}

function blurCard(event: FocusEvent): void {
  const card = event.node;
  if (card !== null) card.scale(1).backgroundColor("#2b3a55");
}

class MotionPage extends Page {
  strip: Node | null = null;
  first: i32 = 0;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    stage.append(text("A rail that glides; the focused card grows").rect(80, 40, 1600, 50).fontSize(36).color("#ffffff"));
    const clip = view().rect(0, 160, 1920, 300).clip(true);
    // x glides over 250 ms, ease-out; the other props of the strip change at once.
    const strip = view()
      .rect(80, 50, <f64>CARDS * STRIDE, 200)
      .animate(Animate.X, 250, AnimateEasing.EASE_OUT)
      .focusGroup()
      .boundary(boundaryMask(["left", "right"]));
    for (let i = 0; i < CARDS; i++) {
      const card = view()
        .focusKey("motion:" + i.toString())
        .rect(<f64>i * STRIDE, 0, 320, 200)
        .backgroundColor("#2b3a55")
        .borderRadius(12)
        .scale(1)
        .animate(Animate.SCALE, 150); // the default easing (ease-out)
      card.tag = i;
      card.append(text("Card " + (i + 1).toString()).rect(20, 80, 280, 40).fontSize(30).color("#ffffff"));
      card.onFocus(focusCard).onBlur(blurCard);
      strip.append(card);
    }
    clip.append(strip);
    stage.append(clip);
    root().append(stage);
    this.strip = strip;
  }

  /** Keeps card `index` among the VISIBLE ones: a new x, which the host glides to. */
  reveal(index: i32): void {
    if (index < this.first) this.first = index;
    else if (index >= this.first + VISIBLE) this.first = index - VISIBLE + 1;
    this.strip!.x(80 - <f64>this.first * STRIDE);
  }
}

const page = new MotionPage();
export * from "../exports";
registerPage(page);
