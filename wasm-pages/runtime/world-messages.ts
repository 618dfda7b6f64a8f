import type {
  BackRequest,
  NavigateRequest,
  PageCrashed,
  ReplaceRequest,
  SceneBatchMessage,
} from '../../bridge/index.ts';
import type { LogLevel } from './stdout-lines.ts';

/**
 * WASM world → host: GET `path` from the backend for the page mounted under `key`, and answer
 * with a `data` event carrying the same `requestId` (see DataResult).
 */
export interface DataRequestMessage {
  readonly type: 'data.request';
  readonly page: string;
  readonly key: string;
  readonly requestId: number;
  readonly path: string;
}

/** WASM world → host: a log line of a page, sent with `emit` ('page') or written to stdout ('stdout'). */
export interface PageLogMessage {
  readonly type: 'log';
  readonly page: string;
  readonly key: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly source: 'page' | 'stdout';
}

/** WASM world → host: a measurement a page sent, for telemetry. */
export interface PageMetricMessage {
  readonly type: 'metric';
  readonly page: string;
  readonly key: string;
  readonly name: string;
  readonly value: number;
}

/**
 * Everything the WASM world sends the host. Scene batches, navigation requests and crashes are
 * the bridge's own messages (as the React world sends them); the rest name the page's mount key
 * because the host answers or attributes them per mounted page.
 */
export type WasmWorldMessage =
  | SceneBatchMessage
  | NavigateRequest
  | ReplaceRequest
  | BackRequest
  | PageCrashed
  | DataRequestMessage
  | PageLogMessage
  | PageMetricMessage;

/** How the world hands a message out; `transfer` lists buffers the receiver may take over (batch bytes). */
export type WasmWorldSend = (message: WasmWorldMessage, transfer?: readonly Transferable[]) => void;
