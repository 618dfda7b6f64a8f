// Example "nodes": views, text and images, nesting, and every visual prop. Select the card to
// toggle its badge: the SDK sends only the props that changed, plus one remove or create.
import {
  FocusEvent, Fit, FontWeight, image, Node, Page, Prop, registerPage, root, text,
  TextAlign, Value, view,
} from "../index";

class NodesPage extends Page {
  card: Node | null = null;
  badge: Node | null = null;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    stage.append(text("Scene nodes").rect(80, 40, 1200, 60).fontSize(48).fontWeight(FontWeight.BOLD).color("#ffffff"));

    // A clipped, rounded, bordered card; its children are positioned relative to it.
    const card = view()
      .rect(80, 140, 640, 360)
      .backgroundColor("#2b3a55")
      .borderRadius(16)
      .borderColor("#88aaff")
      .borderWidth(2)
      .clip()
      .focusKey("nodes:card");
    card.append(image("https://example.com/poster.jpg").rect(0, 0, 640, 240).fit(Fit.COVER));
    card.append(
      text("A long synopsis that wraps over at most two lines and then ends with an ellipsis")
        .rect(20, 256, 600, 80).fontSize(26).color("#dddddd").maxLines(2).textAlign(TextAlign.LEFT),
    );
    this.card = card;

    // Stacking and transparency: the overlay sits above the card (zIndex) at 50% opacity.
    const overlay = view().rect(600, 120, 160, 60).backgroundColor("#ff6b6b").opacity(0.5).zIndex(2);
    overlay.append(text("NEW").rect(0, 12, 160, 36).fontSize(28).textAlign(TextAlign.CENTER).color("#ffffff"));

    // A hidden node keeps its place but is not painted and cannot take focus.
    const hidden = view().rect(80, 540, 200, 80).backgroundColor("#333333").visible(false);

    // insertBefore: the caption goes in front of the hidden node among the stage's children.
    stage.append(card).append(overlay).append(hidden);
    stage.insertBefore(text("Caption").rect(80, 520, 400, 40).fontSize(24).color("#aaaaaa"), hidden);

    // A node made and removed in the same mount: the host sees create + remove, nothing of it stays.
    const scratch = view().rect(0, 0, 10, 10);
    stage.append(scratch);
    scratch.remove();

    root().append(stage);
    this.showBadge();
  }

  onSelect(event: FocusEvent): void {
    if (this.badge !== null) {
      this.badge!.remove();
      this.badge = null;
      this.card!.clear(Prop.BorderColor).borderWidth(0);
    } else {
      this.showBadge();
      this.card!.borderColor("#88aaff").borderWidth(2);
    }
  }

  showBadge(): void {
    const badge = view().rect(540, 16, 84, 40).backgroundColor("#ffcc00").borderRadius(8);
    badge.append(text("HD").rect(0, 6, 84, 28).fontSize(22).fontWeight(FontWeight.BOLD).textAlign(TextAlign.CENTER).color("#000000"));
    this.card!.append(badge);
    this.badge = badge;
  }
}

export * from "../exports";
registerPage(new NodesPage());
