import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// A WASM page's `log()` lines (SDK messages.ts) travel worker → host as `log` messages; the host
// prints each on the console at its level, prefixed with world and page, and sends warnings and
// errors to telemetry. The SDK example "logging" logs at every level: info when mounted, debug on
// select, error on an arrow that leads nowhere, warn when unmounted; its console.log goes to stdout.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Records what reaches each console level, keeping the test's output quiet. */
function captureConsole(): Record<Level, MockInstance> {
  const spies = {} as Record<Level, MockInstance>;
  for (const level of LEVELS) spies[level] = vi.spyOn(console, level).mockImplementation(() => undefined);
  return spies;
}

const printed = (spy: MockInstance): string[] => spy.mock.calls.map((call) => String(call[0]));

describe("a WASM page's log lines", () => {
  it('reach the console at their level as [wasm:<page>] and warnings and errors reach telemetry', async () => {
    const consoleAt = captureConsole();
    app = await startApp({ substitute: { profiles: 'example-logging' } });
    await app.settled('the logging example as profiles');
    expect(app.host.router.visible()).toMatchObject({ route: 'profiles', world: 'wasm' });
    await waitUntil(
      () => printed(consoleAt.info).includes('[wasm:profiles] logging example mounted on route profiles'),
      'the info line of the mount',
      { detail: () => JSON.stringify(printed(consoleAt.info)) },
    );
    // console.log in the page is stdout, told apart from log().
    expect(printed(consoleAt.info)).toContain('[wasm:profiles stdout] logging example: stdout works too');

    app.host.input({ kind: 'select' });
    await waitUntil(
      () => printed(consoleAt.debug).includes('[wasm:profiles] selected log:button (1 times)'),
      'the debug line of a select',
      { detail: () => JSON.stringify(printed(consoleAt.debug)) },
    );

    app.host.input({ kind: 'move', direction: 'left' }); // one button: nothing to the left
    await waitUntil(
      () => printed(consoleAt.error).includes('[wasm:profiles] arrow left from log:button leads nowhere'),
      'the error line of an arrow',
      { detail: () => JSON.stringify(printed(consoleAt.error)) },
    );

    // Leaving the page unmounts it: its last words are a warning.
    app.host.router.navigate('collections', { profile: 'p1' });
    await app.settled('collections');
    await waitUntil(
      () => printed(consoleAt.warn).includes('[wasm:profiles] logging example unmounted'),
      'the warn line of the unmount',
      { detail: () => JSON.stringify(printed(consoleAt.warn)) },
    );

    await app.host.telemetry.flush(1);
    const logged = backend
      .telemetryEvents()
      .filter((event) => event.name === 'page.warn' || event.name === 'page.error')
      .map((event) => ({ name: event.name, ...event.data }));
    expect(logged).toEqual([
      { name: 'page.error', page: 'profiles', message: 'arrow left from log:button leads nowhere' },
      { name: 'page.warn', page: 'profiles', message: 'logging example unmounted' },
    ]);
  });
});
