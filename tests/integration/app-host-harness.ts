import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Comlink from 'comlink';
import type { HistorySync, WorldId } from '../../bridge/index.ts';
import { type AppHost, createAppHost } from '../../host/boot/app-host.ts';
import { SceneStore } from '../../host/scene/scene-store.ts';
import { LEGACY_PAGES } from '../../legacy-react/pages/index.ts';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import {
  type StartedWasmWorldWorker,
  startWasmWorldWorker,
} from '../../wasm-pages/runtime/start-worker-node.ts';
import { TEST_API_BASE } from '../support/legacy-harness.ts';

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
}

export async function startApp(options: StartAppOptions = {}) {
  const worker: StartedWasmWorldWorker = await startWasmWorldWorker();
  const wasmSyncs: HistorySync[] = [];
  const api = new Proxy(worker.api, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== 'event' || typeof value !== 'function') return value;
      return (key: string, event: { type: string }) => {
        if (event.type === 'history.sync') wasmSyncs.push(event as HistorySync);
        return (value as (k: string, e: unknown) => unknown).call(target, key, event);
      };
    },
  });
  const store = new SceneStore();
  const host: AppHost = createAppHost({
    store,
    plan: REFERENCE_PLAN,
    legacyPages: LEGACY_PAGES,
    wasm: {
      api,
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
    ...(options.initial === undefined ? {} : { initial: options.initial }),
  });
  await worker.api.connect(Comlink.proxy(host.wasm.receive));

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
    /** Waits, frame by frame, until the router is at rest and the visible page has focus. */
    async settled(what = 'the app to settle'): Promise<void> {
      for (let i = 0; i < 400; i++) {
        const world = host.focus.activeWorld;
        if (!host.router.isSwitching() && world !== null && host.focus.engines[world].focused !== null) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          if (!host.router.isSwitching()) return;
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
      host.router.stop();
      await worker.terminate();
    },
  };
  const started = host.start();
  await started;
  return app;
}

export type RunningApp = Awaited<ReturnType<typeof startApp>>;
