// Port of legacy-react/pages/details/title-info.tsx: the title's backdrop across the stage,
// dimmed, with its name, facts, synopsis and cast over it. Sizes MUST match the React ones.
import { Fit, FontWeight, image, Node, Role, text, Value, view } from "../../sdk";
import { MARGIN, STAGE, theme } from "../shared/theme";
import { castLine, detailsMetaLine } from "./format";

const TEXT_WIDTH: f64 = 1100;

/** `<TitleInfo title />` of a TitleDetails value. */
export function titleInfo(title: Value): Node {
  const node = view().x(0).y(0).width(STAGE.width).height(STAGE.height);
  node.append(
    image()
      .x(0)
      .y(0)
      .width(STAGE.width)
      .height(STAGE.height)
      .src(title.get("backdropUrl").asString())
      .fit(Fit.COVER)
      .opacity(0.35),
  );
  // text().text(...): React's <Text>{value}</Text> sets the text prop even when it is empty.
  node.append(
    text()
      .text(title.get("title").asString())
      .role(Role.HEADING)
      .x(MARGIN)
      .y(260)
      .width(TEXT_WIDTH)
      .height(80)
      .fontSize(64)
      .fontWeight(FontWeight.BOLD)
      .color(theme.text)
      .maxLines(1),
  );
  node.append(
    text()
      .text(detailsMetaLine(title))
      .x(MARGIN)
      .y(360)
      .width(TEXT_WIDTH)
      .height(40)
      .fontSize(30)
      .color(theme.textMuted)
      .maxLines(1),
  );
  node.append(
    text()
      .text(title.get("synopsis").asString())
      .x(MARGIN)
      .y(430)
      .width(TEXT_WIDTH)
      .height(160)
      .fontSize(30)
      .color(theme.text)
      .maxLines(4),
  );
  // {title.cast.length > 0 && <Text>…</Text>}: no node at all without cast.
  const cast = title.get("cast");
  if (cast.length > 0) {
    node.append(
      text()
        .text(castLine(cast))
        .x(MARGIN)
        .y(610)
        .width(TEXT_WIDTH)
        .height(36)
        .fontSize(26)
        .color(theme.textMuted)
        .maxLines(1),
    );
  }
  return node;
}
