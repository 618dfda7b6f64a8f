/**
 * The WASM world's runtime: what runs inside the worker, and the types the host needs to talk to
 * it. Not exported here: `worker-entry.ts` (a worker's entry module, it starts on import) and
 * `start-worker-node.ts` (Node only: import it directly where worker_threads exist).
 */
export type { DataResult, WasmWorldEvent } from './page-events.ts';
export { DataResultSchema, toPageEvent, WasmWorldEventSchema } from './page-events.ts';
export type { PageIds } from './page-ids.ts';
export type {
  PageCallOutput,
  PageCallResult,
  PageInstantiateOptions,
  PageInstantiateResult,
  PagePhase,
} from './page-instance.ts';
export { PageInstance } from './page-instance.ts';
export type { PageLoadError, PageLoadErrorCode, PageModule, PageModuleResult } from './page-module.ts';
export { loadPageModule } from './page-module.ts';
export { initWasi } from './wasi-runtime.ts';
export type {
  EventResult,
  FrameResult,
  MountResult,
  PageLoadOutcome,
  UnmountResult,
  WasmWorldOptions,
} from './wasm-world.ts';
export { WasmWorld } from './wasm-world.ts';
export type { WasmWorldApi, WasmWorldHello, WasmWorldListener } from './worker-api.ts';
export { createWasmWorldApi } from './worker-api.ts';
export type {
  DataRequestMessage,
  PageLogMessage,
  PageMetricMessage,
  WasmWorldMessage,
  WasmWorldSend,
} from './world-messages.ts';
