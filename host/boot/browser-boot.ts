import type { ComponentType } from 'react';
import { apiPaths, type WasmManifestEntry } from '../../bridge/index.ts';
import { LEGACY_PAGES } from '../../legacy-react/pages/index.ts';
import { cohortOf, findPage, type Plan, pageIds } from '../../migration-plan/index.ts';
import { followBrowserHistory } from '../../router/browser-history.ts';
import { entryUrl, parseLocation } from '../../router/url.ts';
import { watchWorkerBus } from '../devtools/bus-tap.ts';
import { devtoolsRequested, inspectRequested } from '../devtools/devtools-flags.ts';
import type { FrameSample } from '../devtools/devtools-sources.ts';
import { installDevtools } from '../devtools/install-devtools.ts';
import { Listeners } from '../devtools/listeners.ts';
import type { InspectionRecord } from '../devtools/router-inspector.ts';
import { actionForKey } from '../input/key-map.ts';
import { DomPainter } from '../painter/dom-painter.ts';
import { SceneStore } from '../scene/scene-store.ts';
import { type PrestartedWasmWorld, prestartWasmWorld } from '../wasm-world/wasm-prestart.ts';
import { type AppHost, createAppHost } from './app-host.ts';
import { InputTrace } from './input-trace.ts';
import { MotionPreference, REDUCED_MOTION_QUERY } from './motion-preference.ts';
import { RemoteRollout } from './remote-rollout.ts';
import { WASM_UPDATED_EVENT, wasmUpdatedIds } from './wasm-updated-event.ts';

export interface BrowserBootOptions {
  readonly container: HTMLElement;
  readonly plan: Plan;
  /** Where the WASM build is served (manifest.json and the modules). */
  readonly wasmBase: string;
  /** The WASM world's worker, manifest and first module, started before boot (default: started now). */
  readonly wasmWorld?: PrestartedWasmWorld;
  /** How long the WASM world may leave a call unanswered before its worker is restarted; default 2000 ms. */
  readonly wasmDeadlineMs?: number;
  /** The React world's pages by route; default the reference app's (LEGACY_PAGES). */
  readonly legacyPages?: Readonly<Record<string, ComponentType>>;
  /** Manifest entry kinds the WASM world may load as pages; default `page` (the example browser adds `example`). */
  readonly wasmModuleKinds?: readonly WasmManifestEntry['kind'][];
}

/** Where the device's id lives: its rollout cohort is `cohortOf(id)` (migration-plan/cohort.ts). */
const DEVICE_ID_KEY = 'ficus.device';

/** A stable id for this device, for its rollout cohort. */
function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_ID_KEY);
    if (id === null) {
      id = crypto.randomUUID();
      localStorage.setItem(DEVICE_ID_KEY, id);
    }
    return id;
  } catch {
    return 'no-storage';
  }
}

/**
 * Boots the app in a browser: the painter on `container`, the WASM world in a module worker (a fresh
 * one if it hangs), the React world on this thread, the router following and driving browser
 * history, the keyboard (arrows, Enter, Back on Escape/Backspace), and an animation frame only
 * when something changed (input, a batch, a focus change, a page to reveal).
 *
 * @example
 * await bootBrowserApp({ container: document.getElementById('app')!, plan: REFERENCE_PLAN, wasmBase: '/wasm/' });
 */
