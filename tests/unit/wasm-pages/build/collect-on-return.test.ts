import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, WASI } from '@wasmer/wasi';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWasmPages } from '../../../../wasm-pages/build/build-pages.ts';
import { MIN_GROWTH_BYTES } from '../../../../wasm-pages/build/collect-on-return.ts';

// The wasm build compiles with AssemblyScript's minimal runtime, whose collector never runs by
// itself; wasm-pages/build/collect-on-return.ts collects when an export returns to the host. These
// modules are built by the real build (its flags and transform) from a scratch project.

/** Makes garbage: `count` fresh strings per call, of which it keeps only the last. */
const CHURN = `
@external("ficus", "emit") declare function emit(kind: i32, ptr: usize, len: i32): void;
let kept: string[] = [];
export function ficus_abi_version(): i32 { return 1; }
export function churn(count: i32): i32 {
  let last = "";
  for (let i = 0; i < count; i++) last = "item " + i.toString();
  kept = [last];
  return kept[0].length;
}
`;

/** Holds a fresh string only on the wasm stack while the host calls back into the module. */
const REENTRANT = `
@external("ficus", "emit") declare function emit(kind: i32, ptr: usize, len: i32): void;
export function ficus_abi_version(): i32 { return 1; }
export function outer(): i32 {
  const held = "held " + (1234567).toString();
  emit(0, 0, 0);
  return held == "held 1234567" ? 1 : 0;
}
export function churn(count: i32): void {
  let last = "";
  for (let i = 0; i < count; i++) last = "item " + i.toString();
}
`;

interface Built {
  readonly churn: Uint8Array<ArrayBuffer>;
  readonly reentrant: Uint8Array<ArrayBuffer>;
}
let built: Built;

beforeAll(async () => {
  await init();
  const root = mkdtempSync(join(tmpdir(), 'ficus-collect-'));
  const dir = join(root, 'tests/fixtures/wasm-pages');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'churn.ts'), CHURN);
  writeFileSync(join(dir, 'reentrant.ts'), REENTRANT);
  const manifest = await buildWasmPages({ root, log: () => undefined });
  const bytes = (id: string) => {
    const entry = manifest.modules[id];
    if (entry === undefined) throw new Error(`the scratch build has no ${id}`);
    return new Uint8Array(readFileSync(join(root, 'dist/wasm', entry.file)));
  };
  built = { churn: bytes('fixture-churn'), reentrant: bytes('fixture-reentrant') };
});

function instantiate(bytes: Uint8Array<ArrayBuffer>, emit: () => void = () => undefined) {
  const module = new WebAssembly.Module(bytes);
  // @wasmer/wasi traps on an import namespace the module does not declare (TOOLCHAIN.md).
  const usesEmit = WebAssembly.Module.imports(module).some((i) => i.module === 'ficus');
  const instance = new WASI({ args: [], env: {} }).instantiate(module, usesEmit ? { ficus: { emit } } : {});
  const exports = instance.exports;
  const initialize = exports['_initialize'];
  if (typeof initialize === 'function') initialize();
  return exports;
}

function call<T extends unknown[]>(exports: WebAssembly.Exports, name: string, ...args: T): unknown {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`the module has no export ${name}`);
  return fn(...args);
}

describe('collect-on-return (minimal runtime)', () => {
  it('exports exactly what the source exports: no runtime functions, no keep-alive', () => {
    const names = WebAssembly.Module.exports(new WebAssembly.Module(built.churn)).map((e) => e.name);
    expect(names.sort()).toEqual(['_initialize', 'churn', 'ficus_abi_version', 'memory']);
  });

  it('frees garbage between calls: memory stays flat while the module allocates ~100 MB', () => {
    const exports = instantiate(built.churn);
    const memory = exports['memory'];
    if (!(memory instanceof WebAssembly.Memory)) throw new Error('no memory export');
    // Each call allocates ~1000 strings (about 40 KB); 2500 calls are ~100 MB in all.
    for (let i = 0; i < 2500; i++) expect(call(exports, 'churn', 1000)).toBe('item 999'.length);
    expect(memory.buffer.byteLength).toBeLessThanOrEqual(8 * MIN_GROWTH_BYTES);
  });

  it('never collects inside a nested call, under values its caller still holds', () => {
    let exports: WebAssembly.Exports | undefined;
    // The host calls back in twice: the first call's return would collect (it made more than
    // MIN_GROWTH_BYTES of garbage), the second would reuse whatever that collection freed.
    const emit = () => {
      if (exports === undefined) throw new Error('emit before instantiation finished');
      const strings = Math.ceil((4 * MIN_GROWTH_BYTES) / 32);
      call(exports, 'churn', strings);
      call(exports, 'churn', strings);
    };
    exports = instantiate(built.reentrant, emit);
    for (let i = 0; i < 3; i++) expect(call(exports, 'outer')).toBe(1);
  });
});
