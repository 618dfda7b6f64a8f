import {
  API_OPERATIONS,
  loadFromApi,
  parseRequestPath,
  type Schema,
  type Value,
} from '../../bridge/index.ts';

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
  /** Backend origin prefixed to the path built from the parsed request ("" in the browser: same origin). */
  readonly apiBase: string;
  readonly fetch: typeof fetch;
}

/**
 * Answers a WASM page's `data.request`: parses the path against the endpoints declared in
 * bridge/api (parseRequestPath), GETs the URL the host builds from the parsed endpoint (never the
 * page's string) and checks the answer against that endpoint's contract, exactly as the React
 * world's useFetch does, so both worlds see the same data and the same error text. A path that is
 * not exactly a declared GET endpoint with valid parameters fetches nothing: the page gets an
 * error answer (status 0) saying why. Never rejects, whatever `path` is.
 *
 * @example
 * const event = await answerDataRequest(3, '/api/profiles', { apiBase: '', fetch });
 * world.event(pageKey, event);
 * await answerDataRequest(4, '/api/titles/..\\secret', { apiBase: '', fetch });
 * // { type: 'data', requestId: 4, ok: false, status: 0, error: 'request path "/api/titles/..\\\\secret" refused: it contains a backslash …' }
 */
export async function answerDataRequest(
  requestId: number,
  path: unknown,
  options: DataRequestOptions,
): Promise<DataEvent> {
  const parsed = parseRequestPath(path);
  if (!parsed.ok) return { type: 'data', requestId, ok: false, status: 0, error: parsed.reason };
  const schema: Schema<unknown> = API_OPERATIONS[parsed.request.operation].response;
  const result = await loadFromApi(`${options.apiBase}${parsed.path}`, schema, options.fetch);
  if (!result.ok)
    return { type: 'data', requestId, ok: false, status: result.status, error: result.error.message };
  // Validated JSON is exactly what the value encoding carries.
  return { type: 'data', requestId, ok: true, status: result.status, body: result.data as Value };
}
