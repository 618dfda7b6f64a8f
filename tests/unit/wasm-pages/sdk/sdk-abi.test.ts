import { init, WASI } from '@wasmer/wasi';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeValue, encodeValue, PageMessageSchema } from '../../../../bridge/index.ts';
import { exampleWasm, IDS } from './abi-host.ts';

// The SDK at the level of the raw ABI, with the smallest possible host (no runtime): @wasmer/wasi,
// `ficus.emit`, `_initialize`, then ficus_alloc + write + ficus_mount / ficus_event, ficus_frame.

interface RawExports {
  readonly memory: WebAssembly.Memory;
  readonly _initialize: () => void;
  readonly ficus_abi_version: () => number;
  readonly ficus_alloc: (size: number) => number;
  readonly ficus_mount: (ptr: number, len: number) => void;
  readonly ficus_event: (ptr: number, len: number) => void;
  readonly ficus_frame: (nowMs: number) => void;
  readonly ficus_unmount: () => void;
}

class RawHost {
  readonly emitted: { kind: number; bytes: Uint8Array }[] = [];
  readonly exports: RawExports;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    const wasi = new WASI({ args: [], env: {} });
    let memory: WebAssembly.Memory | undefined;
    const emit = (kind: number, ptr: number, len: number): void => {
      if (memory === undefined) throw new Error('emit before instantiation finished');
      this.emitted.push({ kind, bytes: new Uint8Array(memory.buffer, ptr, len).slice() });
    };
    const instance = wasi.instantiate(new WebAssembly.Module(bytes), { ficus: { emit } });
    this.exports = instance.exports as unknown as RawExports;
    memory = this.exports.memory;
    this.exports._initialize();
  }

  /** ABI.md section 6: alloc, write, hand over. Returns the pointer the page gave. */
  input(call: 'ficus_mount' | 'ficus_event', value: unknown): number {
    const bytes = encodeValue(value);
    const ptr = this.exports.ficus_alloc(bytes.length);
    new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
    this.exports[call](ptr, bytes.length);
    return ptr;
  }

  messages(): unknown[] {
    return this.emitted
      .filter((e) => e.kind === 2)
      .map(({ bytes }) => {
        const decoded = decodeValue(bytes);
        if (!decoded.ok) throw new Error(decoded.error.message);
        const checked = PageMessageSchema.check(decoded.value);
        if (!checked.ok) throw new Error(JSON.stringify(checked.issue));
        return checked.value;
      });
  }
}

const mountInput = { route: 'example', params: {}, ...IDS };

describe('SDK at the raw ABI', () => {
  beforeAll(async () => {
    await init();
  });

  it('exports exactly the ABI and speaks version 3', () => {
    const module = new WebAssembly.Module(exampleWasm('logging'));
    expect(
      WebAssembly.Module.exports(module)
        .map((e) => e.name)
        .sort(),
    ).toEqual(
      [
        '_initialize',
        'ficus_abi_version',
        'ficus_alloc',
        'ficus_event',
        'ficus_frame',
        'ficus_mount',
        'ficus_unmount',
        'memory',
      ].sort(),
    );
    const modules = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
    expect([...modules].sort()).toEqual(['ficus', 'wasi_snapshot_preview1']);
    expect(new RawHost(exampleWasm('logging')).exports.ficus_abi_version()).toBe(3);
  });

  it('sends messages (kind 2) at once and the scene (kind 1, one batch) when mount returns', () => {
    const host = new RawHost(exampleWasm('logging'));
    host.input('ficus_mount', mountInput);
    expect(host.emitted.map((e) => e.kind)).toEqual([2, 2, 1]);
    expect(host.messages()).toHaveLength(2);
  });

  it('takes input buffers back: the next input reuses the same buffer', () => {
    const host = new RawHost(exampleWasm('logging'));
    const first = host.input('ficus_mount', mountInput);
    const select = { type: 'select', nodeId: IDS.firstId, focusKey: 'log:button' };
    expect(host.input('ficus_event', select)).toBe(first);
    expect(host.input('ficus_event', select)).toBe(first);
    // A large input gets its own buffer, which is freed afterwards; small ones go back to the spare.
    const big = host.input('ficus_event', {
      type: 'history',
      entries: [],
      index: 0,
      padding: 'x'.repeat(100_000),
    });
    expect(big).not.toBe(first);
    expect(host.input('ficus_event', select)).toBe(first);
  });

  it('memory stays flat over thousands of events and frames', () => {
    const host = new RawHost(exampleWasm('logging'));
    host.input('ficus_mount', mountInput);
    const select = { type: 'select', nodeId: IDS.firstId, focusKey: 'log:button' };
    const run = (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        host.input('ficus_event', select);
        host.exports.ficus_frame(i * 16);
      }
      host.emitted.length = 0;
    };
    run(0, 500);
    const warm = host.exports.memory.buffer.byteLength;
    run(500, 5000);
    expect(host.exports.memory.buffer.byteLength).toBe(warm);
  });

  it('ignores events and frames after unmount, and sends nothing then', () => {
    const host = new RawHost(exampleWasm('logging'));
    host.input('ficus_mount', mountInput);
    host.exports.ficus_unmount();
    host.emitted.length = 0;
    host.input('ficus_event', { type: 'select', nodeId: IDS.firstId, focusKey: 'log:button' });
    host.exports.ficus_frame(16);
    expect(host.emitted).toEqual([]);
  });
});
