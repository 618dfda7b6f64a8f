// Example "api-tour": the smaller helpers, each used once, with what they return shown on screen:
// building and reading Values, reading props back, focus queries, cancelling a request, counting
// timers. (It also keeps every public function compiled: asc only checks code that is used.)
import {
  apiPaths, Boundary, cancelData, clearTimer, currentPage, DataResult, Direction, FocusEvent, focusedKey, formatNumber,
  frameTime, HistoryEntry, historyEntries, historyIndex, isFocused, Node, nodeById, nodeCount, NodeKind, Page, params2,
  pendingDataCount, Prop, registerPage, requestData, root, setTimeout, text, timerCount, Value, ValueKind, view,
} from "../index";

function ignored(result: DataResult): void {
  page.line("never called");
}

function never(): void {
  page.line("never called");
}

function later(): void {
  page.line("timer at " + formatNumber(frameTime()) + ", timers left " + timerCount().toString());
}

function blurred(event: FocusEvent): void {
  page.line("blur " + event.focusKey + ", focused now \"" + focusedKey() + "\"");
}

class ApiTourPage extends Page {
  lines: Node | null = null;
  count: i32 = 0;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    this.lines = view().rect(80, 40, 1760, 1000).boundary(Boundary.ALL);
    const button = view().rect(80, 960, 300, 80).backgroundColor("#2b3a55").focusKey("tour:button");
    button.onBlur(blurred);
    stage.append(this.lines!).append(button);
    root().append(stage);

    // Values: the mount params, and one built here.
    this.line("params " + params.toString() + ", has a: " + (params.has("a") ? "yes" : "no"));
    const built = Value.newObject()
      .set("list", Value.newArray().push(Value.ofNumber(1.5)).push(Value.ofBool(true)).push(Value.NULL))
      .setNumber("n", 42)
      .setBool("b", false)
      .set("s", Value.ofString("x\"y"));
    const list = built.get("list");
    this.line("built " + built.toString() + " keys " + built.keyAt(0) + "," + built.keyAt(3) +
      " kinds " + (<i32>list.kind).toString() + (list.isArray() ? " array" : "") +
      " n=" + built.get("n").asInt().toString() + " missing=" + built.get("nope").at(3).asString("fallback"));
    this.line("params2 " + params2("id", "t1", "from", "home").toString() + (list.at(1).asBool() ? " bool ok" : ""));

    // Reading props back.
    const probe = text("probe").fontSize(20).color("#ffffff");
    this.lines!.append(probe);
    this.line("props fontSize=" + formatNumber(probe.numberProp(Prop.FontSize)) + " text=" + probe.stringProp(Prop.Text) +
      " clip=" + (probe.boolProp(Prop.Clip, true) ? "default" : "set") + " hasColor=" + (probe.hasProp(Prop.Color) ? "yes" : "no") +
      " kind=" + (probe.kind == NodeKind.Text ? "text" : "other") + " byId=" + (nodeById(probe.id) === probe ? "same" : "other"));
    probe.remove();

    // Requests and timers: cancel one of each.
    const id = requestData(apiPaths.profiles(), ignored);
    this.line("cancel request " + id.toString() + ": " + (cancelData(id) ? "yes" : "no") + ", pending " + pendingDataCount().toString());
    clearTimer(setTimeout(never, 10));
    setTimeout(later, 100);
    this.line("nodes " + nodeCount().toString() + ", kind " + (<i32>ValueKind.Object).toString() + ", page " + (currentPage() === this ? "registered" : "?"));
  }

  onFocus(event: FocusEvent): void {
    this.line("focus " + event.focusKey + ": isFocused " + (isFocused("tour:button") ? "yes" : "no"));
  }

  onArrow(event: FocusEvent): void {
    if (event.direction == Direction.UP) this.line("arrow up");
  }

  onHistory(entries: HistoryEntry[], index: i32): void {
    this.line("history " + historyEntries().length.toString() + " at " + historyIndex().toString());
  }

  line(message: string): void {
    this.lines!.append(text(message).rect(0, <f64>(this.count * 40), 1760, 36).fontSize(24).color("#dddddd"));
    this.count++;
  }
}

const page = new ApiTourPage();
export * from "../exports";
registerPage(page);