export async function bootBrowserApp(options: BrowserBootOptions) {
  const { container, plan, wasmBase } = options;
  const wasmWorld = options.wasmWorld ?? prestartWasmWorld({ base: wasmBase });
  const store = new SceneStore();
  // Reduced motion: the platform's preference, or the app's "Reduce motion" setting as the
  // backend answers it to the pages (and to the one read at start, below).
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION_QUERY) : null;
  const painter = new DomPainter(container, store, {
    visibleWorld: null,
    reducedMotion: media?.matches === true,
  });
  const motion = new MotionPreference({ media, onChange: (reduced) => painter.setReducedMotion(reduced) });
  const fetch = motion.tapFetch(globalThis.fetch.bind(globalThis));

  const location = parseLocation(
    window.location.pathname,
    window.location.search,
    pageIds(plan),
    plan.rootRoute,
  );
  // An unknown route goes to the router, which refuses it (counted) and opens the root page.
  if (!location.ok && location.error.route === undefined)
    console.warn(`${location.error.message}; starting at "${plan.rootRoute}"`);
  const overrides = location.ok ? location.value.worldOverrides : {};

  // Frames only on change: one requestAnimationFrame when the host asks, none while nothing changes.
  let host: AppHost | undefined;
  let frameAsked = false;
  /** Each frame's main-thread time, for the devtools; measured only while they watch. */
  const frames = new Listeners<FrameSample>();
  const paintFrame = (time: number) => {
    frameAsked = false;
    if (host === undefined) return;
    if (!frames.active) {
      void host.frame(time);
      return;
    }
    // frame() does all its work before it first awaits: this is the frame's whole cost.
    const started = performance.now();
    void host.frame(time);
    frames.emit({ world: host.focus.activeWorld, ms: performance.now() - started });
  };
  const scheduleFrame = () => {
    if (frameAsked) return;
    frameAsked = true;
    requestAnimationFrame(paintFrame);
  };
  const trace = new InputTrace();
  (globalThis as { __ficusTrace?: InputTrace }).__ficusTrace = trace;
  const search = window.location.search;
  // ?inspect: the router's machine, watched with XState's inspector (a chunk of its own).
  const inspect = inspectRequested(search) ? await routerInspector() : undefined;
  const device = deviceId();
  // Rollout and kill switches from the backend over the plan, read now and every minute.
  const rollout = new RemoteRollout({
    plan,
    fetch: globalThis.fetch.bind(globalThis),
    apiBase: '',
    storage: globalThis.localStorage,
  });
  rollout.follow();

  host = createAppHost({
    store,
    scheduleFrame,
    trace,
    plan,
    legacyPages: options.legacyPages ?? LEGACY_PAGES,
    wasm: {
      startWorker: wasmWorld.startWorker,
      ...(options.wasmDeadlineMs === undefined ? {} : { watchdog: { deadlineMs: options.wasmDeadlineMs } }),
      manifest: wasmWorld.manifest,
      moduleUrl: wasmWorld.moduleUrl,
      release: wasmWorld.release,
      ...(options.wasmModuleKinds === undefined ? {} : { moduleKinds: options.wasmModuleKinds }),
    },
    release: () => wasmWorld.release.current(),
    rollout: () => rollout.current(),
    apiBase: '',
    fetch,
    capabilities: { webAssembly: typeof WebAssembly === 'object' },
    overrides,
    cohort: cohortOf(device),
    view: painter,
    ...(inspect === undefined ? {} : { inspect }),
    ...(location.ok
      ? { initial: { route: location.value.route, params: location.value.params } }
      : location.error.route === undefined
        ? {}
        : { initial: { route: location.error.route, params: {} } }),
  });
  // The worker starts with host.start() below; a worker that fails to start leaves React pages.

  const started = host;
  // Which release runs and why, fallbacks and the release proving itself: for leads' telemetry.
  wasmWorld.onReleaseEvent(({ name, ...data }) => started.telemetry.record(name, data, performance.now()));
  // Input → paint per key press, in the world that answered (a held key: one sample per 100 ms).
  let lastLatency = Number.NEGATIVE_INFINITY;
  trace.observe((press) => {
    const { keydown, painted } = press.hops;
    if (keydown === undefined || painted === undefined || painted - lastLatency < 100) return;
    lastLatency = painted;
    const page = started.router.visible()?.route ?? 'none';
    started.telemetry.record(
      'input.latency',
      { page, world: press.world, key: press.key, ms: Math.round(painted - keydown) },
      painted,
    );
  });
  // Read-only, for the browser soak (tests/soak) and devtools: the router's history, the React world's copy.
  (globalThis as { __ficus?: object }).__ficus = {
    history: () => started.router.history(),
    legacyHistory: () => started.legacy.world.historyCopy.current,
    switching: () => started.router.isSwitching(),
    /** Where the rollout in use came from (`plan`, `cache`, `backend`) and the pages killed. */
    rollout: () => ({ source: rollout.source(), killed: [...(rollout.current()?.killed ?? [])] }),
    release: () => wasmWorld.release.current(),
  };
  // Browser history follows the router's committed stack (a deep link's parents included).
  const browserHistory = followBrowserHistory(
    started.router,
    {
      pushState: (state, url) => history.pushState(state, '', url),
      replaceState: (state, url) => history.replaceState(state, '', url),
      go: (delta) => history.go(delta),
    },
    { session: `${performance.timeOrigin}-${Math.random()}`, urlOf: (entry) => entryUrl(entry, overrides) },
  );
  window.addEventListener('popstate', (event) => browserHistory.popstate(event.state));
  window.addEventListener('keydown', (event) => {
    const action = actionForKey(event.key);
    if (action === undefined) return;
    event.preventDefault();
    trace.begin(event.key, started.focus.activeWorld ?? 'legacy', event.timeStamp);
    started.input(action, event.repeat);
  });

  // The devtools overlay (host/devtools/README.md): offered under `vite` and with ?devtools; a
  // production start without the flag does not even listen for its key.
  if (import.meta.env.DEV || devtoolsRequested(search))
    installDevtools(
      {
        host: started,
        pageOf: (route) => findPage(rollout.current()?.plan ?? plan, route),
        device: { storageKey: DEVICE_ID_KEY, id: device },
        trace,
        watchFrames: (listener) => frames.add(listener),
        watchBus: watchWorkerBus,
        // The release id rides along with the modules the world loads from (host/releases/).
        manifest: async () => ({
          release: wasmWorld.release.current(),
          ...((await wasmWorld.manifest()) as object),
        }),
      },
      { open: devtoolsRequested(search), keys: window, document },
    );

  // Live reload under `npm start`: a WASM page's module was rebuilt (wasm-live-reload-plugin.ts).
  import.meta.hot?.on(WASM_UPDATED_EVENT, (data) => {
    void reloadWasmPages(started, wasmWorld, data);
  });

  // The viewer's reduce-motion setting holds from the first page, before any page reads settings.
  void fetch(apiPaths.settings()).catch((error: unknown) =>
    console.warn(`settings not read at start (reduced motion follows the platform only): ${String(error)}`),
  );
  scheduleFrame();
  await started.start();
  return started;
}

/**
 * A new build of some WASM modules: read the release again, let their next mounts load the new
 * modules, and serve the page on screen again if it is one of them (same history entry, focus
 * kept where the new page has the key).
 */
async function reloadWasmPages(host: AppHost, wasmWorld: PrestartedWasmWorld, data: unknown): Promise<void> {
  const ids = wasmUpdatedIds(data);
  if (ids.length === 0) return;
  await wasmWorld.refresh();
  host.wasm.modulesChanged(ids);
  const shown = host.router.visible();
  if (shown?.world === 'wasm' && ids.includes(shown.route)) {
    console.info(`[ficus] ${shown.route} rebuilt: reloading the page`);
    host.router.reload();
  }
}

/** The `inspect` option for `?inspect`: records in `window.__ficusInspect`, lines on console.debug. */
async function routerInspector() {
  const { createRouterInspector } = await import('../devtools/router-inspector.ts');
  const records: InspectionRecord[] = [];
  (globalThis as { __ficusInspect?: unknown }).__ficusInspect = records;
  return createRouterInspector({ records, log: (line) => console.debug(line) });
}
