// The Ficus AssemblyScript page SDK: import everything a page needs from here (see README.md).
// The ABI exports live apart in exports.ts: re-export them from the page file.
export { Page, registerPage, currentPage } from "./page";
export { Node, view, text, image } from "./node";
export { root, nodeById, nodeCount } from "./scene";
export { NodeKind, Prop, FontWeight, TextAlign, Fit, Role, AnimateEasing } from "./props";
export { Animate } from "./generated/motion";
export {
  FocusEvent, FocusHandler, Direction, Boundary, boundaryMask, focusedKey, isFocused,
} from "./focus";
export { navigate, replace, back, log, metric, LogLevel } from "./messages";
export { requestData, sendData, Method, cancelData, pendingDataCount, DataResult, DataCallback } from "./data";
export { setTimeout, setInterval, clearTimer, timerCount, frameTime, TimerCallback } from "./timers";
export { requestFrame } from "./lifecycle";
export { HistoryEntry, historyEntries, historyIndex } from "./history";
export { Value, ValueKind, params1, params2, formatNumber } from "./value";
export { apiPaths } from "./generated/api-paths";
