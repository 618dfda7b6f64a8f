import { describe, expect, it } from 'vitest';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { FakeClock } from '../../../support/fake-clock.ts';
import { createWasmHarness, type WasmHarness } from '../../../support/wasm-harness.ts';

// What the parity test cannot show: the WASM port costs nothing while nothing changes. The world
// runs on a FakeClock as the worker runs on its own clock: frames right after each call, then only
// when the page asked for one (ABI.md section 2, "Frames on demand").
const backend = setupMockBackend();

function firstTitle() {
  const title = backend.catalog.titles[0];
  if (title === undefined) throw new Error('the catalog is empty');
  return title;
}

async function mountPlayback(params: Record<string, string>) {
  const clock = new FakeClock();
  const wasm = await createWasmHarness(['playback'], { clock });
  wasm.mount('playback', params);
  await wasm.settle();
  return { clock, wasm };
}

const batches = (wasm: WasmHarness) => wasm.messages.filter((m) => m.type === 'scene.batch').length;

/** The elapsed time under the bar (TIME_TEXT at x=80, y=878). */
const elapsed = (wasm: WasmHarness) => /text="([^"]*)" width=300 x=80 y=878/.exec(wasm.snapshot())?.[1];

function expectHealthy(wasm: WasmHarness) {
  expect(wasm.crashes()).toEqual([]);
  expect(wasm.rejected).toEqual([]);
  expect(wasm.messages.filter((m) => m.type === 'log')).toEqual([]);
}

describe('playback (WASM port): frames on demand', () => {
  it('while playing it asks for one frame a second, and each sends one batch', async () => {
    const { clock, wasm } = await mountPlayback({ id: firstTitle().id });
    wasm.focus.focusInitial();
    expect(clock.pending).toBe(1); // the next tick
    const before = batches(wasm);
    await clock.advance(10_000);
    expect(elapsed(wasm)).toBe('0:10');
    expect(batches(wasm) - before).toBe(10);
    expectHealthy(wasm);
  });

  it('paused, ended, on the error panel and without a title it asks for no frame at all', async () => {
    const playing = await mountPlayback({ id: firstTitle().id });
    playing.wasm.focus.focusInitial();
    playing.wasm.select(); // pause on the bar
    expect(playing.clock.pending).toBe(0);
    const before = batches(playing.wasm);
    await playing.clock.advance(60_000);
    expect(batches(playing.wasm)).toBe(before);
    playing.wasm.select(); // play: the clock comes back
    expect(playing.clock.pending).toBe(1);
    for (let i = 0; i < 800; i++) playing.wasm.press('right'); // past the end
    expect(playing.wasm.snapshot()).toContain('text="Ended"');
    expect(playing.clock.pending).toBe(0);
    expectHealthy(playing.wasm);

    backend.fail('playback', { kind: 'status', status: 500 });
    const failed = await mountPlayback({ id: firstTitle().id });
    expect(failed.wasm.snapshot()).toContain('Something went wrong');
    expect(failed.clock.pending).toBe(0);
    backend.reset();

    const untitled = await mountPlayback({});
    expect(untitled.wasm.snapshot()).toContain('No title was chosen to play');
    expect(untitled.clock.pending).toBe(0);
    expect(untitled.wasm.messages.filter((m) => m.type === 'data.request')).toEqual([]);
  });

  it('unmounting stops the clock', async () => {
    const { clock, wasm } = await mountPlayback({ id: firstTitle().id });
    expect(clock.pending).toBe(1);
    wasm.world.unmount('entry-playback');
    expect(clock.pending).toBe(0);
  });

  it('asks for /api/playback/<id> once and POSTs the start once to the telemetry sink', async () => {
    const title = firstTitle();
    const before = backend.telemetryEvents().length;
    const { clock, wasm } = await mountPlayback({ id: title.id });
    await clock.advance(5000);
    await wasm.settle();
    const data = { titleId: title.id, durationSeconds: title.durationMinutes * 60 };
    expect(wasm.messages.filter((m) => m.type === 'data.request')).toEqual([
      expect.objectContaining({ path: `/api/playback/${title.id}` }),
      expect.objectContaining({
        method: 'POST',
        path: '/api/telemetry',
        body: { events: [{ name: 'playback.start', at: expect.any(Number), data }] },
      }),
    ]);
    expect(backend.telemetryEvents().slice(before)).toEqual([
      { name: 'playback.start', at: expect.any(Number), data },
    ]);
    expect(wasm.messages.filter((m) => m.type === 'metric')).toEqual([]);
    expectHealthy(wasm);
  });
});
