import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { apiPaths, type Setting } from '../../../bridge/index.ts';
import { createMockBackend, type MockBackend } from '../../../host/mock-backend/mock-backend.ts';
import { DEFAULT_SETTINGS } from '../../../host/mock-backend/settings-store.ts';
import { sceneTree } from '../../../host/scene/snapshot.ts';
import { SettingsPage } from '../../../legacy-react/pages/settings/index.ts';
import { type BackendRequest, recordBackendRequests } from '../../support/backend-requests.ts';
import { createLegacyHarness, type LegacyHarness, TEST_API_BASE } from '../../support/legacy-harness.ts';
import { type ParityReport, type ParityStep, runParity, sceneDiff } from '../../support/parity.ts';
import { createWasmHarness, type WasmHarness } from '../../support/wasm-harness.ts';

// The settings page in both worlds on one msw backend, fresh for each test (settings are data
// both worlds write: React's save reaches the backend first, then the port's, with the same
// value). Two lists the seeded backend never answers are served in front of it when a test sets
// `listOverride`: no settings at all, and more settings than fit (the list scrolls).

let backend: MockBackend = createMockBackend();
let listOverride: Setting[] | null = null;
const overrides = http.get(`*${apiPaths.settings()}`, () =>
  listOverride === null ? undefined : HttpResponse.json({ settings: listOverride }),
);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  backend = createMockBackend();
  listOverride = null;
  server.resetHandlers(overrides, ...backend.handlers);
});
afterAll(() => server.close());

const PAGE = { route: 'settings', react: SettingsPage, wasm: 'settings' } as const;
const SETTINGS_URL = `${TEST_API_BASE}${apiPaths.settings()}`;
const press = (direction: 'up' | 'down' | 'left' | 'right', times = 1): ParityStep[] =>
  Array.from({ length: times }, () => ({ do: 'press', direction }) as const);
const select: ParityStep = { do: 'select' };
const settle: ParityStep = { do: 'settle' };

const GET: BackendRequest = { method: 'GET', path: '/api/settings' };
const put = (id: string, value: boolean): BackendRequest => ({
  method: 'PUT',
  path: `/api/settings/${id}`,
  body: { value },
});
const values = () => backend.settings().map(({ id, value }) => [id, value]);
/** What the pill of row `id` says ("On"/"Off") in a snapshot. */
const pill = (scene: string | undefined, id: string): string | undefined =>
  new RegExp(`focusKey="setting:${id}"[^\\n]*\\n(?:[^\\n]*\\n){2}[^\\n]*text="(On|Off)"`).exec(
    scene ?? '',
  )?.[1];
const couldNotSave = (label: string, shownAgain: 'On' | 'Off') =>
  `Couldn't save “${label}”. It is ${shownAgain} again; please try later.`;

/** The backend requests were compared after every step; this says what they were. */
function expectRequests(report: ParityReport, expected: readonly BackendRequest[]): void {
  expect(report.backend.react).toEqual(expected);
  expect(report.backend.wasm).toEqual(expected);
}

async function parity(script: readonly ParityStep[]): Promise<ParityReport> {
  const report = await runParity(PAGE, script);
  expect(report.differences).toEqual([]);
  expect(report.steps).toBe(script.length);
  return report;
}

