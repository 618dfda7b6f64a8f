import type { ComponentType } from 'react';
import { afterAll, afterEach, beforeAll, onTestFinished, vi } from 'vitest';
import type { Params, Schema } from '../../bridge/index.ts';
import { collectFocusables, type Focusable } from '../../host/focus/focusables.ts';
import {
  createMockBackend,
  type MockBackend,
  type MockBackendOptions,
} from '../../host/mock-backend/mock-backend.ts';
import { startNodeBackend } from '../../host/mock-backend/node.ts';
import { walkAttached } from '../../host/scene/geometry.ts';
import { createLegacyHarness, type LegacyHarness, TEST_API_BASE } from './legacy-harness.ts';

/**
 * Serves a real mock backend (msw) to this test file's fetch: started before the file's tests,
 * healed after each test (armed failures cleared), stopped after the file. Call at the top of a
 * file or a describe block. (Not named use…: Biome would take it for a React hook.)
 *
 * @example
 * const backend = setupMockBackend();
 * it('shows an error', () => { backend.fail('home', { kind: 'status', status: 500 }); ... });
 */
export function setupMockBackend(options: MockBackendOptions = {}): MockBackend {
  const backend = createMockBackend(options);
  let stop: (() => void) | undefined;
  beforeAll(() => {
    stop = startNodeBackend(backend);
  });
  afterEach(() => backend.reset());
  afterAll(() => stop?.());
  return backend;
}

/** GETs `path` (an `apiPaths` path) from the test backend and validates it: what a page should show. */
export async function fetchFromBackend<T>(path: string, schema: Schema<T>): Promise<T> {
  const response = await fetch(`${TEST_API_BASE}${path}`);
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  const checked = schema.check(await response.json());
  if (!checked.ok) throw new Error(`${path} answered an invalid body: ${checked.issue.message}`);
  return checked.value;
}

/**
 * Watches the requests pages make, without changing them: a pass-through spy on `fetch` (the
 * backend still answers). Call before mounting (the world binds `fetch` when it mounts a page).
 *
 * @example
 * const fetches = watchFetches();
 * const h = mountPage(pages, 'profiles');
 * await h.waitFor(() => fetches.settled(apiPaths.profiles()) === 1);
 */
export function watchFetches() {
  const spy = vi.spyOn(globalThis, 'fetch');
  onTestFinished(() => spy.mockRestore());
  const urlOf = (input: unknown): string =>
    typeof input === 'string'
      ? input
      : input instanceof URL
        ? input.href
        : input instanceof Request
          ? input.url
          : '';
  const matching = (path: string) =>
    spy.mock.calls.flatMap(([input], index) => (urlOf(input) === `${TEST_API_BASE}${path}` ? [index] : []));
  return {
    /** Requests started for `path` (an `apiPaths` path). */
    started: (path: string): number => matching(path).length,
    /** Requests for `path` whose response (or failure) has arrived. */
    settled: (path: string): number =>
      matching(path).filter((index) => spy.mock.settledResults[index]?.type !== 'incomplete').length,
  };
}

/** A legacy harness with one page mounted; the page is unmounted when the test finishes. */
export function mountPage(
  pages: Readonly<Record<string, ComponentType>>,
  route: string,
  params: Params = {},
) {
  const harness = createLegacyHarness(pages);
  const key = harness.mount(route, params);
  onTestFinished(() => harness.world.unmount(key));
  return harness;
}

/** The world's focusable nodes in tree order, with absolute rects and ancestors. */
export function focusables(harness: LegacyHarness): readonly Focusable[] {
  return collectFocusables(harness.store, 'legacy');
}

export function focusKeys(harness: LegacyHarness): string[] {
  return focusables(harness).map((f) => f.key);
}

/** The focusable with `focusKey`; throws if the scene has none. */
export function focusableByKey(harness: LegacyHarness, focusKey: string): Focusable {
  const found = focusables(harness).find((f) => f.key === focusKey);
  if (found === undefined) throw new Error(`no focusable "${focusKey}" in the scene:\n${harness.snapshot()}`);
  return found;
}

/** Every text node’s text in paint order, with its absolute position. */
export function texts(
  harness: LegacyHarness,
): { readonly text: string; readonly x: number; readonly y: number }[] {
  const found: { text: string; x: number; y: number }[] = [];
  walkAttached(harness.store, 'legacy', (node, rect) => {
    if (node.kind === 'text' && node.props.text !== undefined)
      found.push({ text: node.props.text, x: rect.x, y: rect.y });
  });
  return found;
}

export function hasText(harness: LegacyHarness, text: string): boolean {
  return texts(harness).some((t) => t.text === text);
}
