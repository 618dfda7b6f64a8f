import { beforeAll, describe, expect, it } from 'vitest';
import { WasmWorld } from '../../../../wasm-pages/runtime/wasm-world.ts';
import { fixtureWasms } from './fixture-wasm.ts';
import { WorldRecorder } from './world-recorder.ts';

// What a page gets from the host's WASI preview1 (ABI.md section 1), as a page sees it: the
// fixture wasi-probe calls each function at mount and prints what it answered (errno 0 is
// success) to stdout, which the world forwards as log lines.

let probe: Uint8Array;
beforeAll(async () => {
  ({ 'wasi-probe': probe } = await fixtureWasms(['wasi-probe']));
}, 120_000);

describe('the WASI a page gets', () => {
  it('answers the calls ABI.md lists: no args or environment, random bytes, clocks 0-3, empty stdin', async () => {
    const recorder = new WorldRecorder();
    const world = new WasmWorld({ send: recorder.listener });
    expect(await world.load('wasi-probe', probe)).toEqual({ ok: true, page: 'wasi-probe' });
    const mounted = world.mount('entry-1', 'wasi-probe', {});
    expect(mounted.status).toBe('mounted');
    const lines = recorder.ofType('log').map(({ message, source }) => `${source}: ${message}`);
    expect(lines).toEqual([
      // errno, then argc and the bytes of argv: one argument, the empty program name.
      'stdout: args_sizes_get=0 1 1',
      'stdout: environ_sizes_get=0 0 0',
      'stdout: random_get=0 bytes',
      ...[0, 1, 2, 3].flatMap((id) => [
        `stdout: clock_time_get ${id}=0 positive non-decreasing`,
        `stdout: clock_res_get ${id}=0`,
      ]),
      'stdout: sched_yield=0',
      // stdin is empty: zero bytes read.
      'stdout: fd_read 0=0 0',
      // 31 is EISDIR (fd 3 is the in-memory filesystem's preopened directory), 8 is EBADF.
      'stdout: fd_write 3=31',
      'stdout: fd_write 9=8',
      'stdout: fd_prestat_get 3=0',
    ]);
    // stderr is kept, not forwarded: it comes with a crash report (the probe traps on any event).
    const crashed = world.event('entry-1', { type: 'select', world: 'wasm', nodeId: 1, focusKey: 'x' });
    if (crashed.status !== 'crashed') throw new Error(`expected a crash, got ${crashed.status}`);
    expect(crashed.crash).toMatchObject({
      message: 'trap: unreachable',
      stderr: 'wasi-probe: stderr works\n',
    });
  });
});
