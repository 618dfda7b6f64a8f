import type { WasmWorldMessage } from '../../bridge/index.ts';

// The messages are the bridge's contract (bridge/messages/index.ts WasmWorldMessageSchema), which
// the host checks every message against where it enters; re-exported here for the world's code.
export type {
  DataRequestMessage,
  PageLogMessage,
  PageMetricMessage,
  WasmWorldMessage,
} from '../../bridge/index.ts';

/** How the world hands a message out; `transfer` lists buffers the receiver may take over (batch bytes). */
export type WasmWorldSend = (message: WasmWorldMessage, transfer?: readonly Transferable[]) => void;
