// What the six ABI exports do (ABI.md section 2), kept out of exports.ts so a page's
// `export * from "../sdk/exports"` exports exactly those six functions.
import { deliverData, resetData } from "./data";
import { FocusEvent, FocusHandler, trackFocus } from "./focus";
import { historyEntries, historyIndex, readHistory } from "./history";
import { takeInput } from "./input";
import { currentPage } from "./page";
import { beginScene, flushScene, nodeById } from "./scene";
import { endTimerFrame, nextTimerDelay, resetTimers, runTimers } from "./timers";
import { Value } from "./value";

let mounted = false;
/** Set by requestFrame(): the page wants another frame even with no timer due (an animation, a countdown of frames). */
let frameRequested = false;

/**
 * Asks for one more frame soon (the next display frame), like requestAnimationFrame: the host
 * runs a page's frames only while it has timers or asked for one, so a page that counts frames
 * or animates calls this from `onFrame` for as long as it needs frames.
 */
export function requestFrame(): void {
  frameRequested = true;
}

function call(handler: FocusHandler | null, event: FocusEvent): void {
  if (handler) handler(event);
}

/** Reads a node id: a whole number in u32 range (0 if the field is missing or not one). */
function idOf(v: Value): u32 {
  const n = v.asNumber(0);
  return n >= 0 && n <= 4294967295.0 ? <u32>n : 0;
}

export function runMount(ptr: usize, len: i32): void {
  const input = takeInput(ptr, len);
  const page = currentPage();
  if (mounted) throw new Error("ficus_mount: the page is already mounted");
  const firstId = idOf(input.get("firstId"));
  if (firstId == 0) throw new Error("ficus_mount: the mount input has no firstId (see wasm-pages/ABI.md section 6)");
  beginScene(idOf(input.get("rootId")), firstId);
  mounted = true;
  page.route = input.get("route").asString();
  const params = input.get("params");
  page.params = params.isObject() ? params : Value.newObject();
  page.mount(page.params);
  // The first scene goes out now, so it does not wait for the first frame.
  flushScene();
}

export function runEvent(ptr: usize, len: i32): void {
  const event = takeInput(ptr, len);
  if (!mounted) return;
  const page = currentPage();
  const type = event.get("type").asString();
  if (type == "focus" || type == "blur" || type == "select" || type == "arrow") {
    const nodeId = idOf(event.get("nodeId"));
    const node = nodeById(nodeId);
    const e = new FocusEvent(type, nodeId, event.get("focusKey").asString(), event.get("direction").asString(), node);
    if (type == "focus") {
      trackFocus(e);
      if (node !== null) call(node.focusHandler, e);
      page.onFocus(e);
    } else if (type == "blur") {
      trackFocus(e);
      if (node !== null) call(node.blurHandler, e);
      page.onBlur(e);
    } else if (type == "select") {
      if (node !== null) call(node.selectHandler, e);
      page.onSelect(e);
    } else {
      if (node !== null) call(node.arrowHandler, e);
      page.onArrow(e);
    }
  } else if (type == "data") {
    deliverData(event);
  } else if (type == "history") {
    readHistory(event);
    page.onHistory(historyEntries(), historyIndex());
  }
  // Unknown event types are ignored (a newer host may send more). Scene changes made here are
  // sent with the frame the host runs right after the event.
}

/**
 * One frame: due timers, `onFrame`, then the scene. Returns when the page needs its next frame
 * (ABI.md section 2): 0 for the next display frame, a delay in ms for its earliest timer, or -1
 * when nothing is pending, so an idle page costs the device nothing until its next event.
 */
export function runFrame(nowMs: f64): f64 {
  if (!mounted) return -1;
  frameRequested = false;
  runTimers(nowMs);
  currentPage().onFrame(nowMs);
  endTimerFrame();
  flushScene();
  return frameRequested ? 0 : nextTimerDelay(nowMs);
}

export function runUnmount(): void {
  if (!mounted) return;
  currentPage().unmount();
  mounted = false;
  frameRequested = false;
  resetTimers();
  resetData();
}
