import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSceneBatch } from '../../../../bridge/index.ts';
import { FocusEngine } from '../../../../host/focus/focus-engine.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { answerDataRequest } from '../../../../host/wasm-world/data-requests.ts';
import {
  type StartedWasmWorldWorker,
  startWasmWorldWorker,
} from '../../../../wasm-pages/runtime/start-worker-node.ts';
import type { WasmWorldMessage } from '../../../../wasm-pages/runtime/world-messages.ts';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';
import { builtWasm } from '../../../support/wasm-harness.ts';

// The ported pages through the real WASM world worker (worker_threads + comlink), real
// @wasmer/wasi, the real compiled pages and the msw backend: the way the app will run them.

const backend = setupMockBackend();
let worker: StartedWasmWorldWorker;
const inbox: WasmWorldMessage[] = [];

beforeAll(async () => {
  worker = await startWasmWorldWorker();
  await worker.api.connect(Comlink.proxy((message: WasmWorldMessage) => void inbox.push(message)));
  for (const page of ['profiles', 'collections', 'details', 'settings']) {
    const bytes = builtWasm(page);
    const loaded = await worker.api.load(page, Comlink.transfer(bytes, [bytes.buffer]));
    expect(loaded.ok).toBe(true);
  }
}, 120_000);
afterAll(async () => {
  await worker?.terminate();
});

/** A host in miniature: applies batches, answers data requests, forwards focus events. */
async function hostFor(route: string, params: Record<string, string>) {
  const store = new SceneStore();
  const focus = new FocusEngine(store, 'wasm', { now: () => 0 });
  const key = `entry-${route}-${Math.random().toString(36).slice(2)}`;
  let now = 0;
  const pump = async () => {
    for (let round = 0; round < 20; round++) {
      const messages = inbox.splice(0);
      const answers = [];
      for (const message of messages) {
        if (message.type === 'scene.batch') {
          const decoded = decodeSceneBatch(message.bytes);
          if (!decoded.ok) throw new Error(decoded.error.message);
          const applied = store.apply('wasm', decoded.ops);
          if (!applied.ok) throw applied.error;
          focus.sceneChanged();
        } else if (message.type === 'data.request' && message.key === key) {
          answers.push(answerDataRequest(message, { apiBase: TEST_API_BASE, fetch }));
        } else {
          requests.push(message);
        }
      }
      for (const answer of await Promise.all(answers)) await worker.api.event(key, answer);
      now += 16;
      await worker.api.frame(now);
      if (messages.length === 0 && answers.length === 0 && inbox.length === 0) return;
    }
  };
  const requests: WasmWorldMessage[] = [];
  focus.onChange((event) => void worker.api.event(key, event));
  const mounted = await worker.api.mount(key, route, params);
  expect(mounted.status).toBe('mounted');
  now += 16;
  await worker.api.frame(now);
  await pump();
  return { store, focus, key, requests, pump };
}

describe('ported pages in the real worker', () => {
  it('profiles: draws the profiles from the backend and asks for collections on select', async () => {
    const host = await hostFor('profiles', {});
    expect(host.focus.focusInitial()).toBe(true);
    expect(host.focus.focused?.focusKey).toBe('profile:p1');
    host.focus.move('right');
    await host.pump();
    const focused = host.focus.focused;
    if (focused === null) throw new Error('nothing focused');
    await worker.api.event(host.key, { type: 'select', world: 'wasm', ...focused });
    await host.pump();
    expect(host.requests.filter((m) => m.type === 'navigate')).toEqual([
      { type: 'navigate', route: 'collections', params: { profile: 'p2' } },
    ]);
    expect(host.requests.filter((m) => m.type === 'crashed')).toEqual([]);
  });

  it('collections: draws rails of tiles and opens details on select', async () => {
    const host = await hostFor('collections', { profile: 'p1' });
    expect(host.focus.focusInitial()).toBe(true);
    expect(host.focus.focused?.focusKey).toMatch(/^tile:[^:]+:0$/);
    host.focus.move('down');
    await host.pump();
    const focused = host.focus.focused;
    if (focused === null) throw new Error('nothing focused');
    await worker.api.event(host.key, { type: 'select', world: 'wasm', ...focused });
    await host.pump();
    const navigations = host.requests.filter((m) => m.type === 'navigate');
    expect(navigations).toHaveLength(1);
    expect(navigations[0]).toMatchObject({ type: 'navigate', route: 'details' });
    expect(host.requests.filter((m) => m.type === 'crashed')).toEqual([]);
  });

  it('details: draws the title, starts on Play, and Play then Back ask for playback and back', async () => {
    const host = await hostFor('details', { id: 't0042' });
    expect(host.focus.focusInitial()).toBe(true);
    expect(host.focus.focused?.focusKey).toBe('details:play');
    const select = async () => {
      const focused = host.focus.focused;
      if (focused === null) throw new Error('nothing focused');
      await worker.api.event(host.key, { type: 'select', world: 'wasm', ...focused });
      await host.pump();
    };
    await select();
    host.focus.move('right');
    await host.pump();
    expect(host.focus.focused?.focusKey).toBe('details:back');
    await select();
    expect(host.requests.filter((m) => m.type === 'navigate' || m.type === 'back')).toEqual([
      { type: 'navigate', route: 'playback', params: { id: 't0042' } },
      { type: 'back' },
    ]);
    expect(host.requests.filter((m) => m.type === 'crashed')).toEqual([]);
  });

  it('settings: draws the settings, saves a toggle with PUT (the backend holds it), and Back asks for back', async () => {
    const host = await hostFor('settings', {});
    expect(host.focus.focusInitial()).toBe(true);
    expect(host.focus.focused?.focusKey).toBe('setting:subtitles');
    const select = async () => {
      const focused = host.focus.focused;
      if (focused === null) throw new Error('nothing focused');
      await worker.api.event(host.key, { type: 'select', world: 'wasm', ...focused });
      await host.pump();
    };
    const before = backend.settings().find((setting) => setting.id === 'subtitles')?.value;
    await select();
    expect(backend.settings().find((setting) => setting.id === 'subtitles')?.value).toBe(!before);
    for (let i = 0; i < 4; i++) {
      host.focus.move('down');
      await host.pump();
    }
    expect(host.focus.focused?.focusKey).toBe('settings:back');
    await select();
    expect(host.requests.filter((m) => m.type === 'back')).toEqual([{ type: 'back' }]);
    expect(host.requests.filter((m) => m.type === 'crashed')).toEqual([]);
  });
});
