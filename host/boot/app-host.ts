import type { ComponentType } from 'react';
import {
  type FocusChangeEvent,
  type HistoryEntry,
  type Params,
  WORLD_IDS,
  type WorldId,
} from '../../bridge/index.ts';
import type { LegacyWorldMessage } from '../../legacy-react/index.ts';
import {
  type AppliedRollout,
  CircuitBreaker,
  type CircuitBreakerOptions,
  chooseWorld,
  type Plan,
  pageIds,
  parentPages,
  type WorldChoice,
} from '../../migration-plan/index.ts';
import type { RouterPorts, UrlSyncMode } from '../../router/ports.ts';
import { createRouter, type Router, type RouterOptions } from '../../router/router.ts';
import type { InputAction } from '../input/key-map.ts';
import type { SceneStore } from '../scene/scene-store.ts';
import { FocusController } from './focus-controller.ts';
import type { InputTrace } from './input-trace.ts';
import { LegacyWorldClient } from './legacy-world-client.ts';
import { TelemetryQueue } from './telemetry-queue.ts';
import { type WasmPageReport, WasmWorldClient, type WasmWorldClientOptions } from './wasm-world-client.ts';
import type { WorldClients } from './world-client.ts';

/** The longest a focus move waits for the page's answer before the ring is painted alone. */
const FOCUS_ANSWER_WAIT_MS = 50;

/**
 * The world every page can fall back to (the React pages stay as the fallback): a page served
 * there is not one the circuit breaker counts, since there is nowhere further to send it.
 */
const FALLBACK_WORLD: WorldId = 'legacy';

/** What pages of either world report to the host, besides their scene and data requests. */
type PageReport = Exclude<LegacyWorldMessage, { type: 'scene.ops' }> | WasmPageReport;

/** What the app host paints through (the DomPainter in a browser; nothing in Node tests). */
export interface AppView {
  setVisibleWorld(world: WorldId | null): void;
  setPage(world: WorldId, pageId: string | null): void;
  setFocused(world: WorldId, id: number | null): void;
  paint(): void;
}

export interface AppHostOptions {
  readonly store: SceneStore;
  readonly plan: Plan;
  readonly legacyPages: Readonly<Record<string, ComponentType>>;
  /** How to start the WASM world's worker (again after a hang), where its modules are, its watchdog. */
  readonly wasm: Omit<WasmWorldClientOptions, 'onMessage' | 'onRestart' | 'onRejected' | 'apiBase' | 'fetch'>;
  readonly apiBase: string;
  readonly fetch: typeof fetch;
  readonly capabilities: { readonly webAssembly: boolean };
  readonly overrides?: Readonly<Record<string, WorldId>>;
  readonly cohort?: number;
  readonly view?: AppView;
  /** Makes the browser's history follow the router (pushState & co.); absent in Node tests. */
  readonly followUrl?: (entry: HistoryEntry, mode: UrlSyncMode) => void;
  /** The page to start on (a deep link); default the plan's root. */
  readonly initial?: { readonly route: string; readonly params: Params };
  /** The WASM pages' circuit breaker: backoff after a crash, crashes before legacy for the session. */
  readonly breaker?: Omit<CircuitBreakerOptions, 'onChange'>;
  readonly now?: () => number;
  /**
   * Asks for one frame (requestAnimationFrame in a browser). The host calls it only when something
   * changed: a batch arrived, input moved focus, a page is to be revealed, someone awaits a frame.
   * Absent, whoever drives `frame()` decides (Node tests call it in a loop).
   */
  readonly scheduleFrame?: () => void;
  /** How long `start()` waits for the WASM world's worker before starting the router anyway (default 10 s). */
  readonly workerStartBudgetMs?: number;
  /** Records each key press hop by hop (the browser boot exposes it to the browser bench). */
  readonly trace?: InputTrace;
  /** Watches the router's navigation machine (XState's inspection API; `?inspect` in a browser). */
  readonly inspect?: RouterOptions['inspect'];
  /** The WASM release this session runs (host/releases/), for telemetry; null or absent: the build's own. */
  readonly release?: () => string | null;
  /**
   * The backend's rollout over the plan (RemoteRollout), read at every navigation: a percent or
   * kill switch changed there applies from the next navigation on. Absent: the plan alone.
   */
  readonly rollout?: () => AppliedRollout | undefined;
}

