import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppHost } from '../../../../host/boot/app-host.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { LEGACY_PAGES } from '../../../../legacy-react/pages/index.ts';
import { REFERENCE_PLAN } from '../../../../migration-plan/index.ts';
import { MANIFEST, scriptedWorker } from '../../../fuzz/scripted-wasm-world.ts';

// The host wires the WASM client's boundary to telemetry: what the worker sent malformed is
// dropped there (tests/fuzz) and recorded as `wasm.rejected`, so a lead sees it in the metrics.

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the app host and a malformed message from the WASM world', () => {
  it('records it as wasm.rejected telemetry naming the message, page and field', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const worker = scriptedWorker();
    const sent: string[] = [];
    const host = createAppHost({
      store: new SceneStore(),
      plan: REFERENCE_PLAN,
      legacyPages: LEGACY_PAGES,
      wasm: { startWorker: async () => worker, manifest: async () => MANIFEST },
      apiBase: 'http://backend.test',
      fetch: async (_input, init) => {
        sent.push(String(init?.body ?? ''));
        return new Response(null, { status: 204 });
      },
      capabilities: { webAssembly: true },
    });
    await host.wasm.start();
    worker.send({ type: 'log', page: 'profiles', key: 'k1', level: 'info', message: 3, source: 'page' });
    await host.telemetry.flush(0);
    host.telemetry.dispose();
    const events = sent.flatMap(
      (body) => (JSON.parse(body) as { events: { name: string; data: object }[] }).events,
    );
    expect(events.filter((event) => event.name === 'wasm.rejected')).toEqual([
      {
        name: 'wasm.rejected',
        at: expect.any(Number),
        data: { input: 'message', name: 'log', page: 'profiles', path: '.message' },
      },
    ]);
  });
});
