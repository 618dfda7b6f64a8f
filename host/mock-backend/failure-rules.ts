import { API_ENDPOINTS, API_METHODS, type ApiEndpoint, type ApiMethod } from '../../bridge/index.ts';

/**
 * How an endpoint misbehaves:
 * - `status`: answers with that HTTP status (400-599) and an error body;
 * - `delay`: answers normally, `ms` milliseconds late;
 * - `malformed`: answers 200 with a body that is not valid JSON;
 * - `network`: the request fails as if the connection dropped (fetch rejects).
 */
export type FailureMode =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'network' };

export interface FailureOptions {
  /** How many requests misbehave before the endpoint heals; until `reset()` when absent. */
  readonly times?: number;
  /**
   * Only requests with this method misbehave (and count): `{ method: 'PUT' }` fails saving a
   * setting while reading the settings still works. Every method when absent.
   */
  readonly method?: ApiMethod;
}

/** One parsed rule of a failure spec: the arguments of one `backend.fail(...)` call. */
export interface FailureRule {
  readonly endpoint: ApiEndpoint;
  readonly mode: FailureMode;
  readonly options: FailureOptions;
}

/** What `slow` means in a spec: long enough to see a spinner, short enough to wait for. */
export const SLOW_DELAY_MS = 3000;
// setTimeout fires at once beyond this, which would turn a long delay into none.
const MAX_DELAY_MS = 2_147_483_647;

const ENDPOINTS: ReadonlySet<string> = new Set(API_ENDPOINTS);
const ENDPOINT_LIST = API_ENDPOINTS.join(', ');

/**
 * True when `value` names an endpoint, e.g. to check user input before calling `fail`.
 *
 * @example
 * isApiEndpoint('home');     // true
 * isApiEndpoint('homepage'); // false
 */
export function isApiEndpoint(value: string): value is ApiEndpoint {
  return ENDPOINTS.has(value);
}

const METHODS: ReadonlySet<string> = new Set(API_METHODS);

/** Where a rule is kept: one per endpoint for every method, and one per endpoint and method. */
const slot = (endpoint: ApiEndpoint, method: ApiMethod | undefined): string => `${endpoint} ${method ?? '*'}`;

/**
 * The failures currently armed on one backend: at most one per endpoint and method, or for every
 * method (arming another for the same replaces it), each with the number of requests it still
 * affects. A request takes its method's rule first, else the endpoint's rule for every method.
 *
 * @example
 * const rules = new FailureRules();
 * rules.add('home', { kind: 'status', status: 500 }, { times: 1 });
 * rules.take('home', 'GET'); // { kind: 'status', status: 500 }
 * rules.take('home', 'GET'); // undefined: healed after one request
 * rules.add('settings', { kind: 'status', status: 500 }, { times: 1, method: 'PUT' });
 * rules.take('settings', 'GET'); // undefined: reading the settings still works
 * rules.take('settings', 'PUT'); // { kind: 'status', status: 500 }
 */
export class FailureRules {
  private readonly armed = new Map<string, { mode: FailureMode; remaining: number }>();

  /** Arms a failure; throws a RangeError naming the bad argument (JS callers and specs can be wrong). */
  add(endpoint: ApiEndpoint, mode: FailureMode, options: FailureOptions = {}): void {
    if (!isApiEndpoint(endpoint)) {
      throw new RangeError(`unknown endpoint ${JSON.stringify(endpoint)} (expected one of ${ENDPOINT_LIST})`);
    }
    const problem = modeProblem(mode);
    if (problem !== undefined) throw new RangeError(`bad failure mode for ${endpoint}: ${problem}`);
    const { times, method } = options;
    if (times !== undefined && !(Number.isInteger(times) && times >= 1)) {
      throw new RangeError(
        `bad failure options for ${endpoint}: times must be a whole number of at least 1, got ${times}`,
      );
    }
    if (method !== undefined && !METHODS.has(method)) {
      throw new RangeError(
        `bad failure options for ${endpoint}: method must be one of ${API_METHODS.join(', ')}, got ${JSON.stringify(method)}`,
      );
    }
    this.armed.set(slot(endpoint, method), { mode, remaining: times ?? Number.POSITIVE_INFINITY });
  }

  /** The failure to inject into one `method` request to `endpoint`, if any; counts that request. */
  take(endpoint: ApiEndpoint, method: string): FailureMode | undefined {
    const own = METHODS.has(method) ? slot(endpoint, method as ApiMethod) : null;
    const key = own !== null && this.armed.has(own) ? own : slot(endpoint, undefined);
    const rule = this.armed.get(key);
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.armed.delete(key);
    return rule.mode;
  }

  /** Heals every endpoint. */
  clear(): void {
    this.armed.clear();
  }
}

