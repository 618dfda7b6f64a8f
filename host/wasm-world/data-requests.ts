import { API_OPERATIONS, loadFromApi, matchGetRoute, type Schema, type Value } from '../../bridge/index.ts';

/** The `data` event a WASM page receives for one of its data requests (ABI.md section 6). */
export type DataEvent =
  | {
      readonly type: 'data';
      readonly requestId: number;
      readonly ok: true;
      readonly status: number;
      readonly body: Value;
    }
  | {
      readonly type: 'data';
      readonly requestId: number;
      readonly ok: false;
      readonly status: number;
      readonly error: string;
    };

export interface DataRequestOptions {
  /** Backend origin prefixed to the page's `/api/...` path ("" in the browser). */
  readonly apiBase: string;
  readonly fetch: typeof fetch;
}

/**
 * Answers a WASM page's `data.request`: GETs the path from the backend and checks the answer
 * against the API contract of the route it names, exactly as the React world's useFetch does, so
 * both worlds see the same data and the same error text.
 *
 * @example
 * const event = await answerDataRequest(3, '/api/profiles', { apiBase: '', fetch });
 * world.event(pageKey, event);
 */
export async function answerDataRequest(
  requestId: number,
  path: string,
  options: DataRequestOptions,
): Promise<DataEvent> {
  const operation = matchGetRoute(API_OPERATIONS, path);
  if (operation === undefined || operation.response === null) {
    return { type: 'data', requestId, ok: false, status: 0, error: `${path} is not a readable API route` };
  }
  const schema: Schema<unknown> = operation.response;
  const result = await loadFromApi(`${options.apiBase}${path}`, schema, options.fetch);
  if (!result.ok)
    return { type: 'data', requestId, ok: false, status: result.status, error: result.error.message };
  // Validated JSON is exactly what the value encoding carries.
  return { type: 'data', requestId, ok: true, status: result.status, body: result.data as Value };
}
