import { describe, expect, it } from 'vitest';
import { animateMask, apiPaths, HomeResponseSchema, type WorldId } from '../../../bridge/index.ts';
import { collectFocusables } from '../../../host/focus/focusables.ts';
import type { SceneStore } from '../../../host/scene/scene-store.ts';
import { sceneTree } from '../../../host/scene/snapshot.ts';
import { CollectionsPage } from '../../../legacy-react/pages/collections/index.ts';
import { fetchFromBackend, setupMockBackend } from '../../support/backend-harness.ts';
import { createLegacyHarness, type LegacyHarness } from '../../support/legacy-harness.ts';
import { type ParityStep, runParity, sceneDiff } from '../../support/parity.ts';
import { createWasmHarness, type WasmHarness } from '../../support/wasm-harness.ts';

const backend = setupMockBackend();

const PAGE = { route: 'collections', react: CollectionsPage, wasm: 'collections' } as const;

const press = (direction: 'up' | 'down' | 'left' | 'right', times = 1): ParityStep[] =>
  Array.from({ length: times }, () => ({ do: 'press', direction }) as const);

/**
 * Plays `script` on the React page alone: runParity only reports differences, so this shows what
 * the script really reached (both worlds then matched it, or runParity would have said so).
 */
async function reactRun(script: readonly ParityStep[]) {
  const react = createLegacyHarness({ collections: CollectionsPage });
  for (const step of script) {
    if (step.do === 'mount') react.mount('collections', step.params ?? {});
    else if (step.do === 'focusInitial') react.focus.focusInitial();
    else if (step.do === 'press') react.press(step.direction);
    else if (step.do === 'select') react.select();
    await react.settle(step.do === 'settle' ? 6 : 2);
  }
  const snapshot = react.snapshot();
  const focused = react.focusedKey();
  const requests = react.requests();
  react.world.unmount('entry-collections');
  return { snapshot, focused, requests };
}

/**
 * What runParity compares after a step, for the states it cannot reach: its settle answers the
 * WASM page's data requests at once (awaiting them), so a loading panel is never compared there.
 */
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

/**
 * The motion props of the collections page in one world's scene: of the focused tile, another
 * tile, the focused tile's rail strip, the rail stack, and the hero's two artwork layers.
 */
function motionProps(store: SceneStore, world: WorldId, focusedKey: string) {
  const tiles = collectFocusables(store, world).filter((f) => f.key.startsWith('tile:'));
  const focused = tiles.find((f) => f.key === focusedKey);
  const other = tiles.find((f) => f.key !== focusedKey);
  if (focused === undefined || other === undefined) throw new Error(`no tile ${focusedKey} in ${world}`);
  const pick = (props: Readonly<Record<string, unknown>> | undefined) => ({
    scale: props?.['scale'],
    animate: props?.['animate'],
    animateDuration: props?.['animateDuration'],
    animateEasing: props?.['animateEasing'],
  });
  const strip = focused.path[focused.path.length - 1];
  const stack = focused.path.find((node) => node.props.focusGroup === true);
  const layers: { src: unknown; opacity: unknown; animate: unknown; animateDuration: unknown }[] = [];
  const visit = (id: number) => {
    const node = store.get(world, id);
    if (node === undefined) return;
    if (node.kind === 'image' && node.props.height === 430)
      layers.push({
        src: node.props.src,
        opacity: node.props.opacity,
        animate: node.props.animate,
        animateDuration: node.props.animateDuration,
      });
    for (const child of node.children) visit(child);
  };
  visit(store.root(world).id);
  return {
    focusedTile: pick(focused.node.props),
    otherTile: pick(other.node.props),
    strip: pick(strip?.props),
    stack: pick(stack?.props),
    heroLayers: layers,
  };
}

/** (a): along the first rail, down two rails, back, up to the remembered tile, up to the header. */
const walkScript = (profile: string): ParityStep[] => [
  { do: 'mount', params: { profile } },
  { do: 'settle' },
  { do: 'focusInitial' },
  ...press('right', 3),
  ...press('down', 2),
  ...press('left'),
  ...press('up'),
  ...press('up'),
  ...press('up'),
  ...press('right'),
  { do: 'select' },
];

