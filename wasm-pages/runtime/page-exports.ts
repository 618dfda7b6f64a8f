import { PAGE_EXPORTS } from '../../bridge/index.ts';

type ExportedFunction = (...args: number[]) => unknown;

/** A page instance's exports (ABI.md section 2), typed; results stay `unknown` until checked. */
export interface PageExports {
  readonly memory: WebAssembly.Memory;
  readonly initialize: () => unknown;
  readonly abiVersion: () => unknown;
  readonly alloc: (size: number) => unknown;
  readonly mount: (ptr: number, len: number) => unknown;
  readonly event: (ptr: number, len: number) => unknown;
  readonly frame: (nowMs: number) => unknown;
  readonly unmount: () => unknown;
}

/**
 * Picks the ABI's exports out of an instance. `loadPageModule` has already checked their kinds,
 * so a failure here means the module changed under us: it throws rather than returning.
 *
 * @example
 * const exports = pageExports(instance);
 * exports.frame(performance.now());
 */
export function pageExports(instance: WebAssembly.Instance): PageExports {
  const all = instance.exports;
  const fn = (name: string): ExportedFunction => {
    const value = all[name];
    if (typeof value !== 'function') throw new TypeError(`the page's export ${name} is not a function`);
    return value as ExportedFunction;
  };
  const memory = all[PAGE_EXPORTS.memory];
  if (!(memory instanceof WebAssembly.Memory))
    throw new TypeError(`the page's export memory is not a memory`);
  return {
    memory,
    initialize: fn(PAGE_EXPORTS.initialize),
    abiVersion: fn(PAGE_EXPORTS.abiVersion),
    alloc: fn(PAGE_EXPORTS.alloc),
    mount: fn(PAGE_EXPORTS.mount),
    event: fn(PAGE_EXPORTS.event),
    frame: fn(PAGE_EXPORTS.frame),
    unmount: fn(PAGE_EXPORTS.unmount),
  };
}
