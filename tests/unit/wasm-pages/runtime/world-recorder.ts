import { decodeSceneBatch, type SceneOp } from '../../../../bridge/index.ts';
import type { WasmWorldMessage } from '../../../../wasm-pages/runtime/world-messages.ts';

export type MessageOfType<T extends WasmWorldMessage['type']> = Extract<WasmWorldMessage, { type: T }>;

/** Decodes a batch the world sent, failing the test with the decoder's message if it cannot. */
export function decodeOps(bytes: Uint8Array): readonly SceneOp[] {
  const decoded = decodeSceneBatch(bytes);
  if (!decoded.ok) throw new Error(`the world sent a batch that does not decode: ${decoded.error.message}`);
  return decoded.ops;
}

/** Collects what a WASM world sends, with helpers to pick messages by type and decode batches. */
export class WorldRecorder {
  readonly messages: WasmWorldMessage[] = [];

  readonly listener = (message: WasmWorldMessage): void => {
    this.messages.push(message);
  };

  ofType<T extends WasmWorldMessage['type']>(type: T): MessageOfType<T>[] {
    return this.messages.filter((message): message is MessageOfType<T> => message.type === type);
  }

  /** The scene batches sent so far, decoded, as `{ page, frame, ops }`. */
  batches(): { page: string; frame: number; ops: readonly SceneOp[] }[] {
    return this.ofType('scene.batch').map(({ page, frame, bytes }) => ({
      page,
      frame,
      ops: decodeOps(bytes),
    }));
  }

  /** Everything but log lines, which tests rarely care about. */
  withoutLogs(): WasmWorldMessage[] {
    return this.messages.filter((message) => message.type !== 'log');
  }

  clear(): void {
    this.messages.length = 0;
  }
}
