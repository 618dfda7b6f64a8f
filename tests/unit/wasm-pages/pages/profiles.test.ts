import { describe, expect, it } from 'vitest';
import { collectFocusables } from '../../../../host/focus/focusables.ts';
import { MOCK_PROFILES } from '../../../../host/mock-backend/profiles.ts';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { createWasmHarness, type WasmHarness } from '../../../support/wasm-harness.ts';

const backend = setupMockBackend();

const PROFILES_URL = 'http://ficus.test/api/profiles';

async function mountProfiles(): Promise<WasmHarness> {
  const wasm = await createWasmHarness(['profiles']);
  wasm.mount('profiles');
  return wasm;
}

const focusKeys = (wasm: WasmHarness) => collectFocusables(wasm.store, 'wasm').map((f) => f.key);

const dataRequests = (wasm: WasmHarness) => wasm.messages.filter((m) => m.type === 'data.request');

/** No crash, no store rejection, no log message: what every test ends with. */
function expectHealthy(wasm: WasmHarness) {
  expect(wasm.crashes()).toEqual([]);
  expect(wasm.rejected).toEqual([]);
  expect(wasm.messages.filter((m) => m.type === 'log')).toEqual([]);
}

// The scene the React page draws (legacy-react/pages/profiles), written out by hand.
const LOADING_SCENE = [
  'view #0',
  '  view #1 height=1080 width=1920',
  '    view #2 backgroundColor="#0d1117" height=1080 width=1920 x=0 y=0',
  '      view #3 backgroundColor="#161b22" borderRadius=12 height=280 width=800 x=560 y=400',
  '        text #4 color="#8b949e" fontSize=30 height=40 text="Loading…" textAlign="center" width=800 x=0 y=120',
].join('\n');

function readyScene(focusedIndex = -1): string {
  const cards = MOCK_PROFILES.flatMap((p, i) => {
    const focused = i === focusedIndex;
    const n = 5 + 4 * i;
    return [
      `        view #${n} focusKey="profile:${p.id}" height=260 label=${JSON.stringify(p.name)} role="button" width=200 x=${i * 260} y=0`,
      `          view #${n + 1} backgroundColor="${p.avatarColor}" borderColor="#ffffff" borderRadius=16 borderWidth=${focused ? 6 : 0} height=200 width=200 x=0 y=0`,
      `            text #${n + 2} color="#000000" fontSize=96 fontWeight="bold" height=110 text="${p.name.charAt(0).toUpperCase()}" textAlign="center" width=200 x=0 y=45`,
      `          text #${n + 3} color="${focused ? '#ffffff' : '#8b949e'}" fontSize=30 height=36 maxLines=1 text="${p.name}" textAlign="center" width=200 x=0 y=216`,
    ];
  });
  return [
    'view #0',
    '  view #1 height=1080 width=1920',
    `    view #2 backgroundColor="#0d1117" height=1080 preferredChild="profile:p1" width=1920 x=0 y=0`,
    `      text #3 color="#ffffff" fontSize=56 fontWeight="bold" height=70 role="heading" text="Who's watching?" textAlign="center" width=1920 x=0 y=260`,
    '      view #4 height=260 width=980 x=470 y=400',
    ...cards,
  ].join('\n');
}

function errorScene(message: string, retryFocused: boolean): string {
  return [
    'view #0',
    '  view #1 height=1080 width=1920',
    '    view #2 backgroundColor="#0d1117" height=1080 preferredChild="error-retry" width=1920 x=0 y=0',
    '      view #3 backgroundColor="#161b22" borderRadius=12 height=280 width=800 x=560 y=400',
    '        text #4 color="#f85149" fontSize=32 fontWeight="bold" height=40 text="Something went wrong" width=720 x=40 y=60',
    `        text #5 color="#8b949e" fontSize=24 height=36 maxLines=2 text=${JSON.stringify(message)} width=720 x=40 y=110`,
    `        view #6 backgroundColor="${retryFocused ? '#e8b04a' : '#21262d'}" borderRadius=8 focusKey="error-retry" height=64 label="Retry" role="button" width=240 x=40 y=170`,
    `          text #7 color="${retryFocused ? '#000000' : '#ffffff'}" fontSize=26 height=32 text="Retry" textAlign="center" width=240 x=0 y=16`,
  ].join('\n');
}

