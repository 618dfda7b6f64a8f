import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Direction, decodeSceneBatch, type Params, WasmManifestSchema } from '../../bridge/index.ts';
import { FocusEngine } from '../../host/focus/focus-engine.ts';
import type { SceneOpError } from '../../host/scene/scene-op-error.ts';
import { SceneStore } from '../../host/scene/scene-store.ts';
import { snapshotScene } from '../../host/scene/snapshot.ts';
import { answerDataRequest, type DataEvent } from '../../host/wasm-world/data-requests.ts';
import { WasmWorld, type WorldClock } from '../../wasm-pages/runtime/wasm-world.ts';
import type { WasmWorldMessage } from '../../wasm-pages/runtime/world-messages.ts';
import { TEST_API_BASE } from './legacy-harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The bytes of a module the wasm build compiled (npm test's global setup builds them), from the
 * build's folder `dir` (default the project's dist/wasm).
 */
export function builtWasm(id: string, dir = join(ROOT, 'dist/wasm')): Uint8Array {
  const manifest = WasmManifestSchema.check(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (!manifest.ok) throw new Error(`${join(dir, 'manifest.json')} is malformed: ${manifest.issue.message}`);
  const entry = manifest.value.modules[id];
  if (entry === undefined)
    throw new Error(`the wasm build in ${dir} has no module "${id}" (run npm run build:wasm)`);
  return new Uint8Array(readFileSync(join(dir, entry.file)));
}

export interface WasmHarnessOptions {
  /**
   * Runs the world on this clock, as the worker does (frames on demand: one right after each call,
   * then when a page's timers ask), and `frame()` at the clock's time, which moves only when the
   * test moves it (tests/support/fake-clock.ts). Without one, `frame()` alone runs frames, each
   * 16 ms after the last.
   */
  readonly clock?: WorldClock;
  /** The backend's fetch for the page's data requests; the global fetch (msw in tests) when absent. */
  readonly fetch?: typeof fetch;
  /** The wasm build's folder to load the pages from (a build outside the project); default dist/wasm. */
  readonly wasmDir?: string;
}

/**
 * The WASM world (in-process, on real @wasmer/wasi and real compiled pages) wired to a real scene
 * store and focus engine the way the host wires it: batches applied per frame to world "wasm",
 * focus events and data answers delivered back, the backend reached through `fetch` (msw in tests).
 */
export async function createWasmHarness(pages: readonly string[], options: WasmHarnessOptions = {}) {
  const { clock } = options;
  const store = new SceneStore();
  const messages: WasmWorldMessage[] = [];
  const rejected: SceneOpError[] = [];
  const pendingData: Promise<{ key: string; event: DataEvent }>[] = [];
  const focus = new FocusEngine(store, 'wasm', { now: () => 0 });
  let now = 0;

  const world = new WasmWorld({
    ...(clock === undefined ? {} : { clock }),
    send(message) {
      messages.push(message);
      if (message.type === 'scene.batch') {
        const decoded = decodeSceneBatch(message.bytes);
        if (!decoded.ok) throw new Error(`the world sent an undecodable batch: ${decoded.error.message}`);
        const result = store.apply('wasm', decoded.ops);
        if (!result.ok) rejected.push(result.error);
        focus.sceneChanged();
      } else if (message.type === 'data.request') {
        const { key } = message;
        const backend = { apiBase: TEST_API_BASE, fetch: options.fetch ?? fetch };
        pendingData.push(answerDataRequest(message, backend).then((event) => ({ key, event })));
      }
    },
  });
  for (const page of pages) {
    const loaded = await world.load(page, builtWasm(page, options.wasmDir));
    if (!loaded.ok) throw new Error(loaded.error.message);
  }
  focus.onChange((event) => world.event(currentKey, event));
  let currentKey = '';

  const frame = () => {
    now = clock === undefined ? now + 16 : clock.now();
    return world.frame(now);
  };

  return {
    store,
    world,
    focus,
    messages,
    rejected,
    snapshot: () => snapshotScene(store, 'wasm'),
    requests: () =>
      messages.filter((m) => m.type === 'navigate' || m.type === 'back' || m.type === 'replace'),
    crashes: () => messages.filter((m) => m.type === 'crashed'),
    mount(route: string, params: Params = {}, key = `entry-${route}`) {
      currentKey = key;
      const result = world.mount(key, route, params);
      if (result.status !== 'mounted') throw new Error(`mount of ${route} failed: ${JSON.stringify(result)}`);
      frame();
      return key;
    },
    /** An arrow key, as the host handles it: move focus, or hand an unused arrow to the page. */
    press(direction: Direction) {
      const result = focus.move(direction);
      const focused = focus.focused;
      if (!result.moved && result.reason !== 'throttled' && focused !== null) {
        world.event(currentKey, { type: 'arrow', world: 'wasm', direction, ...focused });
      }
      frame();
      return result;
    },
    select() {
      const focused = focus.focused;
      if (focused === null) throw new Error('select(): nothing is focused');
      world.event(currentKey, { type: 'select', world: 'wasm', ...focused });
      frame();
    },
    focusedKey: () => focus.focused?.focusKey ?? null,
    /** Runs frames and answers data requests until the page has nothing left in flight. */
    async settle(rounds = 3) {
      for (let i = 0; i < rounds; i++) {
        while (pendingData.length > 0) {
          const answers = await Promise.all(pendingData.splice(0));
          for (const { key, event } of answers) world.event(key, event);
          frame();
        }
        frame();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    frame,
  };
}

export type WasmHarness = Awaited<ReturnType<typeof createWasmHarness>>;
