import {
  type CheckedSceneOps,
  decodeSceneBatch,
  type SchemaIssue,
  type WasmWorldMessage,
  WasmWorldMessageSchema,
} from '../../bridge/index.ts';
import { clip, fieldOf } from './world-rejection.ts';

/** What `readWorldMessage` made of one input from the worker. */
export type WorldMessageReading =
  | { readonly ok: true; readonly message: WasmWorldMessage }
  /** Refused: `name` and `page` are what the input claimed (clipped), for the log line and telemetry. */
  | { readonly ok: false; readonly name: string; readonly page: string | null; readonly issue: SchemaIssue };

/**
 * Checks one input from the WASM world's worker against the bridge's contract: everything the
 * worker sends is `unknown` until this says otherwise.
 *
 * @example
 * readWorldMessage({ type: 'back' });             // { ok: true, message: { type: 'back' } }
 * readWorldMessage({ type: 'log', message: 3 });  // { ok: false, name: 'log', page: null, issue: { path: '.page', ... } }
 */
export function readWorldMessage(input: unknown): WorldMessageReading {
  const checked = WasmWorldMessageSchema.check(input);
  if (checked.ok) return { ok: true, message: checked.value };
  return {
    ok: false,
    name: clip(fieldOf(input, 'type')) ?? '(no type)',
    page: clip(fieldOf(input, 'page')),
    issue: checked.issue,
  };
}

/**
 * A scene batch's bytes decoded and validated once, here: the ops come out as `CheckedSceneOps`,
 * or the issue that names the byte where they went wrong.
 *
 * @example
 * const read = readSceneBatch(message.bytes);
 * if (read.ok) batches.push(read.ops);
 */
export function readSceneBatch(
  bytes: Uint8Array,
):
  | { readonly ok: true; readonly ops: CheckedSceneOps }
  | { readonly ok: false; readonly issue: SchemaIssue } {
  const decoded = decodeSceneBatch(bytes);
  if (decoded.ok) return { ok: true, ops: decoded.ops };
  const { code, offset, message } = decoded.error;
  return {
    ok: false,
    issue: { path: '.bytes', message: `does not decode (${code} at byte ${offset}): ${message}` },
  };
}
