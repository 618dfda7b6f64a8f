import { afterEach, beforeEach } from 'vitest';
import { describeIssue, type Schema } from '../../../../bridge/index.ts';
import { fileReleases } from '../../../../host/mock-backend/file-releases.ts';
import {
  createMockBackend,
  type MockBackend,
  type MockBackendOptions,
} from '../../../../host/mock-backend/mock-backend.ts';
import { startNodeBackend } from '../../../../host/mock-backend/node.ts';

/** The releases `npm run build:wasm` wrote (the test setup builds first). */
export const BUILT_RELEASES = fileReleases(
  new URL('../../../../dist/wasm', import.meta.url).pathname,
  '/wasm/',
);

/** A made-up origin: msw answers it, so tests prove the handlers work with any origin. */
export const ORIGIN = 'http://ficus.test';

/** The absolute URL of an API path from `apiPaths`. */
export const url = (path: string): string => new URL(path, ORIGIN).href;

/**
 * Gives each test of the calling file a fresh backend served by msw/node, stopped after the test.
 * Returns a getter because the backend only exists while a test runs.
 */
export function mockBackendPerTest(options: MockBackendOptions = {}): () => MockBackend {
  let current: { backend: MockBackend; stop: () => void } | undefined;
  beforeEach(() => {
    const backend = createMockBackend({ releases: BUILT_RELEASES, ...options });
    current = { backend, stop: startNodeBackend(backend) };
  });
  afterEach(() => {
    current?.stop();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the mock backend exists only while a test runs');
    return current.backend;
  };
}

/** Runs `body` while `backend` serves fetch, for tests that compare several backends. */
export async function withBackend<T>(backend: MockBackend, body: () => Promise<T>): Promise<T> {
  const stop = startNodeBackend(backend);
  try {
    return await body();
  } finally {
    stop();
  }
}

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Fetches an API path and parses the JSON body (undefined for an empty one, e.g. 204). */
export async function fetchJson(path: string, init?: RequestInit): Promise<JsonResponse> {
  const response = await fetch(url(path), init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** A JSON request with a body, for PUT and POST. */
export function sendJson(method: 'PUT' | 'POST', body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** Validates with a bridge schema and returns the typed value, failing with the schema's own message. */
export function expectValid<T>(schema: Schema<T>, value: unknown): T {
  const result = schema.check(value);
  if (!result.ok) throw new Error(`response does not match its schema ${describeIssue(result.issue)}`);
  return result.value;
}
