// Port of legacy-react/pages/collections/hero.tsx: the top of the page, big artwork of the
// focused title, its name and what kind of title it is. The `title` prop becomes `setTitle`.
import { Fit, FontWeight, Node, image, text, view } from "../../sdk";
import { Title, yearText } from "./home-data";
import { HERO } from "./layout";
import { MARGIN, STAGE, theme } from "../shared/theme";

/** "2019 · Drama · 13+" */
export function heroMetaLine(title: Title): string {
  return yearText(title.year) + " · " + title.genre + " · " + title.rating;
}

export class Hero {
  constructor(public node: Node, public art: Node, public name: Node, public meta: Node) {}

  /** The `title` prop. */
  setTitle(title: Title): void {
    this.art.src(title.imageUrl);
    this.name.text(title.title);
    this.meta.text(heroMetaLine(title));
  }
}

/** `<Hero title />` */
export function hero(title: Title): Hero {
  const textWidth: f64 = HERO.imageX - MARGIN - 40;
  const node = view().x(0).y(0).width(STAGE.width).height(HERO.height).clip(true);
  const art = image()
    .x(HERO.imageX)
    .y(0)
    .width(STAGE.width - HERO.imageX)
    .height(HERO.height)
    .src(title.imageUrl)
    .fit(Fit.COVER)
    .opacity(0.7);
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
  node.append(art).append(name).append(meta);
  return new Hero(node, art, name, meta);
}