/**
 * The composition root's engine, DOM-free: both worlds, the scene store, focus across worlds, the
 * router and its ports, the frame step and input handling. The browser boot adds the painter,
 * keyboard, animation frames and browser history; Node integration tests drive it directly.
 *
 * @example
 * const host = createAppHost({ store, plan: REFERENCE_PLAN, legacyPages: LEGACY_PAGES, wasm, ... });
 * await host.start();
 * host.input({ kind: 'move', direction: 'right' });
 * await host.frame(16);
 */
export function createAppHost(options: AppHostOptions) {
  const { store, view, trace } = options;
  const requestFrame = () => options.scheduleFrame?.();
  const breaker = new CircuitBreaker({
    ...options.breaker,
    onChange: (change) =>
      telemetry.record(
        `breaker.${change.to}`,
        { page: change.page, from: change.from, crashes: change.crashes },
        change.at,
      ),
  });
  const now = options.now ?? (() => performance.now());
  const createdAt = now();
  const telemetry = new TelemetryQueue({ apiBase: options.apiBase, fetch: options.fetch });
  /** The key of the page each world shows (events for a world go to that page). */
  const shownKey: Partial<Record<WorldId, string>> = {};
  const frameWaiters: Array<() => void> = [];
  /** Mounts waiting for their first frame; a crash before it rejects them. */
  const mounting = new Map<string, { readonly world: WorldId; readonly reject: (reason: Error) => void }>();
  let worldToShow: WorldId | null = null;
  /** The world the view shows now. */
  let shownWorld: WorldId | null = null;
  let router: Router;

  /**
   * Focus marks waiting for the next frame. The ring moves in the same frame as the page's answer
   * (a focused tile's restyle, the hero's new title), so a key press costs one render, not two.
   */
  const focusMarks: { readonly world: WorldId; readonly id: number | null; answered: boolean }[] = [];
  /** The page's answer to its focus events is in (or was waited for long enough): its marks may be painted. */
  const focusAnswered = (world: WorldId) => {
    let any = false;
    for (const mark of focusMarks) {
      if (mark.world === world && !mark.answered) {
        mark.answered = true;
        any = true;
      }
    }
    if (any) requestFrame();
  };
  const deliverFocusEvent = (event: FocusChangeEvent) => {
    const mark = { world: event.world, id: event.type === 'focus' ? event.nodeId : null, answered: false };
    focusMarks.push(mark);
    if (event.type === 'focus') {
      trace?.hop('focusMoved');
      trace?.hop('eventSent');
    }
    const key = shownKey[event.world];
    const answer = key === undefined ? undefined : clients[event.world].event(key, event);
    if (!(answer instanceof Promise)) {
      // Answered within the call (the React world), or no page to ask: its batch asks for the frame.
      mark.answered = true;
      requestFrame();
      return;
    }
    // The worker answers in about a millisecond with one batch for the press's blur and focus:
    // the ring moves in the frame that applies it, or after FOCUS_ANSWER_WAIT_MS, so it never
    // waits long on a slow or busy world.
    const fallback = setTimeout(() => focusAnswered(event.world), FOCUS_ANSWER_WAIT_MS);
    void answer.finally(() => {
      clearTimeout(fallback);
      focusAnswered(event.world);
    });
  };
  const focus = new FocusController(store, deliverFocusEvent);

  /** Requests and reports from the pages of either world (scene batches and data go elsewhere). */
  const onPageMessage = (world: WorldId, message: PageReport) => {
    switch (message.type) {
      case 'navigate':
        router.navigate(message.route, message.params, world);
        return;
      case 'replace':
        router.replace(message.route, message.params, world);
        return;
      case 'back':
        router.back();
        return;
      case 'crashed': {
        const keys = clients[world].keysOf(message.page);
        for (const key of keys) {
          const pending = mounting.get(key);
          if (pending !== undefined) pending.reject(new Error(message.message));
          else router.pageCrashed(world, key, message.message);
        }
        console.error(
          `page "${message.page}" crashed in the ${world} world (${message.phase}): ${message.message}`,
        );
        telemetry.record(
          'page.crashed',
          { page: message.page, world, phase: message.phase, message: message.message.slice(0, 200) },
          now(),
        );
        return;
      }
      case 'metric':
        telemetry.record(
          'page.metric',
          { page: message.page, name: message.name, value: message.value },
          now(),
        );
        return;
      case 'log': {
        // Every line reaches the console at its own level, named by world and page (stdout lines,
        // the page's console.log, are told apart); warnings and errors also go to telemetry.
        const from = `${world}:${message.page}${message.source === 'stdout' ? ' stdout' : ''}`;
        console[message.level](`[${from}] ${message.message}`);
        if (message.level === 'warn' || message.level === 'error')
          telemetry.record(
            message.level === 'error' ? 'page.error' : 'page.warn',
            { page: message.page, message: message.message.slice(0, 200) },
            now(),
          );
        return;
      }
    }
  };

  const legacy = new LegacyWorldClient({
    pages: options.legacyPages,
    apiBase: options.apiBase,
    fetch: options.fetch,
    onMessage: (message) => onPageMessage('legacy', message),
    onBatch: () => {
      trace?.hop('pageEmitted');
      requestFrame();
    },
  });
  const wasm = new WasmWorldClient({
    ...options.wasm,
    apiBase: options.apiBase,
    fetch: options.fetch,
    onMessage: (message) => onPageMessage('wasm', message),
    onBatch: () => {
      trace?.hop('pageEmitted');
      focusAnswered('wasm');
      requestFrame();
    },
    onSlow: (slow) =>
      telemetry.record(
        'wasm.slow',
        { call: slow.call, elapsedMs: slow.elapsedMs, budgetMs: slow.budgetMs },
        now(),
      ),
    // Something malformed from the worker was dropped at the boundary (the client logged it).
    onRejected: (rejected) =>
      telemetry.record(
        'wasm.rejected',
        { input: rejected.input, name: rejected.name, page: rejected.page ?? '', path: rejected.path },
        now(),
      ),
    // A hung worker was replaced (its pages reported crashed, so the router already moved on with
    // their focus): the fresh worker starts from an empty scene and reuses the node ids.
    onRestart: () => {
      store.clear('wasm');
      focus.sceneChanged('wasm');
      requestFrame();
    },
  });

  /** Both worlds' clients, by world: the host treats them alike. */
  const clients: WorldClients = { legacy, wasm };

  const nextFrame = () =>
    new Promise<void>((resolve) => {
      frameWaiters.push(resolve);
      requestFrame();
    });

  /** The last world choice per route and the rule that decided it (the router keeps only the world). */
  const worldChoices = new Map<string, WorldChoice>();
  /** Ties this app's `page.served` events together, so a collector counts sessions and viewer time. */
  const session = globalThis.crypto.randomUUID();
  /** When each entry's mount began: `page.served` says how long the switch to it took. */
  const mountStarted = new Map<string, number>();
  let served = 0;
  const ports: RouterPorts = {
    chooseWorld: (route) => {
      const rollout = options.rollout?.();
      const choice = chooseWorld(rollout?.plan ?? options.plan, {
        route,
        capabilities: options.capabilities,
        overrides: options.overrides ?? {},
        cohort: options.cohort ?? 0,
        brokenWasmPages: breaker.openPages(now()),
        ...(rollout === undefined ? {} : { killedWasmPages: rollout.killed }),
      });
      worldChoices.set(route, choice);
      return choice.world;
    },
    loadWorld: async () => undefined,
    async mountOffscreen(world, entry) {
      mountStarted.set(entry.key, now());
      const firstFrame = new Promise<void>((resolve, reject) => {
        mounting.set(entry.key, { world, reject });
        void (async () => {
          try {
            await clients[world].mount(entry.key, entry.route, entry.params, true);
            await nextFrame();
            resolve();
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        })();
      });
      try {
        await firstFrame;
        if (world !== FALLBACK_WORLD) breaker.recordSuccess(entry.route, now());
      } finally {
        mounting.delete(entry.key);
      }
    },
    reveal(world, entry) {
      void clients[world].setVisible(entry.key, true);
      shownKey[world] = entry.key;
      // The world swap waits for the frame that shows the page, so no frame is blank.
      worldToShow = world;
      view?.setPage(world, entry.route);
      requestFrame();
      // Another world than the chosen one serves a page only after the chosen one failed it.
      const choice = worldChoices.get(entry.route);
      const reason = choice?.world === world ? choice.reason : 'fallback';
      const at = now();
      const started = mountStarted.get(entry.key);
      mountStarted.delete(entry.key);
      // The first page's switch is the app's start: from the host's creation, not the mount.
      const switchMs = Math.round(at - (served === 0 ? createdAt : (started ?? at)));
      telemetry.record(
        'page.served',
        {
          page: entry.route,
          world,
          reason,
          session,
          cohort: options.cohort ?? 0,
          release: options.release?.() ?? 'build',
          [served === 0 ? 'startMs' : 'switchMs']: switchMs,
        },
        at,
      );
      served++;
    },
    unmount(world, entry) {
      if (shownKey[world] === entry.key) delete shownKey[world];
      void clients[world].unmount(entry.key);
    },
    handOverFocus: (world, _entry, focusKey) => focus.handOver(world, focusKey),
    syncHistory(sync) {
      for (const world of WORLD_IDS) void clients[world].syncHistory(sync);
    },
    syncUrl: (entry, mode) => options.followUrl?.(entry, mode),
    currentFocusKey: () => focus.viewerFocusKey(),
    pageFailed(world, entry, reason) {
      telemetry.record(
        'page.fallback',
        { page: entry.route, from: world, reason: reason.slice(0, 200) },
        now(),
      );
      if (world !== FALLBACK_WORLD) breaker.recordCrash(entry.route, now());
      console.warn(`page "${entry.route}" failed in the ${world} world: ${reason}`);
    },
    navigationRefused(refusal) {
      console.warn(refusal.message);
      telemetry.record(
        'navigation.refused',
        { route: refusal.route, from: refusal.origin, request: refusal.request },
        now(),
      );
    },
  };

  router = createRouter(ports, {
    rootRoute: options.plan.rootRoute,
    routes: pageIds(options.plan),
    parentsOf: (page) => parentPages(options.plan, page),
    ...(options.initial === undefined ? {} : { initial: options.initial }),
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  });

  return {
    store,
    router,
    focus,
    legacy,
    wasm,
    breaker,
    telemetry,
    /** The device's rollout cohort, as the world choice uses it. */
    cohort: options.cohort ?? 0,
    /**
     * The world last chosen for `route` and why (`chooseWorld`'s reason), or undefined before its
     * first visit. The entry's own `world` may differ: a fallback after a crash serves it in legacy.
     *
     * @example
     * host.worldChoice('collections'); // { world: 'wasm', reason: 'rollout' }
     */
    worldChoice: (route: string): WorldChoice | undefined => worldChoices.get(route),
    /** Starts the WASM world's worker, then the router on the first page. */
    async start(): Promise<void> {
      let waitForWorld: ReturnType<typeof setTimeout> | undefined;
      // The first page must not wait on a worker that fails or never comes up: after a bounded
      // wait the router starts anyway, and WASM pages are served by React until the world is up.
      const worldUp = await Promise.race([
        wasm.start().then(
          () => true,
          (error: unknown) => {
            console.error(
              `the WASM world did not start (${error instanceof Error ? error.message : String(error)}); its pages are served by React`,
            );
            return false;
          },
        ),
        new Promise<false>((resolve) => {
          waitForWorld = setTimeout(() => resolve(false), options.workerStartBudgetMs ?? 10_000);
        }),
      ]);
      clearTimeout(waitForWorld);
      if (!worldUp) telemetry.record('wasm.unavailable', {}, now());
      await router.start();
    },
    /** Stops the router and the WASM world's worker. */
    async stop(): Promise<void> {
      router.stop();
      telemetry.dispose();
      await wasm.stop();
    },
    /**
     * One frame: the batches both worlds sent since the last one are applied, focus is kept valid,
     * the view paints. Frames are asked for through `scheduleFrame` only when something changed;
     * the WASM world runs its pages' frames on its own clock and sends batches as they come.
     */
    async frame(_time: number): Promise<void> {
      let applied = false;
      const applyBatches = (world: WorldId) => {
        const client = clients[world];
        const batches = client.takeBatches();
        if (batches.length === 0) return;
        for (const ops of batches) {
          const result = store.apply(world, ops);
          if (!result.ok) console.error(result.error.message);
        }
        applied = true;
        focus.sceneChanged(world);
      };
      // While the other world's page is on its way, the world on screen keeps its last picture:
      // the old page's removal waits for the frame that swaps worlds, so no frame is blank.
      const leaving =
        worldToShow !== null && shownWorld !== null && worldToShow !== shownWorld ? shownWorld : null;
      for (const world of WORLD_IDS) if (world !== leaving) applyBatches(world);
      // Swap once the revealed page is on top of its world, the frame its focus lands in.
      if (worldToShow !== null && focus.pageArrived(worldToShow)) {
        view?.setVisibleWorld(worldToShow);
        shownWorld = worldToShow;
        worldToShow = null;
      }
      if (leaving !== null && worldToShow === null) applyBatches(leaving);
      if (applied) trace?.hop('batchApplied');
      for (const resolve of frameWaiters.splice(0)) resolve();
      // Marks still waiting for their page's answer stay for the frame that applies it.
      const waiting = focusMarks.findIndex((mark) => !mark.answered);
      for (const { world, id } of focusMarks.splice(0, waiting === -1 ? focusMarks.length : waiting))
        view?.setFocused(world, id);
      view?.paint();
      trace?.painted();
      // Not awaited: sending telemetry must never hold a frame back.
      void telemetry.flushIfDue(now());
    },
    /** A key press: page keys are dropped while the router switches pages, so none reaches the wrong page. */
    input(action: InputAction, repeat = false): void {
      // Back goes to the router, which may supersede a switch in progress; page keys wait for rest.
      if (action.kind === 'back') {
        router.back();
        return;
      }
      if (router.isSwitching()) return;
      const world = focus.activeWorld;
      if (world === null) return;
      const focused = focus.engines[world].focused;
      const key = shownKey[world];
      if (action.kind === 'move') {
        if (focus.move(action.direction, repeat) || focused === null) return;
        trace?.hop('eventSent');
        const arrow = { type: 'arrow', world, direction: action.direction, ...focused } as const;
        if (key !== undefined) void clients[world].event(key, arrow);
        return;
      }
      if (focused === null) return;
      trace?.hop('eventSent');
      const select = { type: 'select', world, ...focused } as const;
      if (key !== undefined) void clients[world].event(key, select);
    },
  };
}

export type AppHost = ReturnType<typeof createAppHost>;