describe('settings parity (React page vs WASM port)', () => {
  it('(a) shows every setting, toggles each one (saved with PUT, read back from the backend), and one again', async () => {
    const report = await parity([
      { do: 'mount' },
      settle,
      { do: 'focusInitial' }, // 3: the first setting
      select, // 4: Subtitles on
      settle,
      ...press('down'), // 6
      select, // 7: Autoplay off
      settle,
      ...press('down'),
      select, // 10: Reduce motion on
      settle,
      ...press('down'),
      select, // 13: Data saver on
      settle,
      ...press('up', 3), // 15-17: back to Subtitles
      select, // 18: Subtitles off again
      settle,
    ]);
    expectRequests(report, [
      GET,
      put('subtitles', true),
      put('autoplay-next', false),
      put('reduce-motion', true),
      put('data-saver', true),
      put('subtitles', false),
    ]);
    const { after } = report;
    for (const setting of DEFAULT_SETTINGS)
      expect(after[1]?.scene).toContain(`text=${JSON.stringify(setting.label)}`);
    expect(after[2]?.focused).toBe('setting:subtitles');
    expect(pill(after[1]?.scene, 'subtitles')).toBe('Off');
    expect(pill(after[3]?.scene, 'subtitles')).toBe('On'); // at once, before the answer
    expect(after[5]?.focused).toBe('setting:autoplay-next');
    expect(pill(after[6]?.scene, 'autoplay-next')).toBe('Off');
    expect(after[16]?.focused).toBe('setting:subtitles');
    expect(pill(after[18]?.scene, 'subtitles')).toBe('Off');
    // Both worlds saved the same values, which the backend now holds.
    expect(values()).toEqual([
      ['subtitles', false],
      ['autoplay-next', false],
      ['reduce-motion', true],
      ['data-saver', true],
    ]);
  });

  it('(b) walks the rows and Back in every direction (the list remembers its row), and Back asks to go back', async () => {
    const report = await parity([
      { do: 'mount' },
      settle,
      ...press('right'), // 3: the first arrow starts focus: the first setting
      ...press('down', 3), // 4-6: the last setting
      ...press('right'), // 7: nothing to its right
      ...press('down'), // 8: Back
      ...press('right'), // 9: into the list again: the row it left
      ...press('up', 2), // 10-11
      ...press('left'), // 12: Back
      ...press('up'), // 13: the row it left
      ...press('up', 2), // 14-15: the top, and nothing above it
      ...press('down', 4), // 16-19: Back
      select, // 20: back()
    ]);
    expectRequests(report, [GET]);
    const focused = report.after.map((after) => after.focused);
    expect(focused.slice(2, 9)).toEqual([
      'setting:subtitles',
      'setting:autoplay-next',
      'setting:reduce-motion',
      'setting:data-saver',
      'setting:data-saver',
      'settings:back',
      'setting:data-saver',
    ]);
    expect(focused.slice(10, 15)).toEqual([
      'setting:autoplay-next',
      'settings:back',
      'setting:autoplay-next',
      'setting:subtitles',
      'setting:subtitles',
    ]);
    expect(focused[18]).toBe('settings:back');
    // The focused row and button light up; the others do not.
    expect(report.after[5]?.scene).toContain(
      'backgroundColor="#21262d" borderColor="#ffffff" borderRadius=12 borderWidth=4 focusKey="setting:data-saver"',
    );
    expect(report.after[5]?.scene).toContain(
      'backgroundColor="#161b22" borderColor="#ffffff" borderRadius=12 borderWidth=0 focusKey="setting:subtitles"',
    );
    expect(report.after[7]?.scene).toContain(
      'backgroundColor="#e8b04a" borderRadius=8 focusKey="settings:back"',
    );
    expect(report.navigation).toEqual([{ type: 'back' }]);
  });

  it('(c) the next PUT fails with 500 (the GET works): the toggle flips back and the error says so; the next save works and clears it', async () => {
    // Each world makes its own save: two failures make both see one.
    backend.fail('settings', { kind: 'status', status: 500 }, { times: 2, method: 'PUT' });
    const report = await parity([
      { do: 'mount' },
      settle,
      { do: 'focusInitial' },
      select, // 4: Subtitles on, then back off when the save fails
      settle,
      ...press('down'),
      ...press('up'),
      select, // 8: on again, saved
      settle,
    ]);
    expectRequests(report, [GET, put('subtitles', true), put('subtitles', true)]);
    const { after } = report;
    expect(after[4]?.scene).toContain(`text=${JSON.stringify(couldNotSave('Subtitles', 'Off'))}`);
    expect(pill(after[4]?.scene, 'subtitles')).toBe('Off');
    expect(after[6]?.scene).toContain(couldNotSave('Subtitles', 'Off')); // until the next toggle
    expect(after[7]?.scene).not.toContain("Couldn't save");
    expect(pill(after[8]?.scene, 'subtitles')).toBe('On');
    expect(after[8]?.scene).not.toContain("Couldn't save");
    expect(values()[0]).toEqual(['subtitles', true]);
  });

  it.each([
    ['a network failure', { kind: 'network' } as const, 'Off'],
    ['HTTP 503', { kind: 'status', status: 503 } as const, 'Off'],
    // React reads only response.ok: a 200 whose body is not JSON still saved the setting.
    ['a malformed 200 answer (React counts it as saved)', { kind: 'malformed' } as const, 'On'],
  ])('(d) a save that meets %s: the same toggle, rollback and message in both', async (_, mode, shown) => {
    backend.fail('settings', mode, { times: 2, method: 'PUT' });
    const report = await parity([{ do: 'mount' }, settle, { do: 'focusInitial' }, select, settle]);
    expectRequests(report, [GET, put('subtitles', true)]);
    expect(pill(report.after[4]?.scene, 'subtitles')).toBe(shown);
    if (shown === 'Off') expect(report.after[4]?.scene).toContain(couldNotSave('Subtitles', 'Off'));
    else expect(report.after[4]?.scene).not.toContain("Couldn't save");
  });

  it('(e) a failed save of a setting the backend does not have (404), in a list that scrolls', async () => {
    // Ten settings: seven fit, so going down past the seventh scrolls the list.
    listOverride = [
      ...DEFAULT_SETTINGS,
      ...Array.from({ length: 6 }, (_, i) => ({
        id: `extra-${i + 1}`,
        label: `Extra setting ${i + 1}`,
        value: i % 2 === 0,
      })),
    ];
    const report = await parity([
      { do: 'mount' },
      settle,
      { do: 'focusInitial' },
      ...press('down', 9), // 4-12: the tenth row, the list scrolled by three
      select, // 13: the backend has no "extra-6": 404, flipped back
      settle,
      ...press('up', 9), // 15-23: the first row, scrolled back to the top
    ]);
    expectRequests(report, [GET, put('extra-6', true)]);
    const { after } = report;
    expect(after[11]?.focused).toBe('setting:extra-6');
    expect(after[11]?.scene).toContain(
      `focusGroup=true height=${10 * 92} preferredChild="setting:subtitles" width=1000 x=0 y=${-3 * 92}`,
    );
    expect(after[13]?.scene).toContain(couldNotSave('Extra setting 6', 'Off'));
    expect(after[22]?.focused).toBe('setting:subtitles');
    expect(after[22]?.scene).toContain('preferredChild="setting:subtitles" width=1000 x=0 y=0');
  });

  it('(f) no settings: the empty line, focus on Back', async () => {
    listOverride = [];
    const report = await parity([{ do: 'mount' }, settle, { do: 'focusInitial' }, ...press('up'), select]);
    expectRequests(report, [GET]);
    expect(report.after[1]?.scene).toContain('text="There is nothing to set up yet"');
    expect(report.after[2]?.focused).toBe('settings:back');
    expect(report.after[4]?.focused).toBe('settings:back');
  });

  it('(g) HTTP 500 on the load: the error panel, Retry and Back, then Retry shows the settings', async () => {
    backend.fail('settings', { kind: 'status', status: 500 }, { times: 2, method: 'GET' });
    const report = await parity([
      { do: 'mount' },
      settle,
      { do: 'focusInitial' }, // 3: Retry
      ...press('down'), // 4: Back
      ...press('left'),
      ...press('up'), // 6: Retry
      ...press('right'),
      select, // 8: Retry
      settle, // 9: the settings
      select, // 10: Subtitles on
      settle,
    ]);
    expectRequests(report, [GET, GET, put('subtitles', true)]);
    const { after } = report;
    expect(after[1]?.scene).toContain('Something went wrong');
    expect(after[1]?.scene).toContain(`${SETTINGS_URL} answered HTTP 500`);
    expect(after[2]?.focused).toBe('error-retry');
    expect(after[3]?.focused).toBe('settings:back');
    expect(after[5]?.focused).toBe('error-retry');
    expect(after[8]?.scene).toContain('text="Subtitles"');
    expect(after[8]?.focused).toBe('setting:subtitles');
    expect(pill(after[10]?.scene, 'subtitles')).toBe('On');
  });

  it.each([
    ['a malformed answer', { kind: 'malformed' } as const, 'did not answer with JSON'],
    ['a network failure', { kind: 'network' } as const, 'could not reach'],
    ['HTTP 503 twice (Retry fails again)', { kind: 'status', status: 503 } as const, 'answered HTTP 503'],
  ])('(h) %s on the load: its message, and Retry', async (name, mode, message) => {
    const again = name.includes('twice');
    backend.fail('settings', mode, { times: again ? 4 : 2, method: 'GET' });
    const report = await parity([
      { do: 'mount' },
      settle,
      ...press('down'),
      select,
      settle,
      ...press('down'),
    ]);
    expectRequests(report, [GET, GET]);
    const { after } = report;
    expect(after[1]?.scene).toContain(message);
    expect(after[2]?.focused).toBe('error-retry');
    if (again) {
      expect(after[4]?.scene).toContain(message);
      expect(after[5]?.focused).toBe('settings:back');
    } else {
      expect(after[4]?.focused).toBe('setting:subtitles');
      expect(after[5]?.focused).toBe('setting:autoplay-next');
    }
  });
});

