// Port of legacy-react/pages/playback/player.tsx: the simulated player for a loaded title. It plays
// at once and ticks every second while playing; left/right on the bar seek ∓10 s, OK on it (or on
// Play/Pause) plays/pauses; Back asks the router to go back. React's tick interval is an effect
// keyed on the status (a new interval whenever the status changes to playing, none otherwise);
// syncClock() does the same here.
import {
  back, clearTimer, DataResult, Direction, FocusEvent, FontWeight, Method, Node, sendData, setInterval, text, TextAlign,
  Role, Value, view,
} from "../../sdk";
// apiPaths is generated from bridge/api/paths.ts (wasm-pages/build/generate-constants.ts).
import { apiPaths } from "../../sdk/generated/api-paths";
import { button, setButtonLabel } from "../shared/button";
import { MARGIN, STAGE, theme } from "../shared/theme";
import { CONTROLS } from "./layout";
import { PlayerState, PlayerStatus, SEEK_STEP_SECONDS, toggleLabel } from "./player-state";
import { ProgressBar } from "./progress-bar";

export const TOGGLE_FOCUS_KEY = "playback:toggle";
export const BACK_FOCUS_KEY = "playback:back";
/** TICK_MS: position advances a second per second while playing. */
const TICK_MS: f64 = 1000;
/** PLAYBACK_START_EVENT in start-telemetry.ts. */
const PLAYBACK_START_EVENT = "playback.start";

/** GET /api/playback/<id> (bridge/api/playback.ts, PlaybackInfoSchema), as the player uses it. */
export class PlaybackInfo {
  constructor(public titleId: string, public title: string, public durationSeconds: i32) {}
}

// Handlers and the timer are plain functions (no captures): they reach the one player through
// `active` (a module serves one page, and the page shows at most one player).
let active: Player | null = null;

function tick(): void {
  const player = active;
  if (player !== null) player.tick();
}

function seek(event: FocusEvent): void {
  const player = active;
  if (player === null) return;
  if (event.direction == Direction.LEFT) player.seek(-SEEK_STEP_SECONDS);
  else if (event.direction == Direction.RIGHT) player.seek(SEEK_STEP_SECONDS);
}

function toggle(event: FocusEvent): void {
  const player = active;
  if (player !== null) player.toggle();
}

function scrubberFocused(event: FocusEvent): void {
  const player = active;
  if (player !== null) player.bar.setFocused(true);
}

function scrubberBlurred(event: FocusEvent): void {
  const player = active;
  if (player !== null) player.bar.setFocused(false);
}

function goBack(event: FocusEvent): void {
  back();
}

/** The start event's answer: telemetry must never stop playback, a lost event is acceptable. */
function startReported(result: DataResult): void {}

/**
 * useStartTelemetry: POST one `playback.start` event { titleId, durationSeconds } to the telemetry
 * endpoint, `at` the epoch time (React's Date.now(): WASI's clock), best effort.
 */
function reportStart(info: PlaybackInfo): void {
  const data = Value.newObject().set("titleId", Value.ofString(info.titleId)).set("durationSeconds", Value.ofNumber(<f64>info.durationSeconds));
  const event = Value.newObject()
    .set("name", Value.ofString(PLAYBACK_START_EVENT))
    .set("at", Value.ofNumber(<f64>Date.now()))
    .set("data", data);
  sendData(Method.POST, apiPaths.telemetry(), Value.newObject().set("events", Value.newArray().push(event)), startReported);
}

/** A "Back" button (`<Button focusKey={BACK_FOCUS_KEY} label="Back" x y onSelect={back} />`). */
export function backButton(x: f64, y: f64): Node {
  return button(BACK_FOCUS_KEY, "Back", x, y, goBack);
}

/** `<Player info />`: its nodes go into `parent` (the page background), in React's order. */
export class Player {
  state: PlayerState;
  title: Node;
  /** "Paused" / "Ended" between the title and the bar; null while playing. */
  overlay: Node | null = null;
  bar: ProgressBar;
  toggleButton: Node;
  /** The tick interval's id; 0 while not playing. */
  interval: i32 = 0;
  /** The status the clock was last synced to (React's effect dependency). */
  clockStatus: PlayerStatus = PlayerStatus.Paused;

  constructor(parent: Node, info: PlaybackInfo) {
    const state = new PlayerState(info.durationSeconds);
    this.state = state;
    const title = text()
      .text(info.title)
      .role(Role.HEADING)
      .x(MARGIN)
      .y(80)
      .width(STAGE.width - 2 * MARGIN)
      .height(60)
      .fontSize(48)
      .fontWeight(FontWeight.BOLD)
      .maxLines(1)
      .color(theme.text);
    parent.append(title);
    this.title = title;
    this.bar = new ProgressBar(parent, 0, info.durationSeconds, seek, toggle, scrubberFocused, scrubberBlurred);
    const controls = view()
      .x(CONTROLS.x)
      .y(CONTROLS.y)
      .width(2 * CONTROLS.buttonWidth + CONTROLS.gap)
      .height(64)
      .focusGroup()
      .preferredChild(TOGGLE_FOCUS_KEY);
    const toggleButton = button(TOGGLE_FOCUS_KEY, toggleLabel(state.status), 0, 0, toggle);
    this.toggleButton = toggleButton;
    controls.append(toggleButton);
    controls.append(backButton(CONTROLS.buttonWidth + CONTROLS.gap, 0));
    parent.append(controls);
    active = this;
    this.render();
    // React's effect runs after the player's first render.
    reportStart(info);
  }

  tick(): void {
    this.state.tick();
    this.render();
  }

  seek(seconds: i32): void {
    this.state.seek(seconds);
    this.render();
  }

  toggle(): void {
    this.state.toggle();
    this.render();
  }

  /** React's render: every prop that depends on the state, set again (only changes are sent). */
  private render(): void {
    const status = this.state.status;
    const overlayText = status == PlayerStatus.Paused ? "Paused" : status == PlayerStatus.Ended ? "Ended" : "";
    const overlay = this.overlay;
    if (overlayText.length == 0) {
      if (overlay !== null) overlay.remove();
      this.overlay = null;
    } else if (overlay !== null) {
      overlay.text(overlayText);
    } else {
      const made = text()
        .text(overlayText)
        .x(0)
        .y(480)
        .width(STAGE.width)
        .height(60)
        .fontSize(48)
        .textAlign(TextAlign.CENTER)
        .color(theme.textMuted);
      this.title.parent!.insertBefore(made, this.bar.wrapper);
      this.overlay = made;
    }
    this.bar.update(this.state.position, this.state.duration);
    setButtonLabel(this.toggleButton, toggleLabel(status));
    this.syncClock();
  }

  /** useEffect(() => { if playing: setInterval(tick, 1000); cleanup: clearInterval }, [status]). */
  private syncClock(): void {
    const status = this.state.status;
    if (status == this.clockStatus) return;
    this.clockStatus = status;
    if (this.interval != 0) clearTimer(this.interval);
    this.interval = status == PlayerStatus.Playing ? setInterval(tick, TICK_MS) : 0;
  }
}
