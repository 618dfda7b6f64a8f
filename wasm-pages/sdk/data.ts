// Data from the backend, without an async runtime (ABI.md sections 6 and 7): `requestData` (a GET)
// and `sendData` (a write: PUT, POST or DELETE with a body, ABI version 2) send a `data.request`
// with a fresh request id; the host checks it against the API contract, sends it and answers with
// a `data` event, which the SDK hands to the callback registered for that id.
import { apiPathPrefix, API_PATH_MAX_LENGTH, isWriteMethod, Method, notAnApiPath, notAWriteMethod } from "./generated/abi";
import { messageWriter, sendMessage } from "./messages";
import { Value } from "./value";

/** The answer to one `requestData`. */
export class DataResult {
  constructor(
    public requestId: i32,
    /** The path that was requested. */
    public path: string,
    /** The method it was sent with ("GET" for requestData). */
    public method: string,
    /** true: `body` holds the answer; false: `error` says why there is none. */
    public ok: bool,
    /** The HTTP status (0 for a network error). */
    public status: i32,
    /** The JSON answer as a Value (the null value when `ok` is false, or for a write answered with no content). */
    public body: Value,
    /** Why the request failed ("" when `ok`). */
    public error: string,
  ) {}
}

/** Receives a DataResult. A plain function: it cannot capture locals (see README). */
export type DataCallback = (result: DataResult) => void;

class Pending {
  constructor(public id: i32, public method: string, public path: string, public callback: DataCallback) {}
}

// The methods of `sendData` (and GET, which `requestData` sends): API_METHODS of bridge/api,
// generated into generated/abi.ts like the path rule below.
export { Method };

function checkPath(call: string, path: string): void {
  if (!path.startsWith(apiPathPrefix()) || path.length > API_PATH_MAX_LENGTH)
    throw new Error(call + ": \"" + path + notAnApiPath());
}

let nextRequestId: i32 = 1;
const pending = new Map<i32, Pending>();

/**
 * GETs `path` (one of ABI.md §7's declared API paths, e.g. "/api/profiles") through the host.
 * Returns the request id; `callback` runs once with the result, from the `data` event that answers
 * it (an error answer, status 0, for a path the host does not accept).
 */
export function requestData(path: string, callback: DataCallback): i32 {
  checkPath("requestData", path);
  const id = nextRequestId++;
  pending.set(id, new Pending(id, Method.GET, path, callback));
  const w = messageWriter();
  w.object(3).key("type").string("data.request").key("requestId").number(<f64>id).key("path").string(path);
  sendMessage(w);
  return id;
}

/**
 * Sends a write through the host (ABI version 2): `method` (Method.PUT, POST or DELETE) to
 * `path`, one of the declared write endpoints of ABI.md §7 (e.g. PUT "/api/settings/<id>"), with
 * `body` as its JSON body (null for none). The host checks method, path and body against the API
 * contract and answers with a `data` event: `callback` runs once with ok and the answer's body
 * (the null value when it has no content), or with the HTTP status and the error text; a request
 * the host refuses (a GET-only endpoint, a body the endpoint does not take) gets status 0 and an
 * error naming the path, the method and the field. Returns the request id.
 *
 * @example
 * sendData(Method.PUT, "/api/settings/subtitles", Value.newObject().set("value", Value.ofBool(true)), onSaved);
 */
export function sendData(method: string, path: string, body: Value | null, callback: DataCallback): i32 {
  if (!isWriteMethod(method))
    throw new Error("sendData: method \"" + method + notAWriteMethod() + " (read with requestData)");
  checkPath("sendData " + method, path);
  const id = nextRequestId++;
  pending.set(id, new Pending(id, method, path, callback));
  const w = messageWriter();
  w.object(body === null ? 4 : 5)
    .key("type").string("data.request")
    .key("requestId").number(<f64>id)
    .key("method").string(method)
    .key("path").string(path);
  if (body !== null) w.key("body").value(body);
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
    request.method,
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
