// Port of legacy-react/pages/collections/hero.tsx: the top of the page, big artwork of the
// focused title, its name and what kind of title it is. The `title` prop becomes `setTitle`; a new
// title's artwork cross-fades in on the hidden one of two stacked layers (React's `art` state).
import { Animate, Fit, FontWeight, Node, image, text, view } from "../../sdk";
import { Title, yearText } from "./home-data";
import { HERO } from "./layout";
import { MARGIN, MOTION, STAGE, theme } from "../shared/theme";

/** ART_OPACITY: how opaque the artwork shows. */
const ART_OPACITY: f64 = 0.7;

/** "2019 · Drama · 13+" */
export function heroMetaLine(title: Title): string {
  return yearText(title.year) + " · " + title.genre + " · " + title.rating;
}

export class Hero {
  /** React's `art` state: which layer shows, and the image each layer holds. */
  front: i32 = 0;
  sources: string[] = [];

  constructor(public node: Node, public layers: Node[], public name: Node, public meta: Node, imageUrl: string) {
    this.sources = [imageUrl, imageUrl];
  }

  /** The `title` prop: a new image goes to the hidden layer, which fades in as the other fades out. */
  setTitle(title: Title): void {
    if (unchecked(this.sources[this.front]) != title.imageUrl) {
      const back = this.front;
      this.front = 1 - back;
      this.sources[this.front] = title.imageUrl;
      unchecked(this.layers[this.front]).src(title.imageUrl).opacity(ART_OPACITY);
      unchecked(this.layers[back]).opacity(0);
    }
    this.name.text(title.title);
    this.meta.text(heroMetaLine(title));
  }
}

/** `<Hero title />` */
export function hero(title: Title): Hero {
  const textWidth: f64 = HERO.imageX - MARGIN - 40;
  const node = view().x(0).y(0).width(STAGE.width).height(HERO.height).clip(true);
  const layers: Node[] = [];
  for (let layer = 0; layer < 2; layer++) {
    const art = image()
      .x(HERO.imageX)
      .y(0)
      .width(STAGE.width - HERO.imageX)
      .height(HERO.height)
      .src(title.imageUrl)
      .fit(Fit.COVER)
      .opacity(layer == 0 ? ART_OPACITY : 0)
      .animate(Animate.OPACITY, <i32>MOTION.fadeMs, MOTION.easing);
    node.append(art);
    layers.push(art);
  }
  const name = text()
    .text(title.title)
    .x(MARGIN)
    .y(170)
    .width(textWidth)
    .height(80)
    .fontSize(64)
    .fontWeight(FontWeight.BOLD)
    .color(theme.text)
    .maxLines(1);
  const meta = text()
    .text(heroMetaLine(title))
    .x(MARGIN)
    .y(270)
    .width(textWidth)
    .height(40)
    .fontSize(32)
    .color(theme.textMuted)
    .maxLines(1);
  node.append(name).append(meta);
  return new Hero(node, layers, name, meta, title.imageUrl);
}
