// Example "pause-resume": a clock that counts seconds and that OK pauses and resumes, the way a
// player's progress does. Resuming makes a new setInterval inside the select event: a timer made
// outside a frame counts from the frame the host runs right after the event, not from the last
// frame (which, with frames on demand, ran before the pause), so the first tick after resuming
// comes a whole interval later.
import { clearTimer, FocusEvent, Node, Page, registerPage, root, setInterval, text, Value, view } from "../index";

function tick(): void {
  page.tick();
}

function toggle(event: FocusEvent): void {
  page.toggle();
}

class PauseResumePage extends Page {
  counter: Node | null = null;
  state: Node | null = null;
  seconds: i32 = 0;
  /** The running interval's id; 0 while paused. */
  interval: i32 = 0;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    this.counter = text("0 s").rect(80, 80, 800, 80).fontSize(64).color("#ffffff");
    const button = view().rect(80, 200, 400, 64).backgroundColor("#21262d").focusKey("clock:toggle").onSelect(toggle);
    this.state = text("Counting").rect(20, 16, 360, 32).fontSize(26).color("#ffffff");
    button.append(this.state!);
    stage.append(this.counter!).append(button);
    root().append(stage);
    this.interval = setInterval(tick, 1000);
  }

  tick(): void {
    this.seconds++;
    this.counter!.text(this.seconds.toString() + " s");
  }

  toggle(): void {
    if (this.interval != 0) {
      clearTimer(this.interval);
      this.interval = 0;
      this.state!.text("Paused");
    } else {
      // Made in an event: it counts from the next frame's time (the host runs one right away).
      this.interval = setInterval(tick, 1000);
      this.state!.text("Counting");
    }
  }
}

const page = new PauseResumePage();
export * from "../exports";
registerPage(page);
