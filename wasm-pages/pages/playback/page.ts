// Route "playback" (params `{ id }`): a simulated player for title `id`, ported from
// legacy-react/pages/playback/playback-page.tsx (the ground truth). It plays at once, the progress
// bar ticks every second; left/right on the bar seek ∓10 s, OK on it plays/pauses. Below it:
// Play/Pause (`playback:toggle`) and Back (`playback:back` → back()). Initial focus: the bar.
//
// React's tree, and what it becomes here (one background view kept across states, as React keeps
// the PageBackground of fetchStatusPage and of the player):
//   no id:   <PageBackground preferredChild="playback:back"> text + Back   noTitle()
//   loading: <PageBackground><LoadingPanel/>                               load()
//   error:   <PageBackground preferredChild="error-retry"><ErrorPanel/>    showResult(), not ok
//   ready:   <PageBackground preferredChild="playback:scrubber"><Player/>  showResult(), ok
import {
  apiPaths, DataResult, FocusEvent, Node, Page, Prop, registerPage, requestData, root, text, TextAlign, Value, view,
} from "../../sdk";
import { errorPanel, loadingPanel } from "../shared/status-panels";
import { BUTTON_WIDTH } from "../shared/button";
import { STAGE, theme } from "../shared/theme";
import { PANEL, VIDEO_BACKGROUND } from "./layout";
import { BACK_FOCUS_KEY, backButton, PlaybackInfo, Player } from "./player";
import { SCRUBBER_FOCUS_KEY } from "./progress-bar";

// Handlers and callbacks are plain functions: they reach the page through `page`.
function onPlayback(result: DataResult): void {
  page.showResult(result);
}

function retry(event: FocusEvent): void {
  page.load();
}

class PlaybackPage extends Page {
  titleId: string = "";
  /** The full-stage PageBackground, kept across states. */
  stage: Node | null = null;
  /** The request in flight (0: none). */
  requestId: i32 = 0;
  player: Player | null = null;

  mount(params: Value): void {
    const stage = view().x(0).y(0).width(STAGE.width).height(STAGE.height).backgroundColor(VIDEO_BACKGROUND);
    root().append(stage);
    this.stage = stage;
    const id = params.get("id");
    if (!id.isString()) {
      this.noTitle();
      return;
    }
    this.titleId = id.asString();
    this.load();
  }

  /** No `id` param: say so and offer Back (no request, as useFetch(null) loads nothing). */
  noTitle(): void {
    const stage = this.stage!;
    stage.preferredChild(BACK_FOCUS_KEY);
    stage.append(
      text("No title was chosen to play")
        .x(0)
        .y(PANEL.y)
        .width(STAGE.width)
        .height(50)
        .fontSize(36)
        .textAlign(TextAlign.CENTER)
        .color(theme.textMuted),
    );
    stage.append(backButton((STAGE.width - BUTTON_WIDTH) / 2, PANEL.y + 100));
  }

  /** The loading state and a (new) request: useFetch on mount and on retry(). */
  load(): void {
    const stage = this.stage!;
    stage.clear(Prop.PreferredChild);
    stage.removeChildren();
    stage.append(loadingPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height));
    this.requestId = requestData(apiPaths.playback(this.titleId), onPlayback);
  }

  showResult(result: DataResult): void {
    if (result.requestId != this.requestId) return;
    this.requestId = 0;
    const stage = this.stage!;
    stage.removeChildren();
    if (!result.ok) {
      stage.preferredChild("error-retry");
      stage.append(errorPanel(PANEL.x, PANEL.y, PANEL.width, PANEL.height, result.error, retry));
      return;
    }
    const body = result.body;
    stage.preferredChild(SCRUBBER_FOCUS_KEY);
    this.player = new Player(
      stage,
      new PlaybackInfo(body.get("titleId").asString(), body.get("title").asString(), body.get("durationSeconds").asInt(0)),
    );
  }
}

const page = new PlaybackPage();
export * from "../../sdk/exports";
registerPage(page);
