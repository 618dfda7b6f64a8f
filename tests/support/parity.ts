import type { ComponentType } from 'react';
import { vi } from 'vitest';
import type { Direction, Params } from '../../bridge/index.ts';
import { type SceneTree, sceneTree, snapshotScene } from '../../host/scene/snapshot.ts';
import { type BackendRequest, recordBackendRequests } from './backend-requests.ts';
import { FakeClock } from './fake-clock.ts';
import { createLegacyHarness, type LegacyHarness } from './legacy-harness.ts';
import { createWasmHarness, type WasmHarness } from './wasm-harness.ts';

/** One step of a parity script, done the same way to both implementations of a page. */
export type ParityStep =
  | { readonly do: 'mount'; readonly params?: Params }
  | { readonly do: 'settle' }
  | { readonly do: 'focusInitial' }
  | { readonly do: 'press'; readonly direction: Direction }
  | { readonly do: 'select' }
  /** `ms` of time go by (the only way time moves in a run): timers fire in both worlds. */
  | { readonly do: 'wait'; readonly ms: number };

export interface ParityReport {
  /** Empty when both implementations matched after every step. */
  readonly differences: readonly string[];
  readonly steps: number;
  /** What each implementation sent the backend, in order, until the run stopped. */
  readonly backend: { readonly react: readonly BackendRequest[]; readonly wasm: readonly BackendRequest[] };
  /**
   * The React page's scene (snapshotScene) and focused key after each step run: what the script
   * reached (the WASM port matched it at every step before the first difference).
   */
  readonly after: readonly { readonly scene: string; readonly focused: string | null }[];
  /** The navigation requests the React page sent (the port sent the same, or a difference says so). */
  readonly navigation: readonly unknown[];
}

const describeStep = (step: ParityStep): string =>
  step.do === 'press'
    ? `press ${step.direction}`
    : step.do === 'mount'
      ? `mount ${JSON.stringify(step.params ?? {})}`
      : step.do === 'wait'
        ? `wait ${step.ms} ms`
        : step.do;

/** The scene as indented lines, ids already absent: what a human diff reads well. */
function lines(tree: SceneTree, depth = 0, out: string[] = []): string[] {
  const props = Object.entries(tree.props).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  out.push(`${'  '.repeat(depth)}${tree.kind}${props.length > 0 ? ` ${props.join(' ')}` : ''}`);
  for (const child of tree.children) lines(child, depth + 1, out);
  return out;
}

/** The first differing lines of two scene renderings, with a little context, `-` React and `+` WASM. */
export function sceneDiff(react: SceneTree, wasm: SceneTree, context = 3): string | null {
  const a = lines(react);
  const b = lines(wasm);
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  if (first === a.length && first === b.length) return null;
  const out = [`first difference at line ${first + 1} (- React, + WASM):`];
  for (let i = Math.max(0, first - context); i < first; i++) out.push(`  ${a[i]}`);
  for (let i = first; i < Math.min(a.length, first + context); i++) out.push(`- ${a[i]}`);
  for (let i = first; i < Math.min(b.length, first + context); i++) out.push(`+ ${b[i]}`);
  return out.join('\n');
}

/**
 * Plays the same script on the React page (the ground truth) and on its WASM port and compares,
 * after every step, the id-normalized scenes, the focused node, the navigation requests sent and
 * the backend requests sent (method, path and JSON body, in order; a telemetry event's `at` is
 * compared as "a time": each world reads its own clock). Returns the differences found at the
 * FIRST diverging step (later steps would only repeat them), and both worlds' backend requests.
 *
 * Both implementations read (and write) the same mock backend, React's request first: to make one
 * request of each fail, arm the failure with `{ times: 2 }` (and `method: 'PUT'` to fail a save
 * only). A write by React is seen by the WASM page's later reads, and the other way round. React's `settle` waits a few event-loop turns
 * while the WASM one waits for every data answer, so a backend that answers within one turn can
 * let React skip its loading state; add a little latency to fetch when a script depends on it.
 *
 * Time moves only in `wait` steps, never with the wall clock: the React page's `setInterval` and
 * `clearInterval` are faked for the run (vitest's fake timers; `setTimeout` stays real, React's
 * scheduler and the settling need it), and the WASM world runs on a FakeClock the way the worker
 * runs on its own (frames on demand: one right after each call, then when the page's timers are
 * due). `wait` moves both clocks on by the same `ms`.
 *
 * @example
 * const report = await runParity({ route: 'profiles', react: ProfilesPage, wasm: 'profiles' }, [
 *   { do: 'mount' }, { do: 'settle' }, { do: 'focusInitial' }, { do: 'press', direction: 'right' }, { do: 'select' },
 * ]);
 * expect(report.differences).toEqual([]);
 */
