import { describeIssue, describeValue, type Schema } from '../schema.ts';
import { API_METHODS, API_OPERATIONS, type ApiMethod } from './endpoints.ts';
import { type ApiRequest, parseRequestPath, refusedPath } from './parse-request-path.ts';

/** What a WASM page asks the host to send, as it arrived (nothing checked yet). */
export interface ApiRequestInput {
  /** An {@link ApiMethod}; absent means GET (every request of an ABI v1 page). */
  readonly method?: unknown;
  readonly path: unknown;
  /** The JSON body of a write; absent when the request has none. */
  readonly body?: unknown;
}

export type ApiRequestParse =
  | {
      readonly ok: true;
      readonly method: ApiMethod;
      readonly request: ApiRequest;
      /** The path to fetch, rebuilt from `request` (see parseRequestPath). */
      readonly path: string;
      /**
       * The body to send, checked against the operation's request schema (which keeps only
       * declared fields), or undefined for an operation that takes none.
       */
      readonly body: unknown;
    }
  /** `reason` quotes the path, names the method (unless GET) and says what is wrong, down to the field. */
  | { readonly ok: false; readonly reason: string };

const METHODS: ReadonlySet<unknown> = new Set(API_METHODS);

/**
 * Checks a request a WASM page asks the host to make, whatever it is: the method is one of
 * {@link API_METHODS} (GET when absent), the path is a declared endpoint of that method
 * ({@link parseRequestPath}), and the body is exactly what that operation's request schema in
 * {@link API_OPERATIONS} takes: none for an operation without one (every GET), and for a write
 * one that passes its schema. Whatever is refused fetches nothing; the reason names the path, the
 * method and the field that is wrong. Never throws.
 *
 * @example
 * parseApiRequest({ method: 'PUT', path: '/api/settings/subtitles', body: { value: true } });
 * // { ok: true, method: 'PUT', request: { operation: 'updateSetting', ... }, path: '/api/settings/subtitles', body: { value: true } }
 * parseApiRequest({ method: 'PUT', path: '/api/settings/subtitles', body: { value: 'yes' } });
 * // { ok: false, reason: 'request path "/api/settings/subtitles" (PUT) refused: its body is not what updateSetting takes: at .value: expected a boolean, got "yes"' }
 * parseApiRequest({ method: 'PUT', path: '/api/settings' });
 * // { ok: false, reason: 'request path "/api/settings" (PUT) refused: it is the GET endpoint /api/settings (listSettings), not a PUT one; ...' }
 */
export function parseApiRequest(input: ApiRequestInput): ApiRequestParse {
  const { method = 'GET', path, body } = input;
  if (!METHODS.has(method)) {
    const named = typeof path === 'string' ? path : null;
    return {
      ok: false,
      reason: `${refusedPath(named, 'GET')}its method ${describeValue(method)} is not one of ${API_METHODS.join(', ')}`,
    };
  }
  const verb = method as ApiMethod;
  const parsed = parseRequestPath(path, verb);
  if (!parsed.ok) return parsed;
  const name = parsed.request.operation;
  const schema: Schema<unknown> | null = API_OPERATIONS[name].request;
  // The page's own spelling, as every refusal quotes it (the path parsed, so it is a string).
  const asSent = typeof path === 'string' ? path : parsed.path;
  const refused = (why: string) => ({ ok: false, reason: `${refusedPath(asSent, verb)}${why}` }) as const;
  if (schema === null) {
    if (body === undefined)
      return { ok: true, method: verb, request: parsed.request, path: parsed.path, body };
    return refused(
      verb === 'GET'
        ? `a GET sends no body, but it has one (${describeValue(body)})`
        : `${name} takes no body, but it has one (${describeValue(body)})`,
    );
  }
  if (body === undefined) return refused(`${name} needs a body (${schema.expected}), but it has none`);
  const checked = schema.check(body);
  if (!checked.ok) return refused(`its body is not what ${name} takes: ${describeIssue(checked.issue)}`);
  return { ok: true, method: verb, request: parsed.request, path: parsed.path, body: checked.value };
}
