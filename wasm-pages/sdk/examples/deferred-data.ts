// Example "deferred-data": a placeholder first, then the data. The page asks the host for
// /api/profiles at mount; when the answer arrives (a `data` event) the callback swaps the
// placeholder for one card per profile, or for an error with a Retry button.
import {
  apiPaths, DataResult, FocusEvent, navigate, Node, Page, params1, registerPage, requestData, root, text, Value, view,
} from "../index";

// Callbacks cannot capture: they reach the page through this module-level constant.
function onProfiles(result: DataResult): void {
  page.showProfiles(result);
}

function retry(event: FocusEvent): void {
  page.load();
}

function openProfile(event: FocusEvent): void {
  // The focus key is "profile:<id>".
  navigate("collections", params1("profile", event.focusKey.substring(8)));
}

class DeferredDataPage extends Page {
  stage: Node | null = null;
  /** The placeholder, the error panel or the list of cards: whatever shows now. */
  content: Node | null = null;

  mount(params: Value): void {
    this.stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    this.stage!.append(text("Who's watching?").rect(80, 40, 1200, 60).fontSize(48).color("#ffffff"));
    root().append(this.stage!);
    this.load();
  }

  load(): void {
    this.replaceContent(placeholder());
    requestData(apiPaths.profiles(), onProfiles);
  }

  showProfiles(result: DataResult): void {
    if (!result.ok) {
      this.replaceContent(errorPanel("Could not load profiles: " + result.error));
      return;
    }
    const profiles = result.body.get("profiles");
    const list = view().rect(80, 160, 1760, 320).focusGroup();
    for (let i = 0; i < profiles.length; i++) {
      const profile = profiles.at(i);
      const card = view()
        .rect(<f64>(i * 300), 0, 260, 300)
        .backgroundColor(profile.get("avatarColor").asString("#444444"))
        .borderRadius(20)
        .focusKey("profile:" + profile.get("id").asString());
      card.append(text(profile.get("name").asString()).rect(0, 240, 260, 40).fontSize(28).textAlign("center").color("#ffffff"));
      card.onSelect(openProfile);
      list.append(card);
    }
    this.replaceContent(list);
  }

  replaceContent(next: Node): void {
    if (this.content !== null) this.content!.remove();
    this.content = next;
    this.stage!.append(next);
  }
}

function placeholder(): Node {
  const panel = view().rect(80, 160, 1760, 320).backgroundColor("#1b2233").borderRadius(20);
  panel.append(text("Loading profiles…").rect(40, 140, 1680, 40).fontSize(32).color("#888888"));
  return panel;
}

function errorPanel(message: string): Node {
  const panel = view().rect(80, 160, 1760, 320).backgroundColor("#3a1b1b").borderRadius(20).preferredChild("error-retry");
  panel.append(text(message).rect(40, 60, 1680, 80).fontSize(30).maxLines(2).color("#ffaaaa"));
  const button = view().rect(40, 200, 240, 80).backgroundColor("#2b3a55").focusKey("error-retry");
  button.append(text("Retry").rect(0, 22, 240, 36).fontSize(28).textAlign("center").color("#ffffff"));
  button.onSelect(retry);
  panel.append(button);
  return panel;
}

const page = new DeferredDataPage();
export * from "../exports";
registerPage(page);
