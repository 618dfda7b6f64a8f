// Messages a page sends (ABI.md section 7, `emit` kind 2): navigation, logs and metrics. Each is
// checked here first, so a mistake names the call instead of the host refusing the message.
import { emit, EMIT_MESSAGE } from "./abi-imports";
import { Value } from "./value";
import { ValueWriter } from "./value-writer";

const writer = new ValueWriter();

/** Sends the value written into `writer` as one message. */
export function sendMessage(w: ValueWriter): void {
  emit(EMIT_MESSAGE, w.buffer.ptr, w.buffer.length);
  w.reset();
}

/** The shared writer for one outgoing message, emptied. */
export function messageWriter(): ValueWriter {
  return writer.reset();
}

function isRoute(route: string): bool {
  const n = route.length;
  if (n < 1 || n > 64) return false;
  for (let i = 0; i < n; i++) {
    const c = route.charCodeAt(i);
    const lower = c >= 97 && c <= 122;
    if (i == 0 ? !lower : !(lower || (c >= 48 && c <= 57) || c == 45)) return false;
  }
  return true;
}

function checkParams(call: string, params: Value): void {
  if (!params.isObject()) throw new Error(call + ": params must be an object of strings (Value.newObject() or params1)");
  if (params.length > 32) throw new Error(call + ": at most 32 params, got " + params.length.toString());
  for (let i = 0; i < params.length; i++) {
    const v = params.at(i);
    if (!v.isString()) throw new Error(call + ": param \"" + params.keyAt(i) + "\" must be a string (params travel in URLs), got " + v.toString());
    if (v.asString().length > 2048) throw new Error(call + ": param \"" + params.keyAt(i) + "\" is longer than 2048 characters");
  }
}

function sendRoute(type: string, route: string, params: Value): void {
  if (!isRoute(route)) throw new Error(type + ": \"" + route + "\" is not a route name like \"title-details\"");
  checkParams(type, params);
  const w = messageWriter();
  w.object(3).key("type").string(type).key("route").string(route).key("params").value(params);
  sendMessage(w);
}

/** Asks the router to open `route` with `params` (an object of strings) as a new history entry. */
export function navigate(route: string, params: Value = Value.newObject()): void {
  sendRoute("navigate", route, params);
}

/** Asks the router to replace the current history entry with `route`. */
export function replace(route: string, params: Value = Value.newObject()): void {
  sendRoute("replace", route, params);
}

/** Asks the router to go back one entry. */
export function back(): void {
  const w = messageWriter();
  w.object(1).key("type").string("back");
  sendMessage(w);
}

// Log levels (LogLevel), the length a log message is cut to and a metric name's lengths are
// generated from bridge/wasm-abi.ts, the limits the host checks. Imported here, next to their use,
// so that the lines above keep their numbers (abort messages carry them: the modules that only
// navigate stay byte for byte as they were).
import {
  isLogLevel, LogLevel, MAX_LOG_LENGTH, METRIC_NAME_MAX_LENGTH, METRIC_NAME_MIN_LENGTH, metricNameRule,
  notALogLevel,
} from "./generated/abi";
export { LogLevel };

/**
 * A log line for the host's console and telemetry (`level`: "debug", "info", "warn" or "error"):
 * the host prints it at that level as `[wasm:<page>] message` and records warn/error lines as
 * `page.warn`/`page.error` telemetry. Messages longer than MAX_LOG_LENGTH (8192) characters are cut. For a
 * quick line on stdout, `console.log` works too.
 *
 * @example
 * log(LogLevel.WARN, "no rails for profile " + profile);
 */
export function log(level: string, message: string): void {
  if (!isLogLevel(level)) throw new Error("log: level \"" + level + notALogLevel());
  const text = message.length > MAX_LOG_LENGTH ? message.substring(0, MAX_LOG_LENGTH) : message;
  const w = messageWriter();
  w.object(3).key("type").string("log").key("level").string(level).key("message").string(text);
  sendMessage(w);
}

/** A measurement for the host's telemetry. `name` is 1-128 characters (METRIC_NAME_*); `value` must be finite. */
export function metric(name: string, value: f64): void {
  if (name.length < METRIC_NAME_MIN_LENGTH || name.length > METRIC_NAME_MAX_LENGTH)
    throw new Error("metric: " + metricNameRule() + ", got \"" + name + "\"");
  if (!isFinite(value)) throw new Error("metric " + name + ": value must be a finite number, got " + value.toString());
  const w = messageWriter();
  w.object(3).key("type").string("metric").key("name").string(name).key("value").number(value);
  sendMessage(w);
}
