// The page base class and its registration. A page file defines one subclass, overrides what it
// needs, and calls `registerPage(new MyPage())` at top level (it runs in `_initialize`).
import { FocusEvent } from "./focus";
import { HistoryEntry } from "./history";
import { Value } from "./value";

export class Page {
  /** The route this page was mounted for (set before `mount`). */
  route: string = "";
  /** The route params (an object of strings; set before `mount`). */
  params: Value = Value.NULL;

  /** Build the first scene here; it is sent as soon as mount returns (no need to wait for a frame). */
  mount(params: Value): void {}
  /** Last call: the instance is dropped afterwards. Messages still go out; scene changes do not. */
  unmount(): void {}
  /** Focus moved onto one of the page's nodes (after the node's own handler). */
  onFocus(event: FocusEvent): void {}
  /** Focus left one of the page's nodes. */
  onBlur(event: FocusEvent): void {}
  /** OK / Enter on the focused node. */
  onSelect(event: FocusEvent): void {}
  /** An arrow that moved no focus (nothing that way, or a boundary holds focus in). */
  onArrow(event: FocusEvent): void {}
  /** The router's history changed (read-only copy; also in historyEntries()/historyIndex()). */
  onHistory(entries: HistoryEntry[], index: i32): void {}
  /** Once per frame, after the timers that were due and before the scene is sent. */
  onFrame(nowMs: f64): void {}
}

let registered: Page | null = null;

/** Makes `page` the page this module serves. Call it once, at the top level of the page file. */
export function registerPage(page: Page): void {
  if (registered !== null) throw new Error("registerPage: a page is already registered; a module serves one page");
  registered = page;
}

/** The registered page; aborts with a hint if there is none. */
export function currentPage(): Page {
  const page = registered;
  if (page === null) throw new Error("no page registered: call registerPage(new MyPage()) at the top level of the page file");
  return page;
}
