// generated from bridge/wasm-abi.ts, bridge/api (API_METHODS, API_PREFIX) by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.
// Numbers are `@inline` constants: asc puts the literal where one is used (a plain constant
// can stay a global, as in a `switch` case), so modules come out as they did with literals.

/** What `ficus_abi_version` returns: the newest ABI version (ABI_VERSION), the one the SDK speaks. */
@inline export const ABI_VERSION: i32 = 3;

@inline export const EMIT_SCENE_BATCH: i32 = 1;
@inline export const EMIT_MESSAGE: i32 = 2;

/** Log levels for `log`. */
export namespace LogLevel {
  export const DEBUG = "debug";
  export const INFO = "info";
  export const WARN = "warn";
  export const ERROR = "error";
}

/** Whether `level` is one of debug, info, warn, error. */
export function isLogLevel(level: string): bool {
  return level == LogLevel.DEBUG || level == LogLevel.INFO || level == LogLevel.WARN || level == LogLevel.ERROR;
}
/** After a quoted value: why it is no log level. */
export function notALogLevel(): string { return "\" is not one of debug, info, warn, error"; }

/** A log message is cut to this many characters. */
@inline export const MAX_LOG_LENGTH: i32 = 8192;
/** A metric's name has this many characters. */
@inline export const METRIC_NAME_MIN_LENGTH: i32 = 1;
@inline export const METRIC_NAME_MAX_LENGTH: i32 = 128;
/** What a crash message says of a metric name of another length. */
export function metricNameRule(): string { return "name must be 1-128 characters"; }

/** The HTTP methods of a data request: GET (requestData) and the writes (sendData). */
export namespace Method {
  export const GET = "GET";
  export const PUT = "PUT";
  export const POST = "POST";
  export const DELETE = "DELETE";
}

/** Whether `method` is a write: PUT, POST or DELETE. */
export function isWriteMethod(method: string): bool {
  return method == Method.PUT || method == Method.POST || method == Method.DELETE;
}
/** After a quoted value: why it is no write. */
export function notAWriteMethod(): string { return "\" is not PUT, POST or DELETE"; }

/** Every request path starts with this (API_PREFIX and a slash). */
export function apiPathPrefix(): string { return "/api/"; }
/** A request path has at most this many characters. */
@inline export const API_PATH_MAX_LENGTH: i32 = 2048;
/** After a quoted path: why the host would not take it. */
export function notAnApiPath(): string { return "\" is not an API path starting with /api/ (at most 2048 characters)"; }
