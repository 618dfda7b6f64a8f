import { getResponse } from 'msw';
import { createMockBackend } from '../mock-backend/mock-backend.ts';

/** One request the React page sent while it was snapshotted. */
export interface SentRequest {
  readonly method: string;
  /** The path under the API's origin, with its query (`/api/titles/t0001`). */
  readonly path: string;
}

/**
 * A fetch answered by a fresh mock backend (host/mock-backend) in this process, without patching
 * the global fetch (msw's `getResponse` runs the handlers directly), that records every request
 * and can hold the answers back: the scaffold reads the page's first scene while its data is
 * still on the way, then lets the answers through.
 *
 * @example
 * const backend = heldBackend('http://ficus.test');
 * world = new LegacyWorld({ ..., fetch: backend.fetch });
 * // ... the loading scene ...
 * backend.release();
 * backend.sent(); // [{ method: 'GET', path: '/api/profiles' }]
 */
export function heldBackend(apiBase: string) {
  const { handlers } = createMockBackend();
  const sent: SentRequest[] = [];
  let inFlight = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input instanceof URL ? input.href : input, init);
    const path = request.url.startsWith(apiBase) ? request.url.slice(apiBase.length) : request.url;
    sent.push({ method: request.method, path });
    inFlight++;
    try {
      await gate;
      const response = await getResponse([...handlers], request);
      return (
        response ??
        new Response(`the mock backend has no handler for ${request.method} ${path}`, { status: 404 })
      );
    } finally {
      inFlight--;
    }
  };
  return {
    fetch,
    /** Lets every held answer (and every later one) through. */
    release: () => release(),
    /** Requests sent so far, in order (a copy). */
    sent: (): SentRequest[] => [...sent],
    /** Requests not answered yet. */
    inFlight: () => inFlight,
  };
}