export async function runParity(
  page: { readonly route: string; readonly react: ComponentType; readonly wasm: string },
  script: readonly ParityStep[],
): Promise<ParityReport> {
  const clock = new FakeClock();
  const backend = { react: recordBackendRequests(), wasm: recordBackendRequests() };
  const wasm = await createWasmHarness([page.wasm], { clock, fetch: backend.wasm.fetch });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  try {
    const react = createLegacyHarness({ [page.route]: page.react }, { fetch: backend.react.fetch });
    const result = await play(page, script, react, wasm, clock, backend);
    return {
      ...result,
      backend: { react: backend.react.requests(), wasm: backend.wasm.requests() },
      navigation: react.requests(),
    };
  } finally {
    vi.useRealTimers();
  }
}

interface Recorders {
  readonly react: { readonly requests: () => readonly BackendRequest[] };
  readonly wasm: { readonly requests: () => readonly BackendRequest[] };
}

async function play(
  page: { readonly route: string; readonly wasm: string },
  script: readonly ParityStep[],
  react: LegacyHarness,
  wasm: WasmHarness,
  clock: FakeClock,
  backend: Recorders,
): Promise<Omit<ParityReport, 'backend' | 'navigation'>> {
  const after: { scene: string; focused: string | null }[] = [];
  for (const [index, step] of script.entries()) {
    switch (step.do) {
      case 'mount':
        react.mount(page.route, step.params ?? {});
        wasm.mount(page.wasm, step.params ?? {});
        break;
      case 'settle':
        await react.settle(6);
        await wasm.settle();
        break;
      case 'focusInitial':
        react.focus.focusInitial();
        wasm.focus.focusInitial();
        break;
      case 'press':
        react.press(step.direction);
        wasm.press(step.direction);
        break;
      case 'select':
        react.select();
        wasm.select();
        break;
      case 'wait':
        vi.advanceTimersByTime(step.ms);
        await clock.advance(step.ms);
        break;
    }
    await react.settle(2);
    await wasm.settle(1);
    after.push({ scene: snapshotScene(react.store, 'legacy'), focused: react.focusedKey() });

    const differences: string[] = [];
    const where = `after step ${index + 1} (${describeStep(step)})`;
    const diff = sceneDiff(sceneTree(react.store, 'legacy'), sceneTree(wasm.store, 'wasm'));
    if (diff !== null) differences.push(`${where}: scenes differ\n${diff}`);
    if (react.focusedKey() !== wasm.focusedKey()) {
      differences.push(`${where}: focus differs: React ${react.focusedKey()}, WASM ${wasm.focusedKey()}`);
    }
    const reactRequests = JSON.stringify(react.requests());
    const wasmRequests = JSON.stringify(wasm.requests());
    if (reactRequests !== wasmRequests) {
      differences.push(
        `${where}: navigation requests differ\n  React: ${reactRequests}\n  WASM:  ${wasmRequests}`,
      );
    }
    const reactBackend = JSON.stringify(backend.react.requests());
    const wasmBackend = JSON.stringify(backend.wasm.requests());
    if (reactBackend !== wasmBackend) {
      differences.push(
        `${where}: backend requests differ (method, path, body)\n  React: ${reactBackend}\n  WASM:  ${wasmBackend}`,
      );
    }
    for (const crash of wasm.crashes())
      differences.push(`${where}: the WASM page crashed: ${JSON.stringify(crash)}`);
    if (react.rejected.length + wasm.rejected.length > 0) {
      differences.push(
        `${where}: the scene store rejected ops: ${[...react.rejected, ...wasm.rejected].map((e) => e.message).join('; ')}`,
      );
    }
    if (differences.length > 0) return { differences, steps: index + 1, after };
  }
  return { differences: [], steps: script.length, after };
}
