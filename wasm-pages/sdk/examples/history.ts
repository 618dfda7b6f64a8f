// Example "history": the router's history arrives as `history` events; onHistory shows how many
// entries there are, which is current, and lists them (rebuilt on each change).
import { HistoryEntry, Node, Page, registerPage, root, text, Value, view } from "../index";

class HistoryPage extends Page {
  summary: Node | null = null;
  list: Node | null = null;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    this.summary = text("History: not received yet").rect(80, 40, 1600, 50).fontSize(36).color("#ffffff");
    this.list = view().rect(80, 120, 1600, 800);
    stage.append(this.summary!).append(this.list!);
    root().append(stage);
  }

  onHistory(entries: HistoryEntry[], index: i32): void {
    this.summary!.text("History: " + entries.length.toString() + " entries, at " + (index + 1).toString());
    const list = this.list!;
    list.removeChildren();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const line = (i == index ? "> " : "  ") + (i + 1).toString() + ". " + entry.route + " (" + entry.world + ")";
      list.append(text(line).rect(0, <f64>(i * 44), 1600, 40).fontSize(28).color(i == index ? "#ffcc00" : "#aaaaaa"));
    }
  }
}

export * from "../exports";
registerPage(new HistoryPage());