/** Everything runParity compares, for the steps done by hand (timing it cannot script). */
function differences(
  react: LegacyHarness,
  wasm: WasmHarness,
  requests: { react: () => readonly BackendRequest[]; wasm: () => readonly BackendRequest[] },
): string[] {
  const found: string[] = [];
  const diff = sceneDiff(sceneTree(react.store, 'legacy'), sceneTree(wasm.store, 'wasm'));
  if (diff !== null) found.push(diff);
  if (react.focusedKey() !== wasm.focusedKey())
    found.push(`focus: React ${react.focusedKey()}, WASM ${wasm.focusedKey()}`);
  if (JSON.stringify(react.requests()) !== JSON.stringify(wasm.requests())) found.push('navigation requests');
  if (JSON.stringify(requests.react()) !== JSON.stringify(requests.wasm()))
    found.push(
      `backend requests: React ${JSON.stringify(requests.react())}, WASM ${JSON.stringify(requests.wasm())}`,
    );
  if (wasm.crashes().length + react.rejected.length + wasm.rejected.length > 0)
    found.push('crash or rejected ops');
  return found;
}

/** Holds the answers to PUT requests until `release()`, in both worlds (one gate for all). */
function holdSaves() {
  const network = globalThis.fetch;
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const answer = network(input, init);
    if (init?.method === 'PUT') await gate;
    return answer;
  });
  onTestFinished(() => spy.mockRestore());
  return { release: () => release() };
}

