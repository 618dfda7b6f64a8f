import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockBackend } from '../../host/mock-backend/mock-backend.ts';
import { walkAttached } from '../../host/scene/geometry.ts';
import { TEST_API_BASE } from '../support/legacy-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// A WASM page probing the origin through its data requests, in the whole app (real worker
// thread, the host's WASM world client, msw backend): every path that is not a declared
// endpoint is answered with an error naming it, and the backend never sees a request for it.

/** The fixture's PATHS (tests/fixtures/wasm-pages/request-paths.ts), in its order: request id = index + 1. */
const PATHS = [
  '/api/titles/..\\..\\secret',
  '/api/playback/..\\..\\..\\wasm\\manifest.json',
  '/api/titles/%2e%2e\\%2e%2e\\admin',
  '/api/titles/../../secret',
  '/api/titles/%2e%2e/%2e%2e/admin',
  '/api/titles/..%2f..%2fsecret',
  '/api//evil.example/x',
  '/api/profiles#/../../secret',
  '/api/titles/t1?/../../secret',
  '/api/titles/t1\n',
  '/api/settings/subtitles',
  '/api/profiles',
];
const DECLARED = '/api/profiles';

// The backend's own record of what reached it, matched or not.
const backend = createMockBackend();
const server = setupServer(...backend.handlers);
const reached: string[] = [];
server.events.on('request:start', ({ request }) => {
  reached.push(`${request.method} ${request.url}`);
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

/** The fixture's answer lines ("<id> ok <status>" / "<id> error <text>"), by request id. */
function answers(running: RunningApp): Map<number, string> {
  const lines = new Map<number, string>();
  walkAttached(running.store, 'wasm', (node) => {
    const text = node.kind === 'text' ? node.props.text : undefined;
    const match = text === undefined ? null : /^(\d+) (.*)$/s.exec(text);
    if (match !== null) lines.set(Number(match[1]), match[2] ?? '');
  });
  return lines;
}

describe('a WASM page asking for undeclared paths', () => {
  it('gets an error answer for each, the backend sees none of them, and the app keeps working', async () => {
    app = await startApp({ substitute: { profiles: 'fixture-request-paths' } });
    await app.settled('the fixture page');
    expect(app.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });
    const running = app;
    await waitUntil(() => answers(running).size === PATHS.length, 'an answer to every request', {
      detail: () => JSON.stringify([...answers(running)]),
    });

    const lines = answers(running);
    PATHS.forEach((path, index) => {
      const line = lines.get(index + 1);
      if (path === DECLARED) expect(line).toBe('ok 200');
      else {
        const refusal = `error request path ${JSON.stringify(path)} refused: `;
        expect(line?.slice(0, refusal.length)).toBe(refusal);
      }
    });
    expect(lines.get(1)).toContain('contains a backslash');
    expect(lines.get(4)).toContain('has a dot segment');
    expect(lines.get(6)).toContain('has an encoded separator (%2f)');

    // Only the declared endpoint reached the backend (telemetry's POSTs are the host's own).
    const gets = reached.filter((request) => request.startsWith('GET '));
    expect(gets).toEqual([`GET ${TEST_API_BASE}${DECLARED}`]);

    // Nothing else changed: the page is still the one shown, with the focus where it was.
    expect(app.focusedKey()).toBe('paths:button');
    expect(app.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });
  });
});
