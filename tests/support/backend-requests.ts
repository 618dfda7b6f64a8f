import { TEST_API_BASE } from './legacy-harness.ts';

/** One request a world sent the backend, as parity compares it. */
export interface BackendRequest {
  readonly method: string;
  /** The path under the API's origin, with its query (`/api/settings/subtitles`). */
  readonly path: string;
  /** The JSON body, parsed; absent when the request has none. */
  readonly body?: unknown;
}

const urlOf = (input: unknown): string =>
  typeof input === 'string'
    ? input
    : input instanceof URL
      ? input.href
      : input instanceof Request
        ? input.url
        : String(input);

/**
 * What parity compares of a body. A telemetry event's `at` is when it happened by the clock of
 * the world that sent it (each reads its own), so it is compared as "a time", not as a number.
 */
function comparable(path: string, body: unknown): unknown {
  if (path !== '/api/telemetry' || typeof body !== 'object' || body === null) return body;
  const { events } = body as { events?: unknown };
  if (!Array.isArray(events)) return body;
  return {
    ...body,
    events: events.map((event: unknown) =>
      typeof event === 'object' && event !== null && typeof (event as { at?: unknown }).at === 'number'
        ? { ...event, at: '<a time>' }
        : event,
    ),
  };
}

function bodyOf(init: RequestInit | undefined): unknown {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string') return `<a ${Object.prototype.toString.call(body)} body>`;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * A fetch for one world that records every request it sends (method, path, JSON body) and passes
 * it on to the global fetch at call time (msw in tests, and any spy a test put on it), so the
 * backend still answers. Give one to each world of a parity run to compare what each sent.
 *
 * @example
 * const react = recordBackendRequests();
 * const harness = createLegacyHarness(pages, { fetch: react.fetch });
 * // ... after the page saved a setting:
 * react.requests(); // [{ method: 'GET', path: '/api/settings' }, { method: 'PUT', path: '/api/settings/subtitles', body: { value: true } }]
 */
export function recordBackendRequests() {
  const sent: BackendRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = urlOf(input);
    const path = url.startsWith(TEST_API_BASE) ? url.slice(TEST_API_BASE.length) : url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const body = bodyOf(init);
    sent.push(body === undefined ? { method, path } : { method, path, body: comparable(path, body) });
    return globalThis.fetch(input, init);
  };
  return {
    fetch: recording,
    /** Every request sent so far, in the order sent (a copy). */
    requests: (): BackendRequest[] => [...sent],
  };
}