describe('WASM page "profiles"', () => {
  it('shows the loading panel at mount and asks for /api/profiles', async () => {
    const wasm = await mountProfiles();
    expect(wasm.snapshot()).toBe(LOADING_SCENE);
    expect(dataRequests(wasm)).toEqual([expect.objectContaining({ path: '/api/profiles' })]);
    expect(wasm.focusedKey()).toBeNull();
    expectHealthy(wasm);
  });

  it('then shows "Who\'s watching?" and one card per profile, focus keys profile:<id>', async () => {
    const wasm = await mountProfiles();
    await wasm.settle();
    expect(wasm.snapshot()).toBe(readyScene());
    expect(focusKeys(wasm)).toEqual(['profile:p1', 'profile:p2', 'profile:p3', 'profile:p4']);
    expect(MOCK_PROFILES).toHaveLength(4);
    expectHealthy(wasm);
  });

  it('highlights the focused card and follows the arrows', async () => {
    const wasm = await mountProfiles();
    await wasm.settle();
    wasm.focus.focusInitial();
    wasm.frame();
    expect(wasm.focusedKey()).toBe('profile:p1');
    expect(wasm.snapshot()).toBe(readyScene(0));
    wasm.press('right');
    wasm.press('right');
    expect(wasm.focusedKey()).toBe('profile:p3');
    expect(wasm.snapshot()).toBe(readyScene(2));
    wasm.press('up');
    wasm.press('down');
    expect(wasm.focusedKey()).toBe('profile:p3');
    expect(wasm.requests()).toEqual([]);
    expectHealthy(wasm);
  });

  it('select asks to navigate to collections with the profile', async () => {
    const wasm = await mountProfiles();
    await wasm.settle();
    wasm.focus.focusInitial();
    wasm.press('right');
    wasm.select();
    expect(wasm.requests()).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'collections', params: { profile: 'p2' } }),
    ]);
    wasm.press('right');
    wasm.press('right');
    wasm.select();
    expect(wasm.requests().map((r) => (r.type === 'navigate' ? r.params : null))).toEqual([
      { profile: 'p2' },
      { profile: 'p4' },
    ]);
    expectHealthy(wasm);
  });

  it('shows the error text of the failed request and a focusable Retry that loads again', async () => {
    backend.fail('profiles', { kind: 'status', status: 500 }, { times: 1 });
    const wasm = await mountProfiles();
    await wasm.settle();
    const message = `${PROFILES_URL} answered HTTP 500`;
    expect(wasm.snapshot()).toBe(errorScene(message, false));
    wasm.focus.focusInitial();
    wasm.frame();
    expect(wasm.focusedKey()).toBe('error-retry');
    expect(wasm.snapshot()).toBe(errorScene(message, true));

    wasm.select();
    // The loading panel again (preferredChild cleared), and a second request.
    expect(wasm.snapshot()).toBe(LOADING_SCENE);
    expect(wasm.focusedKey()).toBeNull();
    expect(dataRequests(wasm)).toHaveLength(2);
    await wasm.settle();
    // Focus lost with Retry comes back on the page's preferred child once the profiles show.
    expect(wasm.focusedKey()).toBe('profile:p1');
    expect(wasm.snapshot()).toBe(readyScene(0));
    expect(focusKeys(wasm)).toEqual(['profile:p1', 'profile:p2', 'profile:p3', 'profile:p4']);
    expectHealthy(wasm);
  });

  it('shows malformed and network failures with their messages', async () => {
    backend.fail('profiles', { kind: 'malformed' }, { times: 1 });
    const malformed = await mountProfiles();
    await malformed.settle();
    expect(malformed.snapshot()).toBe(errorScene(`${PROFILES_URL} did not answer with JSON`, false));
    expectHealthy(malformed);

    backend.fail('profiles', { kind: 'network' }, { times: 1 });
    const network = await mountProfiles();
    await network.settle();
    expect(network.snapshot()).toContain(`could not reach ${PROFILES_URL}`);
    expect(network.snapshot()).toContain('focusKey="error-retry"');
    expectHealthy(network);
  });

  it('unmounts cleanly', async () => {
    const wasm = await mountProfiles();
    await wasm.settle();
    expect(wasm.world.unmount('entry-profiles')).toEqual({ status: 'unmounted' });
    wasm.frame();
    expect(wasm.snapshot()).toBe('view #0');
    expectHealthy(wasm);
  });
});