describe('settings parity, by hand', () => {
  async function both() {
    const recorded = { react: recordBackendRequests(), wasm: recordBackendRequests() };
    const react = createLegacyHarness({ settings: SettingsPage }, { fetch: recorded.react.fetch });
    const wasm = await createWasmHarness(['settings'], { fetch: recorded.wasm.fetch });
    onTestFinished(() => {
      for (const key of react.world.mountedKeys) react.world.unmount(key);
    });
    const requests = { react: recorded.react.requests, wasm: recorded.wasm.requests };
    return { react, wasm, requests };
  }

  it('(i) the loading panel on a slow backend, then the settings', async () => {
    backend.fail('settings', { kind: 'delay', ms: 150 }, { times: 2, method: 'GET' });
    const { react, wasm, requests } = await both();
    react.mount('settings');
    wasm.mount('settings');
    await react.settle(2);
    expect(react.snapshot()).toContain('text="Loading…"');
    expect(react.focusedKey()).toBeNull();
    expect(differences(react, wasm, requests)).toEqual([]);
    await react.waitFor(() => react.snapshot().includes('setting:subtitles'), 'the settings');
    await wasm.settle();
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    await react.settle(2);
    wasm.frame();
    expect(react.focusedKey()).toBe('setting:subtitles');
    expect(differences(react, wasm, requests)).toEqual([]);
  });

  it('(j) Retry answered slowly: the loading panel, then the settings', async () => {
    backend.fail('settings', { kind: 'status', status: 500 }, { times: 2, method: 'GET' });
    const { react, wasm, requests } = await both();
    react.mount('settings');
    wasm.mount('settings');
    await react.waitFor(() => react.snapshot().includes('Something went wrong'), 'the error panel');
    await wasm.settle();
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    await react.settle(2);
    wasm.frame();
    expect(react.focusedKey()).toBe('error-retry');
    expect(differences(react, wasm, requests)).toEqual([]);

    backend.fail('settings', { kind: 'delay', ms: 150 }, { times: 2, method: 'GET' });
    react.select();
    wasm.select();
    await react.settle(2);
    wasm.frame(); // React renders the loading state after its effect; the port one frame later
    expect(react.snapshot()).toContain('text="Loading…"');
    expect(react.focusedKey()).toBeNull(); // Retry went away with the error panel
    expect(differences(react, wasm, requests)).toEqual([]);
    await react.waitFor(() => react.snapshot().includes('setting:subtitles'), 'the settings after Retry');
    await wasm.settle();
    expect(react.focusedKey()).toBe('setting:subtitles');
    expect(differences(react, wasm, requests)).toEqual([]);
    expect(requests.react()).toEqual([GET, GET]);
  });

  it('(k) flipped again before a failed save answers: no flip back (the viewer chose since), but the error shows', async () => {
    const { react, wasm, requests } = await both();
    react.mount('settings');
    wasm.mount('settings');
    await react.waitFor(() => react.snapshot().includes('setting:subtitles'), 'the settings');
    await wasm.settle();
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    await react.settle(2);
    wasm.frame();

    // The first save of each world fails, the second succeeds; both wait until released.
    backend.fail('settings', { kind: 'status', status: 500 }, { times: 2, method: 'PUT' });
    const saves = holdSaves();
    react.select(); // On: save 1
    wasm.select();
    await react.settle(2);
    wasm.frame();
    react.select(); // Off: save 2
    wasm.select();
    await react.settle(2);
    wasm.frame();
    expect(pill(react.snapshot(), 'subtitles')).toBe('Off');
    expect(differences(react, wasm, requests)).toEqual([]);

    saves.release();
    await react.waitFor(() => react.snapshot().includes("Couldn't save"), 'the failed save reported');
    await react.settle(4);
    await wasm.settle();
    // Save 1 (On) failed, but the viewer's latest choice is Off, so it stays Off.
    expect(pill(react.snapshot(), 'subtitles')).toBe('Off');
    expect(react.snapshot()).toContain(couldNotSave('Subtitles', 'Off'));
    expect(differences(react, wasm, requests)).toEqual([]);
    expect(requests.react()).toEqual([GET, put('subtitles', true), put('subtitles', false)]);
    expect(values()[0]).toEqual(['subtitles', false]);
  });
});