function modeProblem(mode: FailureMode): string | undefined {
  switch (mode.kind) {
    case 'status':
      return Number.isInteger(mode.status) && mode.status >= 400 && mode.status <= 599
        ? undefined
        : `status must be an HTTP error status from 400 to 599, got ${mode.status}`;
    case 'delay':
      return Number.isFinite(mode.ms) && mode.ms >= 0 && mode.ms <= MAX_DELAY_MS
        ? undefined
        : `ms must be a number of milliseconds from 0 to ${MAX_DELAY_MS}, got ${mode.ms}`;
    case 'malformed':
    case 'network':
      return undefined;
    default:
      return `unknown kind ${JSON.stringify((mode as { kind?: unknown }).kind)} (expected status, delay, malformed or network)`;
  }
}

/** Thrown by {@link parseFailureSpec}; `part` is the comma-separated piece that is wrong. */
export class FailureSpecError extends Error {
  readonly part: string;
  constructor(part: string, reason: string) {
    super(`bad failure spec part ${JSON.stringify(part)}: ${reason}`);
    this.name = 'FailureSpecError';
    this.part = part;
  }
}

const PART_SYNTAX = 'expected <endpoint>[.<METHOD>]:<mode>[*<times>]';
const MODE_SYNTAX = 'expected a status 400-599, slow, slow=<ms>, delay=<ms>, malformed or network';

/**
 * Parses a failure spec, e.g. from a `?fail=` query in the browser. Parts are separated by commas:
 * `<endpoint>[.<METHOD>]:<mode>[*<times>]` (`.PUT` fails only that method's requests), where
 * mode is an HTTP error status (`500`), `slow`
 * ({@link SLOW_DELAY_MS}), `slow=<ms>` or `delay=<ms>`, `malformed` or `network`. Empty parts are
 * ignored; any other mistake throws a {@link FailureSpecError} naming the part.
 *
 * @example
 * for (const rule of parseFailureSpec('home:500,search:slow,title:malformed*1,settings.PUT:500*1')) {
 *   backend.fail(rule.endpoint, rule.mode, rule.options);
 * }
 * parseFailureSpec('hme:500'); // throws: bad failure spec part "hme:500": unknown endpoint "hme" (...)
 */
export function parseFailureSpec(spec: string): FailureRule[] {
  const rules: FailureRule[] = [];
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    rules.push(parsePart(part));
  }
  return rules;
}

function parsePart(part: string): FailureRule {
  const match = /^([^:*.]*)(?:\.([^:*]*))?:([^*]*)(?:\*(.*))?$/.exec(part);
  if (match === null) throw new FailureSpecError(part, PART_SYNTAX);
  const [, endpointText = '', methodText, modeText = '', timesText] = match;
  const endpoint = endpointText.trim();
  if (!isApiEndpoint(endpoint)) {
    throw new FailureSpecError(
      part,
      `unknown endpoint ${JSON.stringify(endpoint)} (expected one of ${ENDPOINT_LIST})`,
    );
  }
  const method = methodText?.trim();
  if (method !== undefined && !METHODS.has(method)) {
    throw new FailureSpecError(
      part,
      `unknown method ${JSON.stringify(method)} (expected one of ${API_METHODS.join(', ')})`,
    );
  }
  const scoped = method === undefined ? {} : { method: method as ApiMethod };
  const mode = parseMode(part, modeText.trim());
  if (timesText === undefined) return { endpoint, mode, options: scoped };
  const times = timesText.trim();
  if (!/^[1-9][0-9]{0,8}$/.test(times)) {
    throw new FailureSpecError(
      part,
      `times must be a whole number of at least 1, got ${JSON.stringify(times)}`,
    );
  }
  return { endpoint, mode, options: { times: Number(times), ...scoped } };
}

function parseMode(part: string, text: string): FailureMode {
  if (text === 'malformed') return { kind: 'malformed' };
  if (text === 'network') return { kind: 'network' };
  if (text === 'slow') return { kind: 'delay', ms: SLOW_DELAY_MS };
  if (/^[0-9]{3}$/.test(text)) {
    const status = Number(text);
    if (status < 400 || status > 599) {
      throw new FailureSpecError(part, `status must be an HTTP error status from 400 to 599, got ${status}`);
    }
    return { kind: 'status', status };
  }
  const delay = /^(?:slow|delay)=(.*)$/.exec(text);
  if (delay !== null) {
    const ms = (delay[1] ?? '').trim();
    if (!/^[0-9]{1,9}$/.test(ms)) {
      throw new FailureSpecError(
        part,
        `delay must be a whole number of milliseconds, got ${JSON.stringify(ms)}`,
      );
    }
    return { kind: 'delay', ms: Number(ms) };
  }
  throw new FailureSpecError(part, `unknown mode ${JSON.stringify(text)} (${MODE_SYNTAX})`);
}
