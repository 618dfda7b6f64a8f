// Example "logging": `log(level, message)` and `metric(name, value)` go to the host's console and
// telemetry as messages; `console.log` still writes a line to stdout. It logs at every level: info
// when mounted, debug on select, error when an arrow leads nowhere, warn when unmounted.
import { FocusEvent, log, LogLevel, metric, Page, registerPage, root, text, Value, view } from "../index";

class LoggingPage extends Page {
  selects: i32 = 0;
  frames: i32 = 0;

  mount(params: Value): void {
    const button = view().rect(80, 80, 500, 90).backgroundColor("#2b3a55").focusKey("log:button");
    button.append(text("Select me").rect(20, 26, 460, 40).fontSize(30).color("#ffffff"));
    root().append(button);
    log(LogLevel.INFO, "logging example mounted on route " + this.route);
    metric("example.mounts", 1);
    console.log("logging example: stdout works too");
  }

  onSelect(event: FocusEvent): void {
    this.selects++;
    log(LogLevel.DEBUG, "selected " + event.focusKey + " (" + this.selects.toString() + " times)");
    metric("example.selects", <f64>this.selects);
  }

  onArrow(event: FocusEvent): void {
    log(LogLevel.ERROR, "arrow " + event.direction + " from " + event.focusKey + " leads nowhere");
  }

  onFrame(nowMs: f64): void {
    this.frames++;
  }

  unmount(): void {
    metric("example.frames", <f64>this.frames);
    log(LogLevel.WARN, "logging example unmounted");
  }
}

export * from "../exports";
registerPage(new LoggingPage());
