import {
  type HostToWorldMessage,
  HostToWorldMessageSchema,
  type Infer,
  literal,
  number,
  object,
  type Schema,
  string,
  type Validation,
  type Value,
} from '../../bridge/index.ts';

// Any value: the body is checked when it is encoded for the page (encodeValue names the bad path).
const anyBody: Schema<Value> = {
  expected: 'a JSON-like value',
  check: (input, path = '') =>
    input === undefined
      ? { ok: false, issue: { path, message: 'missing body (expected a JSON-like value)' } }
      : { ok: true, value: input as Value },
};

const requestId = number({ integer: true, min: 0, max: 0xffff_ffff });

const DataSuccessSchema = object({
  type: literal('data'),
  requestId,
  ok: literal(true),
  status: number({ integer: true, min: 100, max: 599 }),
  /** The backend's JSON answer, already checked against the API contract by the host. */
  body: anyBody,
});
const DataFailureSchema = object({
  type: literal('data'),
  requestId,
  ok: literal(false),
  /** The HTTP status, or 0 for a network error. */
  status: number({ integer: true, min: 0, max: 599 }),
  error: string({ maxLength: 4096 }),
});

/** Host → WASM world: the answer to a page's `data.request` (ABI.md section 6, `data`). */
export type DataResult = Infer<typeof DataSuccessSchema> | Infer<typeof DataFailureSchema>;

export const DataResultSchema: Schema<DataResult> = {
  expected: 'a data result',
  check(input, path = ''): Validation<DataResult> {
    const ok = typeof input === 'object' && input !== null ? (input as { ok?: unknown }).ok : undefined;
    return ok === false ? DataFailureSchema.check(input, path) : DataSuccessSchema.check(input, path);
  },
};

/** What the host may deliver to a mounted WASM page: focus events, history syncs and data results. */
export type WasmWorldEvent = HostToWorldMessage | DataResult;

export const WasmWorldEventSchema: Schema<WasmWorldEvent> = {
  expected: 'a focus, blur, select, arrow, history.sync or data event',
  check(input, path = ''): Validation<WasmWorldEvent> {
    const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
    return type === 'data'
      ? DataResultSchema.check(input, path)
      : HostToWorldMessageSchema.check(input, path);
  },
};

/**
 * The event value a page receives (ABI.md section 6): the host's messages minus what only the
 * host needs (`world`, `seq`); a history sync becomes a `history` event.
 *
 * @example
 * toPageEvent({ type: 'select', world: 'wasm', nodeId: 7, focusKey: 'ok' }); // { type: 'select', nodeId: 7, focusKey: 'ok' }
 */
export function toPageEvent(event: WasmWorldEvent): Value {
  switch (event.type) {
    case 'focus':
    case 'blur':
    case 'select':
      return { type: event.type, nodeId: event.nodeId, focusKey: event.focusKey };
    case 'arrow':
      return { type: 'arrow', nodeId: event.nodeId, focusKey: event.focusKey, direction: event.direction };
    case 'history.sync':
      return {
        type: 'history',
        entries: event.entries.map((entry) => ({
          key: entry.key,
          route: entry.route,
          params: { ...entry.params },
          world: entry.world,
          focusKey: entry.focusKey,
        })),
        index: event.index,
      };
    case 'data':
      return event.ok
        ? { type: 'data', requestId: event.requestId, ok: true, status: event.status, body: event.body }
        : { type: 'data', requestId: event.requestId, ok: false, status: event.status, error: event.error };
  }
}
