import { afterEach, describe, expect, it } from 'vitest';
import { walkAttached } from '../../host/scene/geometry.ts';
import { setupMockBackend } from '../support/backend-harness.ts';
import { waitUntil } from '../support/wait-until.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// The settings page served by its WASM port (`?world.settings=wasm`, as QA would open it; the plan
// keeps React as its default) inside the whole app: router, both worlds, the real worker thread,
// the host's data requests (ABI v2 writes checked against bridge/api), the msw backend. Parity
// with the React page is in tests/unit/parity/settings.parity.test.tsx.

const backend = setupMockBackend();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const subtitles = () => backend.settings().find((setting) => setting.id === 'subtitles')?.value;

/** The WASM world's texts, in tree order. */
function texts(running: RunningApp): string[] {
  const found: string[] = [];
  walkAttached(running.store, 'wasm', (node) => {
    if (node.kind === 'text' && node.props.text !== undefined) found.push(node.props.text);
  });
  return found;
}

/** What the Subtitles row's pill says: the text right after its label. */
const subtitlesPill = (running: RunningApp): string | undefined => {
  const all = texts(running);
  return all[all.indexOf('Subtitles') + 1];
};

/** Opens the app on the settings page (a deep link) with the WASM port, at rest. */
async function openSettings(): Promise<RunningApp> {
  const running = await startApp({
    overrides: { settings: 'wasm' },
    initial: { route: 'settings', params: {} },
  });
  app = running;
  await waitUntil(() => running.host.router.visible()?.route === 'settings', 'the settings page');
  await running.settled('the settings page');
  expect(running.host.router.visible()).toMatchObject({ route: 'settings', world: 'wasm' });
  expect(running.workers.at(-1)?.mounts).toContain('settings');
  return running;
}

describe('settings in the WASM world, in the app', () => {
  it('a toggle is saved (PUT through the host) and read back from the backend when the page opens again', async () => {
    const before = subtitles();
    const first = await openSettings();
    expect(first.focusedKey()).toBe('setting:subtitles');
    expect(subtitlesPill(first)).toBe(before ? 'On' : 'Off');

    first.host.input({ kind: 'select' });
    await waitUntil(() => subtitles() === !before, 'the backend to hold the new value');
    await waitUntil(() => subtitlesPill(first) === (before ? 'Off' : 'On'), 'the row to show it');
    expect(texts(first).some((text) => text.startsWith("Couldn't save"))).toBe(false);
    await first.stop();
    app = undefined;

    // A new app (a fresh mount of the port) reads the saved value back from the backend.
    const second = await openSettings();
    expect(subtitlesPill(second)).toBe(before ? 'Off' : 'On');
  });

  it('a failed save (the next PUT to settings fails with 500) is rolled back and said, and the next one saves', async () => {
    const before = subtitles();
    const running = await openSettings();
    backend.fail('settings', { kind: 'status', status: 500 }, { times: 1, method: 'PUT' });

    running.host.input({ kind: 'select' });
    const message = `Couldn't save “Subtitles”. It is ${before ? 'On' : 'Off'} again; please try later.`;
    await waitUntil(() => texts(running).includes(message), 'the failed save to be reported', {
      detail: () => JSON.stringify(texts(running)),
    });
    expect(subtitlesPill(running)).toBe(before ? 'On' : 'Off');
    expect(subtitles()).toBe(before);
    expect(running.focusedKey()).toBe('setting:subtitles');

    running.host.input({ kind: 'select' }); // healed after one PUT
    await waitUntil(() => subtitles() === !before, 'the second save to reach the backend');
    await waitUntil(() => !texts(running).includes(message), 'the message to go');
    expect(subtitlesPill(running)).toBe(before ? 'Off' : 'On');
    expect(running.host.router.visible()).toMatchObject({ route: 'settings', world: 'wasm' });
  });
});
