import {
  API_OPERATIONS,
  loadFromApi,
  parseApiRequest,
  type Schema,
  sendToApi,
  type Value,
} from '../../bridge/index.ts';

/** The `data` event a WASM page receives for one of its data requests (ABI.md section 6). */
export type DataEvent =
  | {
      readonly type: 'data';
      readonly requestId: number;
      readonly ok: true;
      readonly status: number;
      /** The checked JSON answer; null for a write answered with no content (204). */
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
 * What a page asked for, as it arrived (a `data.request` message fits): a v1 page's request has no
 * method (a GET) and no body.
 */
export interface PageDataRequest {
  readonly requestId: number;
  readonly method?: unknown;
  readonly path: unknown;
  readonly body?: unknown;
}

/**
 * Answers a WASM page's `data.request`: checks method, path and body against the operations
 * declared in bridge/api (parseApiRequest), sends the request the host builds from the parsed
 * operation (never the page's string), and checks the answer against that operation's contract,
 * so both worlds see the same data and the same error text: a GET as the React world's useFetch
 * reads it (loadFromApi), a write (PUT, POST, DELETE) with the body the operation's request schema
 * accepted (sendToApi; no content is an ok answer with a null body). A method, path or body that
 * is not exactly a declared operation fetches nothing: the page gets an error answer (status 0)
 * naming the path, the method and what is wrong. Never rejects, whatever the request holds.
 *
 * @example
 * const event = await answerDataRequest({ requestId: 3, path: '/api/profiles' }, { apiBase: '', fetch });
 * world.event(pageKey, event);
 * const put = { requestId: 4, method: 'PUT', path: '/api/settings/subtitles', body: { value: true } };
 * await answerDataRequest(put, options);
 * // { type: 'data', requestId: 4, ok: true, status: 200, body: { id: 'subtitles', label: 'Subtitles', value: true } }
 * await answerDataRequest({ ...put, requestId: 5, path: '/api/settings' }, options);
 * // { type: 'data', requestId: 5, ok: false, status: 0, error: 'request path "/api/settings" (PUT) refused: it is the GET endpoint …' }
 */
export async function answerDataRequest(
  request: PageDataRequest,
  options: DataRequestOptions,
): Promise<DataEvent> {
  const { requestId } = request;
  const parsed = parseApiRequest(request);
  if (!parsed.ok) return { type: 'data', requestId, ok: false, status: 0, error: parsed.reason };
  const schema: Schema<unknown> | null = API_OPERATIONS[parsed.request.operation].response;
  const url = `${options.apiBase}${parsed.path}`;
  const result =
    parsed.method === 'GET' && schema !== null
      ? await loadFromApi(url, schema, options.fetch)
      : await sendToApi(url, parsed.method, parsed.body, schema, options.fetch);
  if (!result.ok)
    return { type: 'data', requestId, ok: false, status: result.status, error: result.error.message };
  // Validated JSON (or null for no content) is exactly what the value encoding carries.
  return { type: 'data', requestId, ok: true, status: result.status, body: (result.data ?? null) as Value };
}
