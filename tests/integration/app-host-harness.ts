import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HistorySync, WORLD_IDS, type WorldId } from '../../bridge/index.ts';
import { type AppHost, type AppView, createAppHost } from '../../host/boot/app-host.ts';
import type { WasmWorldWorker } from '../../host/boot/wasm-world-client.ts';
import { SceneStore } from '../../host/scene/scene-store.ts';
import { LEGACY_PAGES } from '../../legacy-react/pages/index.ts';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import {
  type StartedWasmWorldWorker,
  startWasmWorldWorker,
} from '../../wasm-pages/runtime/start-worker-node.ts';
import { TEST_API_BASE } from '../support/legacy-harness.ts';
import { WAIT_BUDGET_MS } from '../support/wait-until.ts';

const DIST = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist/wasm');

/**
 * The whole app as the browser boot composes it, minus the DOM: both worlds (the WASM one in a
 * real worker thread), the router, the reference plan, the msw backend. History syncs sent to the
 * WASM world are recorded on the way, to compare every follower's copy.
 */
export interface StartAppOptions {
  readonly initial?: { route: string; params: Record<string, string> };
  /** Serve another built module under a page's name, e.g. a fixture page that crashes. */
  readonly substitute?: Readonly<Record<string, string>>;
  /** How long the WASM world may leave a call unanswered before the watchdog restarts it (default 2000 ms). */
  readonly wasmDeadlineMs?: number;
  /** QA world overrides, as `?world.<page>=legacy|wasm` gives them in a browser. */
  readonly overrides?: Readonly<Record<string, WorldId>>;
  /** Called after every painted frame with the world the view shows (what a viewer would see). */
  readonly onPaint?: (host: AppHost, shownWorld: WorldId | null) => void;
  /**
   * Called once the task that moved the focus ring is done (a microtask later), with the world the
   * view shows: what a DOM observer between frames would see, since a painter marks focus at once.
   */
  readonly onFocusMarked?: (host: AppHost, shownWorld: WorldId | null) => void;
  /** Another entry module for the WASM world's worker (e.g. one that does not exist, to fail its start). */
  readonly workerEntry?: URL;
}

/** A WASM world worker the app started (the first one, then one per restart), as the test sees it. */
export interface AppWorker {
  readonly started: StartedWasmWorldWorker;
  /** The routes mounted on this worker, in order. */
  readonly mounts: string[];
  /** Whether the worker thread has exited (it was terminated). */
  exited: boolean;
}

export async function startApp(options: StartAppOptions = {}) {
  const wasmSyncs: HistorySync[] = [];
  const workers: AppWorker[] = [];
  // The worker factory the watchdog calls again after a hang: a real worker thread each time, its
  // API wrapped to record history syncs and mounts.
  const startWorker = async (): Promise<WasmWorldWorker> => {
    const started = await startWasmWorldWorker(
      options.workerEntry === undefined ? {} : { entry: options.workerEntry },
    );
    const record: AppWorker = { started, mounts: [], exited: false };
    started.worker.once('exit', () => {
      record.exited = true;
    });
    workers.push(record);
    const api = new Proxy(started.api, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if ((name !== 'event' && name !== 'mount') || typeof value !== 'function') return value;
        return (key: string, second: unknown, ...rest: unknown[]) => {
          if (name === 'mount') record.mounts.push(second as string);
          else if ((second as { type: string }).type === 'history.sync')
            wasmSyncs.push(second as HistorySync);
          return (value as (...args: unknown[]) => unknown).call(target, key, second, ...rest);
        };
      },
    });
    let terminated: Promise<void> | undefined;
    return { api, terminate: () => (terminated ??= started.terminate()) };
  };
  const store = new SceneStore();
  let shownWorld: WorldId | null = null;
  const { onPaint, onFocusMarked } = options;
  let focusMarkPending = false;
  // A view that paints nothing: it tells the test what a browser would show.
  const view: AppView | undefined =
    onPaint === undefined && onFocusMarked === undefined
      ? undefined
      : {
          setVisibleWorld: (world) => {
            shownWorld = world;
          },
          setPage: () => undefined,
          setFocused: () => {
            if (onFocusMarked === undefined || focusMarkPending) return;
            focusMarkPending = true;
            queueMicrotask(() => {
              focusMarkPending = false;
              onFocusMarked(host, shownWorld);
            });
          },
          paint: () => onPaint?.(host, shownWorld),
        };
  const host: AppHost = createAppHost({
    store,
    plan: REFERENCE_PLAN,
    legacyPages: LEGACY_PAGES,
    wasm: {
      startWorker,
      ...(options.wasmDeadlineMs === undefined ? {} : { watchdog: { deadlineMs: options.wasmDeadlineMs } }),
      manifest: async () => {
        const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
        const modules = manifest.modules as Record<string, object>;
        for (const [page, module] of Object.entries(options.substitute ?? {})) {
          modules[page] = { ...modules[module], kind: 'page' };
        }
        return manifest;
      },
      moduleBytes: async (file) => new Uint8Array(readFileSync(join(DIST, file))),
    },
    apiBase: TEST_API_BASE,
    fetch,
    capabilities: { webAssembly: true },
    cohort: 0,
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
    ...(view === undefined ? {} : { view }),
    ...(options.initial === undefined ? {} : { initial: options.initial }),
  });
  let time = 0;
  let running = true;
  // The frame loop, as requestAnimationFrame drives it in a browser.
  const loop = (async () => {
    while (running) {
      time += 16;
      await host.frame(time);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();

  const app = {
    host,
    store,
    wasmSyncs,
    /** Every WASM world worker started so far, the current one last. */
    workers,
    /** Waits, frame by frame, until the router is at rest and the visible page has focus. */
    async settled(what = 'the app to settle'): Promise<void> {
      // At rest: no switch, focus in the visible world, and the page left behind is gone from the
      // screen (a WASM page's removal comes back from the worker after the switch committed).
      const pagesShown = (world: WorldId) =>
        store.root(world).children.filter((id) => store.get(world, id)?.props.visible !== false).length;
      const atRest = () => {
        const world = host.focus.activeWorld;
        const visible = host.router.visible()?.world;
        return (
          !host.router.isSwitching() &&
          world !== null &&
          host.focus.engines[world].focused !== null &&
          WORLD_IDS.every((w) => pagesShown(w) === (w === visible ? 1 : 0))
        );
      };
      const deadline = performance.now() + WAIT_BUDGET_MS;
      while (performance.now() < deadline) {
        if (atRest()) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          // Still (or again) at rest: a switch that ran meanwhile must have landed its focus too.
          if (atRest()) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`timed out waiting for ${what}; visible: ${JSON.stringify(host.router.visible())}`);
    },
    visibleWorld(): WorldId | undefined {
      return host.router.visible()?.world;
    },
    focusedKey: () => host.focus.focusedKey(),
    async stop(): Promise<void> {
      running = false;
      await loop;
      await host.stop();
      // Any worker the app lost track of (say, one still starting when a test failed) goes too.
      await Promise.all(workers.map(({ started }) => started.worker.terminate()));
    },
  };
  const started = host.start();
  await started;
  return app;
}

export type RunningApp = Awaited<ReturnType<typeof startApp>>;
