import { WasmerRuntimeError } from '@wasmer/wasi';
import { describe, expect, it } from 'vitest';
import { toPageEvent } from '../../../../wasm-pages/runtime/page-events.ts';
import { describeFailure, PageProtocolError } from '../../../../wasm-pages/runtime/page-failure.ts';
import { StdoutLines } from '../../../../wasm-pages/runtime/stdout-lines.ts';

describe('describeFailure', () => {
  it('reads traps, exits, ABI breaches and anything else thrown', () => {
    expect(describeFailure(new WebAssembly.RuntimeError('unreachable'), '')).toBe('trap: unreachable');
    // What wasmer throws for proc_exit: not an Error, no message.
    const exit: unknown = Object.create(WasmerRuntimeError.prototype);
    expect(describeFailure(exit, 'abort: no data in page.ts(3:5)\n')).toBe(
      'the page exited (abort or proc_exit): abort: no data in page.ts(3:5)',
    );
    expect(describeFailure(exit, '')).toBe('the page exited (abort or proc_exit)');
    // With the code the page passed to proc_exit (PageWasi records it).
    expect(describeFailure(exit, 'abort: no data in page.ts(3:5)\n', 255)).toBe(
      'the page exited with proc_exit(255): abort: no data in page.ts(3:5)',
    );
    expect(describeFailure(exit, '', 0)).toBe('the page exited with proc_exit(0)');
    expect(describeFailure(new PageProtocolError('page "p" broke the ABI'), 'ignored')).toBe(
      'page "p" broke the ABI',
    );
    expect(describeFailure(new RangeError('Maximum call stack size exceeded'), '')).toBe(
      'RangeError: Maximum call stack size exceeded',
    );
    expect(describeFailure({ ptr: 8 }, '')).toBe('the page threw object');
  });
});

describe('StdoutLines', () => {
  it('splits lines, keeps a partial line for later, and reads the shim console prefixes as levels', () => {
    const lines = new StdoutLines();
    expect(lines.push('hello\nWarning: slow\nError: bro')).toEqual([
      { level: 'info', message: 'hello' },
      { level: 'warn', message: 'slow' },
    ]);
    expect(lines.push('ken\nDebug: x\n')).toEqual([
      { level: 'error', message: 'broken' },
      { level: 'debug', message: 'x' },
    ]);
    expect(lines.push('tail')).toEqual([]);
    expect(lines.flush()).toEqual([{ level: 'info', message: 'tail' }]);
    expect(lines.flush()).toEqual([]);
  });
});

describe('toPageEvent', () => {
  it('drops what only the host needs and turns a history sync into a history event', () => {
    expect(
      toPageEvent({ type: 'arrow', world: 'wasm', nodeId: 7, focusKey: 'k', direction: 'left' }),
    ).toEqual({
      type: 'arrow',
      nodeId: 7,
      focusKey: 'k',
      direction: 'left',
    });
    expect(
      toPageEvent({
        type: 'history.sync',
        seq: 4,
        index: 0,
        entries: [{ key: 'e1', route: 'profiles', params: {}, world: 'wasm', focusKey: null }],
      }),
    ).toEqual({
      type: 'history',
      index: 0,
      entries: [{ key: 'e1', route: 'profiles', params: {}, world: 'wasm', focusKey: null }],
    });
    expect(toPageEvent({ type: 'data', requestId: 3, ok: false, status: 503, error: 'down' })).toEqual({
      type: 'data',
      requestId: 3,
      ok: false,
      status: 503,
      error: 'down',
    });
  });
});
