// An asc transform that makes AssemblyScript's minimal runtime safe to ship in a page module.
//
// Why: the incremental runtime (asc's default) keeps a shadow stack of every managed value a
// function holds, so its collector can run in the middle of a call; that bookkeeping is spilled
// around nearly every call site and is about 27 KB of a 65 KB page. The minimal runtime (two-colour
// mark & sweep over the same TLSF allocator) has no shadow stack: its collector sees only globals,
// so it may run only while no AssemblyScript frame is on the wasm stack, and it never runs by
// itself. The one such moment a module knows of is the return of an export to the host. This
// transform wraps every exported function so that, on its way out, it collects when the GC heap
// has grown enough since the last collection (the same "wait until memory doubled" rule as the
// incremental runtime's default idle factor). Pages and the SDK need not know about any of it.
import type { Parser } from 'assemblyscript';
import binaryen from 'assemblyscript/binaryen';
import { Transform } from 'assemblyscript/transform';

/** The internal names this transform relies on; asc 0.28's minimal runtime (std/assembly/rt/tcms.ts). */
const TCMS_TOTAL = '~lib/rt/tcms/total';
const TCMS_COLLECT = '~lib/rt/tcms/__collect';
/**
 * asc compiles only what something calls, so a tiny extra entry file calls `__collect` (its export is
 * dropped again below). `--exportRuntime` would do the same but also place __pin's and __unpin's
 * messages in the data segment for good, about 300 bytes.
 */
const KEEP_PATH = 'collect-on-return~keep.ts';
const KEEP_EXPORT = 'collect_on_return_keep';
const KEEP_SOURCE = `export function ${KEEP_EXPORT}(): void { __collect(); }\n`;
const LEAVE = 'ficus/collect-on-return/leave';
const DEPTH = 'ficus/collect-on-return/depth';
const THRESHOLD = 'ficus/collect-on-return/threshold';

/**
 * The heap may grow by at least this many bytes (and at least by what was live after the last
 * collection) before a returning export collects. Measured on the collections page: ~1.75 MB live
 * after loading, ~1.6 KB allocated per key press, so it collects about once per 1,000 presses, and
 * one collection takes ~2-8 ms on this machine. Small pages collect every 256 KB, in about a
 * millisecond, and their memory stays within the first 1 MB (the SDK's flat-memory test).
 */
export const MIN_GROWTH_BYTES = 256 * 1024;

import { COLLECT_ON_RETURN_FLAGS } from './asc-flags.ts';

export { COLLECT_ON_RETURN_FLAGS };

/** Raised when the compiled module is not what the transform expects (another runtime, another asc). */
export class CollectOnReturnError extends Error {
  constructor(message: string) {
    super(`collect-on-return: ${message}`);
    this.name = 'CollectOnReturnError';
  }
}

/**
 * The transform, for `asc.main`'s `transforms`. `startExport` is the reactor's `_initialize`, which
 * is left alone: it runs the page file's top level once, before any other call. (asc hands the
 * module to the binaryen.js it imports itself, the same instance as this file's import.)
 *
 * @example
 * await asc.main([entry, '--exportStart', '_initialize', ...COLLECT_ON_RETURN_FLAGS, '-o', 'page.wasm'],
 *   { transforms: [new CollectOnReturn('_initialize')], writeFile });
 */
export class CollectOnReturn extends Transform {
  constructor(private readonly startExport: string) {
    super();
  }

  override afterParse(parser: Parser): void {
    parser.parseFile(KEEP_SOURCE, KEEP_PATH, true);
  }

  override afterCompile(module: binaryen.Module): void {
    wrapExports(binaryen, module, this.startExport);
  }
}

function wrapExports(b: typeof binaryen, module: binaryen.Module, startExport: string): void {
  if (module.getGlobal(TCMS_TOTAL) === 0 || module.getFunction(TCMS_COLLECT) === 0)
    throw new CollectOnReturnError(
      `the module has no ${TCMS_TOTAL} / ${TCMS_COLLECT}: compile with ${COLLECT_ON_RETURN_FLAGS.join(' ')}`,
    );
  const exports = Array.from({ length: module.getNumExports() }, (_, i) =>
    b.getExportInfo(module.getExportByIndex(i)),
  );
  const { i32 } = b;
  const m = module;
  m.addGlobal(DEPTH, i32, true, m.i32.const(0));
  m.addGlobal(THRESHOLD, i32, true, m.i32.const(MIN_GROWTH_BYTES));
  const total = () => m.global.get(TCMS_TOTAL, i32);
  const depth = () => m.global.get(DEPTH, i32);
  const min = () => m.i32.const(MIN_GROWTH_BYTES);

  // One shared tail for every wrapper: leave the call, and collect if this was the outermost one
  // (the ABI has no re-entrancy, but a nested call must never collect under its caller's live
  // values) and the heap has grown enough. Next time: when the heap holds what is live now plus
  // as much again, and at least MIN_GROWTH_BYTES more.
  m.addFunction(
    LEAVE,
    b.none,
    b.none,
    [],
    m.block(null, [
      m.global.set(DEPTH, m.i32.sub(depth(), m.i32.const(1))),
      m.if(
        m.i32.and(m.i32.eqz(depth()), m.i32.ge_u(total(), m.global.get(THRESHOLD, i32))),
        m.block(null, [
          m.call(TCMS_COLLECT, [], b.none),
          m.global.set(THRESHOLD, m.i32.add(total(), m.select(m.i32.gt_u(total(), min()), total(), min()))),
        ]),
      ),
    ]),
  );

  // Re-add the exports in their original order (wrapped, or as they were), minus the keep-alive.
  for (const info of exports) m.removeExport(info.name);
  for (const info of exports) {
    if (info.name === KEEP_EXPORT) continue;
    if (info.kind !== b.ExternalFunction) {
      readdExport(b, m, info);
      continue;
    }
    if (info.name === startExport) {
      m.addFunctionExport(info.value, info.name);
      continue;
    }
    const fn = b.getFunctionInfo(m.getFunction(info.value));
    const params = b.expandType(fn.params);
    const returns = fn.results !== b.none;
    const resultLocal = params.length;
    const call = m.call(
      info.value,
      params.map((type, index) => m.local.get(index, type)),
      fn.results,
    );
    const body = m.block(
      null,
      [
        m.global.set(DEPTH, m.i32.add(depth(), m.i32.const(1))),
        returns ? m.local.set(resultLocal, call) : call,
        m.call(LEAVE, [], b.none),
        ...(returns ? [m.local.get(resultLocal, fn.results)] : []),
      ],
      fn.results,
    );
    const wrapper = `${info.value}~collect-on-return`;
    m.addFunction(wrapper, fn.params, fn.results, returns ? [fn.results] : [], body);
    m.addFunctionExport(wrapper, info.name);
  }
}

function readdExport(b: typeof binaryen, module: binaryen.Module, info: binaryen.ExportInfo): void {
  if (info.kind === b.ExternalMemory) module.addMemoryExport(info.value, info.name);
  else if (info.kind === b.ExternalGlobal) module.addGlobalExport(info.value, info.name);
  else if (info.kind === b.ExternalTable) module.addTableExport(info.value, info.name);
  else if (info.kind === b.ExternalTag) module.addTagExport(info.value, info.name);
  else throw new CollectOnReturnError(`export "${info.name}" has an unknown kind ${info.kind}`);
}
