import { setupServer } from 'msw/node';
import type { MockBackend } from './mock-backend.ts';

/**
 * Serves `backend` to this Node process's fetch (tests, scripts) until the returned function is
 * called. A request no handler matches is an error (logged, and fetch rejects) rather than a
 * silent trip to the network. One backend at a time: msw patches the process-wide fetch.
 *
 * @example
 * const stop = startNodeBackend(createMockBackend());
 * const response = await fetch('http://ficus.test/api/profiles');
 * stop();
 */
export function startNodeBackend(backend: MockBackend): () => void {
  const server = setupServer(...backend.handlers);
  // Note: msw exempts "common assets" from this strategy: an unmatched URL ending in .json, .png,
  // .js, ... still goes to the real network. Keep test URLs under /api/ (always answered here).
  server.listen({ onUnhandledRequest: 'error' });
  return () => server.close();
}
