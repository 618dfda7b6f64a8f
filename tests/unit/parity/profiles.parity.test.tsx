import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ProfilesPage } from '../../../legacy-react/pages/profiles/index.ts';
import { setupMockBackend } from '../../support/backend-harness.ts';
import { createLegacyHarness } from '../../support/legacy-harness.ts';
import { type ParityStep, runParity } from '../../support/parity.ts';

const backend = setupMockBackend();

const PAGE = { route: 'profiles', react: ProfilesPage, wasm: 'profiles' } as const;

/**
 * Makes every backend answer wait one macrotask (a setImmediate hop) before it is fetched, as a
 * real network does. Needed for Retry: msw in Node answers so fast that React renders the retry's
 * `loading` state and its answer in ONE commit (error panel straight to the profiles, and the
 * focus engine moves focus from Retry to the first card), a race the browser never loses: there
 * React commits the loading panel first (the focused Retry disappears, nothing stays focused).
 * The WASM page always shows the loading panel for at least one frame, like React in the browser.
 * React's scheduler also uses setImmediate in Node, so its loading render runs before the hop ends.
 */
function withNetworkLatency() {
  const network = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    await new Promise((resolve) => setImmediate(resolve));
    return network(...args);
  });
  onTestFinished(() => spy.mockRestore());
}

/**
 * Plays `script` on the React page alone, the way runParity does, and records what it showed
 * after each step. runParity reports only differences, so this proves a script really reached the
 * states it is about (both worlds were then equal there, or runParity would have said so).
 */
async function playReact(script: readonly ParityStep[]) {
  const react = createLegacyHarness({ profiles: ProfilesPage });
  const after: { snapshot: string; focused: string | null }[] = [];
  for (const step of script) {
    if (step.do === 'mount') react.mount('profiles', step.params ?? {});
    else if (step.do === 'settle') await react.settle(6);
    else if (step.do === 'focusInitial') react.focus.focusInitial();
    else if (step.do === 'press') react.press(step.direction);
    else react.select();
    await react.settle(2);
    after.push({ snapshot: react.snapshot(), focused: react.focusedKey() });
  }
  const requests = react.requests();
  react.world.unmount('entry-profiles');
  return { after, requests };
}

const openProfile = (profile: string) =>
  expect.objectContaining({ type: 'navigate', route: 'collections', params: { profile } });

describe('profiles parity (React page vs WASM port)', () => {
  it('(a) loads, moves right twice and left once, and opens the focused profile', async () => {
    const script: ParityStep[] = [
      { do: 'mount' },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'press', direction: 'right' },
      { do: 'press', direction: 'right' },
      { do: 'press', direction: 'left' },
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[2]?.focused).toBe('profile:p1');
    expect(react.after[4]?.focused).toBe('profile:p3');
    expect(react.after[6]?.focused).toBe('profile:p2');
    expect(react.requests).toEqual([openProfile('p2')]);
  });

  it('(b) shows the error panel on HTTP 500, and Retry loads the profiles', async () => {
    withNetworkLatency();
    // Each world makes its own request: two failures, so both worlds see one.
    backend.fail('profiles', { kind: 'status', status: 500 }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount' },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'select' },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('profiles', { kind: 'status', status: 500 }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[2]?.snapshot).toContain('Something went wrong');
    expect(react.after[2]?.snapshot).toContain('http://ficus.test/api/profiles answered HTTP 500');
    expect(react.after[2]?.focused).toBe('error-retry');
    // After Retry the profiles show and focus is on the page's preferred child, not lost with
    // the Retry button that went away (issue 14: focus is always somewhere).
    expect(react.after[4]?.snapshot).toContain("Who's watching?");
    expect(react.after[4]?.focused).toBe('profile:p1');
    expect(react.after[5]?.focused).toBe('profile:p1');
    expect(react.requests).toEqual([openProfile('p1')]);
  });

  it('(c) shows the error panel on a malformed answer, and Retry loads the profiles', async () => {
    withNetworkLatency();
    backend.fail('profiles', { kind: 'malformed' }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount' },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'press', direction: 'down' },
      { do: 'select' },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'press', direction: 'right' },
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('profiles', { kind: 'malformed' }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[2]?.snapshot).toContain('http://ficus.test/api/profiles did not answer with JSON');
    expect(react.after[3]?.focused).toBe('error-retry');
    expect(react.after[5]?.snapshot).toContain("Who's watching?");
    expect(react.requests).toEqual([openProfile('p2')]);
  });

  it('(d) presses in every direction at the edges of the row', async () => {
    const script: ParityStep[] = [
      { do: 'mount' },
      { do: 'settle' },
      { do: 'focusInitial' },
      { do: 'press', direction: 'left' },
      { do: 'press', direction: 'up' },
      { do: 'press', direction: 'down' },
      { do: 'press', direction: 'right' },
      { do: 'press', direction: 'right' },
      { do: 'press', direction: 'right' },
      { do: 'press', direction: 'right' },
      { do: 'press', direction: 'up' },
      { do: 'press', direction: 'down' },
      { do: 'press', direction: 'right' },
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const react = await playReact(script);
    expect(react.after[5]?.focused).toBe('profile:p1');
    expect(react.after[8]?.focused).toBe('profile:p4');
    expect(react.after[12]?.focused).toBe('profile:p4');
    expect(react.requests).toEqual([openProfile('p4')]);
  });

  it('(e) arrows on the error panel (first one starts focus), then Retry', async () => {
    withNetworkLatency();
    backend.fail('profiles', { kind: 'network' }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount' },
      { do: 'settle' },
      { do: 'press', direction: 'left' },
      { do: 'press', direction: 'up' },
      { do: 'press', direction: 'down' },
      { do: 'press', direction: 'right' },
      { do: 'select' },
      { do: 'settle' },
      { do: 'press', direction: 'down' },
      { do: 'press', direction: 'right' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('profiles', { kind: 'network' }, { times: 1 });
    const react = await playReact(script);
    expect(react.after[1]?.snapshot).toContain('could not reach http://ficus.test/api/profiles');
    expect(react.after[2]?.focused).toBe('error-retry');
    // The content replaced the error panel: focus went to the page's preferred child at once.
    expect(react.after[7]?.focused).toBe('profile:p1');
    expect(react.after[8]?.focused).toBe('profile:p1'); // nothing below the cards
    expect(react.after[9]?.focused).toBe('profile:p2');
  });
});
