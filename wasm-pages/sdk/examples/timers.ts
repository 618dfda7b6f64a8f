// Example "timers": a counter ticking once a second with setInterval, a setTimeout that says
// "Ready" after half a second, and clearTimer stopping the count at 5. The frame tick is the
// clock: timers fire on the first frame at or after their due time.
import { clearTimer, Node, Page, registerPage, root, setInterval, setTimeout, text, Value, view } from "../index";

function tick(): void {
  page.tick();
}

function ready(): void {
  page.status!.text("Ready");
}

class TimersPage extends Page {
  counter: Node | null = null;
  status: Node | null = null;
  ticks: i32 = 0;
  interval: i32 = 0;

  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    this.counter = text("Ticks: 0").rect(80, 80, 800, 80).fontSize(64).color("#ffffff");
    this.status = text("Starting").rect(80, 200, 800, 40).fontSize(32).color("#aaaaaa");
    stage.append(this.counter!).append(this.status!);
    root().append(stage);
    // Timers made in mount count from the first frame.
    this.interval = setInterval(tick, 1000);
    setTimeout(ready, 500);
  }

  tick(): void {
    this.ticks++;
    this.counter!.text("Ticks: " + this.ticks.toString());
    if (this.ticks == 5) {
      clearTimer(this.interval);
      this.status!.text("Done");
    }
  }
}

const page = new TimersPage();
export * from "../exports";
registerPage(page);
