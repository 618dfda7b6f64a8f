import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { sceneTree } from '../../../host/scene/snapshot.ts';
import { formatTime, PlaybackPage } from '../../../legacy-react/pages/playback/index.ts';
import { setupMockBackend } from '../../support/backend-harness.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { createLegacyHarness, type LegacyHarness } from '../../support/legacy-harness.ts';
import { type ParityStep, runParity, sceneDiff } from '../../support/parity.ts';
import { createWasmHarness, type WasmHarness } from '../../support/wasm-harness.ts';

const backend = setupMockBackend();

const PAGE = { route: 'playback', react: PlaybackPage, wasm: 'playback' } as const;

/** The catalog's first title (120 min: times print as h:mm:ss) and its shortest (47 min: m:ss). */
function titles() {
  const all = backend.catalog.titles;
  const first = all[0];
  const shortest = [...all].sort((a, b) => a.durationMinutes - b.durationMinutes)[0];
  if (first === undefined || shortest === undefined) throw new Error('the catalog is empty');
  return { first, shortest };
}

const press = (direction: 'up' | 'down' | 'left' | 'right', times = 1): ParityStep[] =>
  Array.from({ length: times }, () => ({ do: 'press', direction }) as const);

/** Fake timers for the React page's clock, as runParity uses them; restored after the test. */
function fakeReactClock(): void {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
}
afterEach(() => {
  vi.useRealTimers();
});

const urlOf = (input: unknown): string =>
  typeof input === 'string'
    ? input
    : input instanceof URL
      ? input.href
      : input instanceof Request
        ? input.url
        : '';

/**
 * Makes every backend answer wait one macrotask before it is fetched, as a real network does (see
 * profiles.parity.test.tsx): without it React can render Retry's loading state and its answer in
 * one commit, a race the browser never loses.
 */
function withNetworkLatency(): void {
  const network = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    await new Promise((resolve) => setImmediate(resolve));
    return network(...args);
  });
  onTestFinished(() => spy.mockRestore());
}

/** Holds every playback-info request until `release()`: the loading state, without a clock. */
function holdPlaybackAnswers() {
  const network = globalThis.fetch;
  let release = () => {};
  let gate = Promise.resolve();
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    if (urlOf(args[0]).includes('/api/playback/')) await gate;
    return network(...args);
  });
  onTestFinished(() => spy.mockRestore());
  return {
    hold() {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

/** The elapsed time under the bar, read from a scene snapshot (TIME_TEXT at x=80, y=878). */
const elapsedIn = (snapshot: string): string | undefined =>
  /text="([^"]*)" width=300 x=80 y=878/.exec(snapshot)?.[1];
