// Data from the backend, without an async runtime (ABI.md sections 6 and 7): `requestData` sends a
// `data.request` with a fresh request id; the host GETs the path and answers with a `data` event,
// which the SDK hands to the callback registered for that id.
import { messageWriter, sendMessage } from "./messages";
import { Value } from "./value";

/** The answer to one `requestData`. */
export class DataResult {
  constructor(
    public requestId: i32,
    /** The path that was requested. */
    public path: string,
    /** true: `body` holds the answer; false: `error` says why there is none. */
    public ok: bool,
    /** The HTTP status (0 for a network error). */
    public status: i32,
    /** The JSON answer as a Value (the null value when `ok` is false). */
    public body: Value,
    /** Why the request failed ("" when `ok`). */
    public error: string,
  ) {}
}

/** Receives a DataResult. A plain function: it cannot capture locals (see README). */
export type DataCallback = (result: DataResult) => void;

class Pending {
  constructor(public id: i32, public path: string, public callback: DataCallback) {}
}

let nextRequestId: i32 = 1;
const pending = new Map<i32, Pending>();

/**
 * GETs `path` (one of ABI.md §7's declared API paths, e.g. "/api/profiles") through the host.
 * Returns the request id; `callback` runs once with the result, from the `data` event that answers
 * it (an error answer, status 0, for a path the host does not accept).
 */
export function requestData(path: string, callback: DataCallback): i32 {
  if (!path.startsWith("/api/") || path.length > 2048)
    throw new Error("requestData: \"" + path + "\" is not an API path starting with /api/ (at most 2048 characters)");
  const id = nextRequestId++;
  pending.set(id, new Pending(id, path, callback));
  const w = messageWriter();
  w.object(3).key("type").string("data.request").key("requestId").number(<f64>id).key("path").string(path);
  sendMessage(w);
  return id;
}

/** Forgets a request: its answer, when it comes, is ignored. Returns whether it was still pending. */
export function cancelData(requestId: i32): bool {
  if (!pending.has(requestId)) return false;
  pending.delete(requestId);
  return true;
}

/** How many requests still wait for their answer. */
export function pendingDataCount(): i32 {
  return pending.size;
}

/** Called by the SDK with each `data` event. Answers to unknown or cancelled ids are ignored. */
export function deliverData(event: Value): void {
  const id = event.get("requestId").asInt(-1);
  if (!pending.has(id)) return;
  const request = pending.get(id);
  pending.delete(id);
  const ok = event.get("ok").asBool();
  const result = new DataResult(
    id,
    request.path,
    ok,
    event.get("status").asInt(0),
    ok ? event.get("body") : Value.NULL,
    ok ? "" : event.get("error").asString("request failed"),
  );
  request.callback(result);
}

/** Forgets every pending request (at unmount). */
export function resetData(): void {
  pending.clear();
}
