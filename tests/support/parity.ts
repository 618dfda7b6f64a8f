import type { ComponentType } from 'react';
import { vi } from 'vitest';
import type { Direction, Params } from '../../bridge/index.ts';
import { sceneTree, snapshotScene } from '../../host/scene/snapshot.ts';
import { type BackendRequest, recordBackendRequests } from './backend-requests.ts';
import { FakeClock } from './fake-clock.ts';
import { createLegacyHarness, type LegacyHarness } from './legacy-harness.ts';
import { jsonLines, linesDiff, sceneDiff } from './parity-diff.ts';
import { recordParityRun } from './parity-record.ts';
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
  /**
   * Empty when both implementations matched after every step; otherwise one entry per thing that
   * differed after each differing step (scenes and request lists as unified diffs, `-` React).
   */
  readonly differences: readonly string[];
  /** The steps played: the whole script, unless the WASM page crashed (the run stops there). */
  readonly steps: number;
  /** The 1-based steps after which the implementations differed. */
  readonly differingSteps: readonly number[];
  /** What each implementation sent the backend, in order, until the run stopped. */
  readonly backend: { readonly react: readonly BackendRequest[]; readonly wasm: readonly BackendRequest[] };
  /**
   * The React page's scene (snapshotScene) and focused key after each step run: what the script
   * reached (the WASM port matched it at every step not in `differingSteps`).
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

export { sceneDiff } from './parity-diff.ts';

/** How a run is recorded for `npm run coverage`. */
export interface ParityOptions {
  /**
   * Write the run to the page's machine-readable results (default true). False for runs that
   * test the harness itself on fixture pages.
   */
  readonly record?: boolean;
  /**
   * The script shows a difference the team knows of and has not fixed yet: the run is recorded
   * with this text, and the page's port counts as not done while it still differs.
   */
  readonly knownGap?: string;
  /** Load the WASM page from this wasm build's folder instead of dist/wasm (a port built elsewhere). */
  readonly wasmDir?: string;
}

/**
 * Plays the same script on the React page (the ground truth) and on its WASM port and compares,
 * after every step, the id-normalized scenes, the focused node, the navigation requests sent and
 * the requests each sent during the step: navigation, and backend (method, path and JSON body, in
 * order; a telemetry event's `at` is compared as "a time": each world reads its own clock). Every
 * differing step is reported, each with unified diffs; a crash of the WASM page ends the run.
 * The run is recorded for `npm run coverage` (see {@link ParityOptions}).
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
  options: ParityOptions = {},
): Promise<ParityReport> {
  const clock = new FakeClock();
  const backend = { react: recordBackendRequests(), wasm: recordBackendRequests() };
  const wasm = await createWasmHarness([page.wasm], {
    clock,
    fetch: backend.wasm.fetch,
    ...(options.wasmDir === undefined ? {} : { wasmDir: options.wasmDir }),
  });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  try {
    const react = createLegacyHarness({ [page.route]: page.react }, { fetch: backend.react.fetch });
    const result = await play(page, script, react, wasm, clock, backend);
    if (options.record !== false) {
      recordParityRun(page.wasm, {
        steps: result.steps,
        pass: result.differences.length === 0,
        differingSteps: result.differingSteps,
        ...(options.knownGap === undefined ? {} : { knownGap: options.knownGap }),
      });
    }
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
  const differences: string[] = [];
  const differingSteps: number[] = [];
  // What each side had sent before the step: a step is compared on what it sent itself.
  let sent = { navigation: [0, 0], backend: [0, 0], rejected: [0, 0] };
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

    const found: string[] = [];
    const where = `after step ${index + 1} (${describeStep(step)})`;
    const diff = sceneDiff(sceneTree(react.store, 'legacy'), sceneTree(wasm.store, 'wasm'));
    if (diff !== null) found.push(`${where}: scenes differ\n${diff}`);
    if (react.focusedKey() !== wasm.focusedKey()) {
      found.push(`${where}: focus differs: React ${react.focusedKey()}, WASM ${wasm.focusedKey()}`);
    }
    const navigation = [react.requests(), wasm.requests()] as const;
    const requests = [backend.react.requests(), backend.wasm.requests()] as const;
    const navigationDiff = linesDiff(
      jsonLines(navigation[0].slice(sent.navigation[0])),
      jsonLines(navigation[1].slice(sent.navigation[1])),
    );
    if (navigationDiff !== null) found.push(`${where}: navigation requests sent differ\n${navigationDiff}`);
    const backendDiff = linesDiff(
      jsonLines(requests[0].slice(sent.backend[0])),
      jsonLines(requests[1].slice(sent.backend[1])),
    );
    if (backendDiff !== null) {
      found.push(`${where}: backend requests sent differ (method, path, body)\n${backendDiff}`);
    }
    const crashes = wasm.crashes();
    for (const crash of crashes) found.push(`${where}: the WASM page crashed: ${JSON.stringify(crash)}`);
    const rejected = [...react.rejected.slice(sent.rejected[0]), ...wasm.rejected.slice(sent.rejected[1])];
    if (rejected.length > 0) {
      found.push(`${where}: the scene store rejected ops: ${rejected.map((e) => e.message).join('; ')}`);
    }
    sent = {
      navigation: [navigation[0].length, navigation[1].length],
      backend: [requests[0].length, requests[1].length],
      rejected: [react.rejected.length, wasm.rejected.length],
    };
    if (found.length > 0) {
      differences.push(...found);
      differingSteps.push(index + 1);
    }
    if (crashes.length > 0) return { differences, differingSteps, steps: index + 1, after };
  }
  return { differences, differingSteps, steps: script.length, after };
}