/** The Play/Pause button's label: the text it shows, which its screen reader label must match. */
const toggleIn = (snapshot: string): string | undefined => {
  const found =
    /focusKey="playback:toggle" height=64 label="([^"]*)" role="button" width=240 x=0 y=0\n\s+text [^\n]*text="([^"]*)"/.exec(
      snapshot,
    );
  if (found === null) return undefined;
  return found[1] === found[2] ? found[2] : `label "${found[1]}" but text "${found[2]}"`;
};

/**
 * Plays `script` on the React page alone, the way runParity does, and records what it showed after
 * each step: runParity only reports differences, so this proves the script reached the states it
 * is about (both worlds were then equal there, or runParity would have said so).
 */
async function playReact(script: readonly ParityStep[]) {
  fakeReactClock();
  const react = createLegacyHarness({ playback: PlaybackPage });
  const after: {
    snapshot: string;
    focused: string | null;
    elapsed: string | undefined;
    toggle: string | undefined;
  }[] = [];
  for (const step of script) {
    if (step.do === 'mount') react.mount('playback', step.params ?? {});
    else if (step.do === 'focusInitial') react.focus.focusInitial();
    else if (step.do === 'press') react.press(step.direction);
    else if (step.do === 'select') react.select();
    else if (step.do === 'wait') vi.advanceTimersByTime(step.ms);
    await react.settle(step.do === 'settle' ? 8 : 2);
    const snapshot = react.snapshot();
    after.push({
      snapshot,
      focused: react.focusedKey(),
      elapsed: elapsedIn(snapshot),
      toggle: toggleIn(snapshot),
    });
  }
  const requests = react.requests();
  for (const key of react.world.mountedKeys) react.world.unmount(key);
  vi.useRealTimers();
  return { after, requests };
}

/** What runParity compares after a step, for the states it cannot reach (a held answer). */
function differences(react: LegacyHarness, wasm: WasmHarness): string[] {
  const found: string[] = [];
  const diff = sceneDiff(sceneTree(react.store, 'legacy'), sceneTree(wasm.store, 'wasm'));
  if (diff !== null) found.push(diff);
  if (react.focusedKey() !== wasm.focusedKey())
    found.push(`focus: React ${react.focusedKey()}, WASM ${wasm.focusedKey()}`);
  if (JSON.stringify(react.requests()) !== JSON.stringify(wasm.requests())) found.push('navigation requests');
  if (wasm.crashes().length + react.rejected.length + wasm.rejected.length > 0)
    found.push('crash or rejected ops');
  return found;
}

describe('playback parity (React page vs WASM port)', () => {
  it('(a) plays and ticks, seeks both ways (clamped at 0), pauses and resumes on the bar and on Play/Pause, then Back', async () => {
    const { first } = titles();
    const script: ParityStep[] = [
      { do: 'mount', params: { id: first.id } },
      { do: 'settle' },
      { do: 'focusInitial' }, // 3: the bar, with its knob
      { do: 'wait', ms: 1000 }, // 4: 0:01
      { do: 'wait', ms: 2500 }, // 5: 0:03 (ticks at 2 s and 3 s)
      ...press('right', 2), // 6-7: 0:23
      ...press('left', 2), // 8-9: 0:03
      ...press('left', 2), // 10-11: clamped at 0:00, still playing
      { do: 'wait', ms: 1000 }, // 12: 0:01 (the tick at 4 s: seeking kept the clock's phase)
      ...press('up'), // 13: nothing above the bar
      { do: 'select' }, // 14: paused on the bar
      { do: 'wait', ms: 5000 }, // 15: no ticks while paused
      { do: 'select' }, // 16: playing again
      { do: 'wait', ms: 999 }, // 17: a new clock: no tick before a whole second
      { do: 'wait', ms: 1 }, // 18: 0:02
      ...press('down'), // 19: Play/Pause (the bar loses its knob)
      { do: 'select' }, // 20: paused with the button
      { do: 'wait', ms: 3000 }, // 21
      ...press('right'), // 22: Back
      ...press('left'), // 23
      { do: 'select' }, // 24: playing
      { do: 'wait', ms: 1000 }, // 25: 0:03
      ...press('up'), // 26: the bar again
      ...press('down'), // 27: the controls remember Play/Pause
      ...press('right'), // 28: Back
      { do: 'select' }, // 29: back()
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    // `at(n)`: what React showed after step n (1-based, as runParity names steps).
    const react = await playReact(script);
    const at = (step: number) => react.after[step - 1];
    expect(at(2)?.snapshot).toContain(`text="${first.title}"`);
    expect(at(2)?.snapshot).toContain(`text="${formatTime(first.durationMinutes * 60)}"`);
    expect(at(3)?.focused).toBe('playback:scrubber');
    expect([at(4)?.elapsed, at(5)?.elapsed]).toEqual(['0:01', '0:03']);
    expect([at(7)?.elapsed, at(9)?.elapsed, at(11)?.elapsed, at(12)?.elapsed]).toEqual([
      '0:23',
      '0:03',
      '0:00',
      '0:01',
    ]);
    expect(at(13)?.focused).toBe('playback:scrubber');
    expect([at(14)?.toggle, at(15)?.elapsed, at(16)?.toggle]).toEqual(['Play', '0:01', 'Pause']);
    expect(at(14)?.snapshot).toContain('text="Paused"');
    expect([at(17)?.elapsed, at(18)?.elapsed]).toEqual(['0:01', '0:02']);
    expect(at(19)?.focused).toBe('playback:toggle');
    expect([at(20)?.toggle, at(21)?.elapsed, at(24)?.toggle, at(25)?.elapsed]).toEqual([
      'Play',
      '0:02',
      'Pause',
      '0:03',
    ]);
    expect([at(26)?.focused, at(27)?.focused, at(28)?.focused]).toEqual([
      'playback:scrubber',
      'playback:toggle',
      'playback:back',
    ]);
    expect(react.requests).toEqual([{ type: 'back' }]);
  });

  it('(b) seeks past the end (Ended, Replay), seeks back (paused), plays to the end and replays', async () => {
    const { shortest } = titles();
    const duration = shortest.durationMinutes * 60;
    const script: ParityStep[] = [
      { do: 'mount', params: { id: shortest.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'wait', ms: (duration - 25) * 1000 }, // 4: 25 s before the end
      ...press('right', 2), // 6: 5 s before the end
      ...press('right'), // 7: clamped at the end: ended
      { do: 'wait', ms: 5000 }, // 8
      ...press('right'), // 9: nothing further
      ...press('left'), // 10: 10 s before the end, paused
      { do: 'wait', ms: 3000 }, // 11
      { do: 'select' }, // 12: playing
      { do: 'wait', ms: 1000 }, // 13
      { do: 'wait', ms: 9000 }, // 14: the end again, by ticking
      ...press('down'), // 15: Replay
      { do: 'select' }, // 16: from 0:00
      { do: 'wait', ms: 2000 }, // 17
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    const at = (step: number) => react.after[step - 1];
    const end = formatTime(duration);
    expect(end).toMatch(/^\d+:\d\d$/);
    expect([at(4)?.elapsed, at(6)?.elapsed, at(7)?.elapsed]).toEqual([
      formatTime(duration - 25),
      formatTime(duration - 5),
      end,
    ]);
    expect(at(7)?.toggle).toBe('Replay');
    expect(at(7)?.snapshot).toContain('text="Ended"');
    expect([at(8)?.elapsed, at(9)?.elapsed]).toEqual([end, end]);
    expect([at(10)?.elapsed, at(10)?.toggle, at(11)?.elapsed]).toEqual([
      formatTime(duration - 10),
      'Play',
      formatTime(duration - 10),
    ]);
    expect(at(10)?.snapshot).toContain('text="Paused"');
    expect([at(13)?.elapsed, at(14)?.elapsed, at(14)?.toggle]).toEqual([
      formatTime(duration - 9),
      end,
      'Replay',
    ]);
    expect([at(16)?.elapsed, at(16)?.toggle, at(17)?.elapsed]).toEqual(['0:00', 'Pause', '0:02']);
    expect(at(17)?.snapshot).not.toContain('text="Ended"');
  });

  it('(c) ticks into hours (h:mm:ss) on a long title', async () => {
    const { first } = titles();
    const script: ParityStep[] = [
      { do: 'mount', params: { id: first.id } },
      { do: 'settle' },
      { do: 'wait', ms: 3_600_000 },
      { do: 'focusInitial' },
      ...press('right'),
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[2]?.elapsed).toBe('1:00:00');
    expect(react.after[4]?.elapsed).toBe('1:00:10');
  });

  it('(d) shows the error panel on HTTP 500 (arrows go nowhere), and Retry loads the player, which plays', async () => {
    withNetworkLatency();
    const { first } = titles();
    // Each world makes its own request: two failures, so both worlds see one.
    backend.fail('playback', { kind: 'status', status: 500 }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { id: first.id } },
      { do: 'settle' },
      { do: 'focusInitial' }, // 3: Retry
      ...press('up'),
      ...press('down'),
      ...press('left'),
      ...press('right'),
      { do: 'select' }, // 8: Retry
      { do: 'settle' }, // 9: the player, focus on the bar by itself
      { do: 'wait', ms: 2000 }, // 10
      ...press('right'), // 11
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('playback', { kind: 'status', status: 500 }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[2]?.snapshot).toContain('Something went wrong');
    expect(react.after[2]?.snapshot).toContain(`/api/playback/${first.id} answered HTTP 500`);
    expect(react.after[6]?.focused).toBe('error-retry');
    expect(react.after[8]?.focused).toBe('playback:scrubber');
    expect(react.after[9]?.elapsed).toBe('0:02');
    expect(react.after[10]?.elapsed).toBe('0:12');
  });

  it('(e) shows the error panel on a malformed answer, and Retry loads the player', async () => {
    withNetworkLatency();
    const { shortest } = titles();
    backend.fail('playback', { kind: 'malformed' }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { id: shortest.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'wait', ms: 3000 }, // 4: no clock on the error panel
      { do: 'select' },
      { do: 'settle' },
      { do: 'wait', ms: 1000 },
      ...press('down'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('playback', { kind: 'malformed' }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[3]?.snapshot).toContain('did not answer with JSON');
    expect(react.after[5]?.snapshot).toContain(`text="${shortest.title}"`);
    expect(react.after[6]?.elapsed).toBe('0:01');
    expect(react.after[8]?.toggle).toBe('Play');
  });

  it('(f) shows the error panel on a network error, and Retry loads the player', async () => {
    withNetworkLatency();
    const { first } = titles();
    backend.fail('playback', { kind: 'network' }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { id: first.id } },
      { do: 'settle' },
      ...press('right'), // 3: the first arrow starts focus (on Retry)
      { do: 'select' },
      { do: 'settle' },
      ...press('left'),
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('playback', { kind: 'network' }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain(`could not reach http://ficus.test/api/playback/${first.id}`);
    expect(react.after[2]?.focused).toBe('error-retry');
    expect(react.after[5]?.focused).toBe('playback:scrubber');
  });

  it('(g) an unknown title is an error (HTTP 404), and Retry asks again and fails again', async () => {
    withNetworkLatency();
    const script: ParityStep[] = [
      { do: 'mount', params: { id: 'no-such-title' } },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'select' },
      { do: 'settle' },
      { do: 'focusInitial' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[2]?.snapshot).toContain('answered HTTP 404');
    expect(react.after[5]?.snapshot).toContain('answered HTTP 404');
    expect(react.after[5]?.focused).toBe('error-retry');
  });

  it('(h) without an id it says so and offers Back, which asks the router to go back', async () => {
    const script: ParityStep[] = [
      { do: 'mount' },
      { do: 'settle' },
      { do: 'wait', ms: 2000 },
      { do: 'focusInitial' },
      ...press('up'),
      ...press('left'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain('No title was chosen to play');
    expect(react.after[3]?.focused).toBe('playback:back');
    expect(react.requests).toEqual([{ type: 'back' }]);
  });

  it('(i) the loading panel on mount and after Retry, compared by hand while the answers are held', async () => {
    const { first } = titles();
    const answers = holdPlaybackAnswers();
    fakeReactClock();
    const clock = new FakeClock();
    const react = createLegacyHarness({ playback: PlaybackPage });
    const wasm = await createWasmHarness(['playback'], { clock });
    const loading = (h: LegacyHarness | WasmHarness) => h.snapshot().includes('text="Loading…"');

    // A failing first load, held: both show the loading panel, with nothing to focus.
    backend.fail('playback', { kind: 'status', status: 500 }, { times: 2 });
    answers.hold();
    react.mount('playback', { id: first.id });
    wasm.mount('playback', { id: first.id });
    await react.settle(4);
    expect(loading(react)).toBe(true);
    expect(differences(react, wasm)).toEqual([]);
    expect(react.focus.focusInitial()).toBe(false);

    answers.release();
    await react.waitFor(() => react.snapshot().includes('Something went wrong'), 'the error panel');
    await wasm.settle();
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    await react.settle(2);
    expect(react.focusedKey()).toBe('error-retry');
    expect(differences(react, wasm)).toEqual([]);

    // Retry, held: the loading panel again; the focused Retry went away with the error panel.
    answers.hold();
    react.select();
    wasm.select();
    await react.settle(4);
    expect(loading(react)).toBe(true);
    expect(differences(react, wasm)).toEqual([]);

    // The answer: the player, focus on the bar (the page's preferred child) in both.
    answers.release();
    await react.waitFor(() => react.focusedKey() === 'playback:scrubber', 'the player, focused');
    await wasm.settle();
    expect(differences(react, wasm)).toEqual([]);
    vi.advanceTimersByTime(1000);
    await clock.advance(1000);
    await react.settle(2);
    expect(elapsedIn(react.snapshot())).toBe('0:01');
    expect(differences(react, wasm)).toEqual([]);
    for (const key of react.world.mountedKeys) react.world.unmount(key);
  });

  it('(j) reports playback.start once per start: both POST the same event to the telemetry sink', async () => {
    const { first } = titles();
    const before = backend.telemetryEvents().length;
    const report = await runParity(PAGE, [
      { do: 'mount', params: { id: first.id } },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'wait', ms: 2000 }, // ticking starts no second event
    ]);
    expect(report.differences).toEqual([]);
    const data = { titleId: first.id, durationSeconds: first.durationMinutes * 60 };
    const start = {
      method: 'POST',
      path: '/api/telemetry',
      body: { events: [{ name: 'playback.start', at: '<a time>', data }] },
    };
    // runParity compared these after every step; this proves they hold the event, once each.
    expect(report.backend.react).toEqual([{ method: 'GET', path: `/api/playback/${first.id}` }, start]);
    expect(report.backend.wasm).toEqual(report.backend.react);
    // The sink got both, each `at` the epoch time of its world's clock (React's Date.now(), WASI's).
    const sent = backend.telemetryEvents().slice(before);
    expect(sent.map((event) => [event.name, event.data])).toEqual([
      ['playback.start', data],
      ['playback.start', data],
    ]);
    for (const event of sent) expect(Math.abs(event.at - Date.now())).toBeLessThan(60 * 60 * 1000);
  });
});