describe('collections parity (React page vs WASM port)', () => {
  it('(a) p1: walks the rails, comes back to a remembered tile, up to the header, right and select', async () => {
    const script = walkScript('p1');
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    // What the React page (the ground truth) did: up from tile 3 of the first rail lands on
    // Settings (the nearer button), and right from Settings, with nothing to its right in the
    // header, drops back into the rail stack, whose focus group restores tile 3.
    const home = await fetchFromBackend(apiPaths.home('p1'), HomeResponseSchema);
    const first = home.rails[0];
    const reached = await reactRun(script);
    expect(reached.focused).toBe(`tile:${first?.id}:3`);
    expect(reached.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'details', params: { id: first?.items[3]?.id } }),
    ]);
  });

  it('(a) p1: Settings from the header asks for settings', async () => {
    const script: ParityStep[] = [
      { do: 'mount', params: { profile: 'p1' } },
      { do: 'settle' },
      { do: 'focusInitial' },
      ...press('right', 3),
      ...press('up'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const reached = await reactRun(script);
    expect(reached.focused).toBe('nav:settings');
    expect(reached.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'settings', params: {} }),
    ]);
  });

  it('(a) p4 (kids profile): the same walk', async () => {
    const script = walkScript('p4');
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);
  });

  it('(a) p1: Search from the header asks for search with the profile', async () => {
    const script: ParityStep[] = [
      { do: 'mount', params: { profile: 'p1' } },
      { do: 'settle' },
      { do: 'focusInitial' },
      ...press('up'),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    const reached = await reactRun(script);
    expect(reached.focused).toBe('nav:search');
    expect(reached.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'search', params: { profile: 'p1' } }),
    ]);
  });

  it('(b) p1: runs to the end of a rail (rail scroll), down five rails (vertical scroll) and opens a tile', async () => {
    const script: ParityStep[] = [
      { do: 'mount', params: { profile: 'p1' } },
      { do: 'settle' },
      { do: 'focusInitial' },
      // 24 tiles: 23 moves reach the last one; the extra presses hit the rail's boundary.
      ...press('right', 26),
      ...press('down', 5),
      { do: 'select' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    // It did scroll: the first rail's strip to its end (tile 23 - 5 + 2 = 20 tiles in), the stack
    // five rails up.
    const reached = await reactRun(script);
    expect(reached.snapshot).toContain(`focusGroup=true height=210 width=${24 * 324} x=${80 - 20 * 324} y=8`);
    expect(reached.snapshot).toMatch(/focusGroup=true height=\d+ width=1920 x=0 y=-1350/);
    expect(reached.focused).toMatch(/^tile:[^:]+:\d+$/);
    expect(reached.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'details', params: { id: expect.any(String) } }),
    ]);
  });

  it('(c) p1: shows the error panel on HTTP 500, and Retry loads the home', async () => {
    // Each world makes its own request, so two failures make both worlds see one.
    backend.fail('home', { kind: 'status', status: 500 }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { profile: 'p1' } },
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

    // React alone (a fresh failure): it went through the error panel, so the parity above compared it.
    backend.fail('home', { kind: 'status', status: 500 }, { times: 1 });
    const reached = await reactRun(script.slice(0, 3));
    expect(reached.snapshot).toContain('Something went wrong');
    expect(reached.snapshot).toContain('answered HTTP 500');
    expect(reached.focused).toBe('error-retry');

    // And the whole script, on React alone, ends on the home with a title opened.
    backend.fail('home', { kind: 'status', status: 500 }, { times: 1 });
    const ended = await reactRun(script);
    expect(ended.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'details', params: { id: expect.any(String) } }),
    ]);
  });

  it('(d) p1: shows the error panel on a malformed answer', async () => {
    backend.fail('home', { kind: 'malformed' }, { times: 2 });
    const script: ParityStep[] = [
      { do: 'mount', params: { profile: 'p1' } },
      { do: 'settle' },
      { do: 'focusInitial' },
    ];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);

    backend.fail('home', { kind: 'malformed' }, { times: 1 });
    const reached = await reactRun(script);
    expect(reached.snapshot).toContain('Something went wrong');
    expect(reached.focused).toBe('error-retry');
  });

  it('(e) no profile param: the same request (profile=) and the same error panel', async () => {
    const script: ParityStep[] = [{ do: 'mount' }, { do: 'settle' }, { do: 'focusInitial' }];
    const report = await runParity(PAGE, script);
    expect(report.differences).toEqual([]);
    expect(report.steps).toBe(script.length);
  });

  it('(f) the loading panel, and Retry on a slow answer (loading panel, then the home), compared by hand', async () => {
    const react = createLegacyHarness({ collections: CollectionsPage });
    const wasm = await createWasmHarness(['collections']);
    const loadingFor = (h: LegacyHarness | WasmHarness) => h.snapshot().includes('text="Loading…"');

    // Mount on a slow backend: both show the loading panel.
    backend.fail('home', { kind: 'delay', ms: 150 }, { times: 2 });
    react.mount('collections', { profile: 'p1' });
    wasm.mount('collections', { profile: 'p1' });
    await react.settle(2);
    expect(loadingFor(react)).toBe(true);
    expect(differences(react, wasm)).toEqual([]);
    await react.waitFor(() => react.snapshot().includes('tile:'), 'the home');
    await wasm.settle();
    expect(differences(react, wasm)).toEqual([]);

    // A failing load, then Retry answered slowly: the loading panel shows in both.
    react.world.unmount('entry-collections');
    const react2 = createLegacyHarness({ collections: CollectionsPage });
    const wasm2 = await createWasmHarness(['collections']);
    backend.fail('home', { kind: 'status', status: 500 }, { times: 2 });
    react2.mount('collections', { profile: 'p1' });
    wasm2.mount('collections', { profile: 'p1' });
    await react2.waitFor(() => react2.snapshot().includes('Something went wrong'), 'the error panel');
    await wasm2.settle();
    react2.focus.focusInitial();
    wasm2.focus.focusInitial();
    await react2.settle(2);
    wasm2.frame();
    expect(differences(react2, wasm2)).toEqual([]);
    expect(react2.focusedKey()).toBe('error-retry');

    backend.fail('home', { kind: 'delay', ms: 150 }, { times: 2 });
    react2.select();
    wasm2.select();
    await react2.settle(2);
    wasm2.frame(); // React renders the loading state after its effect; the port one frame later
    expect(loadingFor(react2)).toBe(true);
    expect(differences(react2, wasm2)).toEqual([]);

    // The home arrives. The focused Retry went away with the loading panel; focus comes back on
    // the home's first tile (its preferred child), in React as in the port.
    await react2.waitFor(() => react2.snapshot().includes('tile:'), 'the home');
    await wasm2.settle();
    expect(react2.focusedKey()).toBe('tile:top-picks:0');
    expect(differences(react2, wasm2)).toEqual([]);
    react2.press('down');
    wasm2.press('down');
    await react2.settle(2);
    await wasm2.settle(1);
    expect(differences(react2, wasm2)).toEqual([]);
    react2.world.unmount('entry-collections');
  });

  it('(g) motion: rails glide, the focused tile grows, the hero cross-fades, the same in both worlds', async () => {
    const home = await fetchFromBackend(apiPaths.home('p1'), HomeResponseSchema);
    const first = home.rails[0];
    if (first === undefined) throw new Error('no rails for p1');
    const react = createLegacyHarness({ collections: CollectionsPage });
    const wasm = await createWasmHarness(['collections']);
    react.mount('collections', { profile: 'p1' });
    wasm.mount('collections', { profile: 'p1' });
    await react.waitFor(() => react.snapshot().includes('tile:'), 'the home');
    await wasm.settle();
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    await react.settle(2);
    await wasm.settle(1);
    react.press('right');
    wasm.press('right');
    await react.settle(2);
    await wasm.settle(1);
    const focusedKey = `tile:${first.id}:1`;
    expect(react.focusedKey()).toBe(focusedKey);

    const glide = { animateDuration: 250, animateEasing: 'ease-out', scale: undefined };
    const expected = {
      focusedTile: {
        scale: 1.08,
        animate: animateMask(['scale']),
        animateDuration: 150,
        animateEasing: 'ease-out',
      },
      otherTile: {
        scale: 1,
        animate: animateMask(['scale']),
        animateDuration: 150,
        animateEasing: 'ease-out',
      },
      strip: { ...glide, animate: animateMask(['x']) },
      stack: { ...glide, animate: animateMask(['y']) },
      // The hero showed home.hero (layer 0), then tile 0 (faded in on layer 1), now tile 1: its
      // artwork went back to layer 0, which fades in while tile 0's fades out.
      heroLayers: [
        {
          src: first.items[1]?.imageUrl,
          opacity: 0.7,
          animate: animateMask(['opacity']),
          animateDuration: 300,
        },
        {
          src: first.items[0]?.imageUrl,
          opacity: 0,
          animate: animateMask(['opacity']),
          animateDuration: 300,
        },
      ],
    };
    expect(motionProps(react.store, 'legacy', focusedKey)).toEqual(expected);
    expect(motionProps(wasm.store, 'wasm', wasm.focusedKey() ?? '')).toEqual(expected);
    expect(differences(react, wasm)).toEqual([]);
    react.world.unmount('entry-collections');
  });
});
