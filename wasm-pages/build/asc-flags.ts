// The AssemblyScript compiler's flags for page modules, in a module of their own: the build hashes
// them into every module's input hash without loading the compiler (a build with nothing to do
// must not pay its ~2-7 s load).

/** Options of `asc.main` that collect-on-return.ts needs, next to the page's own flags. */
export const COLLECT_ON_RETURN_FLAGS = ['--runtime', 'minimal'] as const;
/** The reactor's start export (TOOLCHAIN.md): the host calls it once after instantiation. */
export const START_EXPORT = '_initialize';
// Why each flag (issue 8, item 5: a page module is at most 40 KB raw):
// - `-Oz` (optimize level 2, shrink level 2): the smallest output of -O2/-O3/-Os/-Oz with and
//   without `--shrinkLevel`/`--converge` (-O3 alone is ~20% larger; `--converge` gained nothing).
// - `--runtime minimal` (see collect-on-return.ts): no shadow stack, ~27 KB less per page; the
//   transform collects garbage when an export returns to the host, the only safe moment.
// Left at asc's defaults on purpose (sizes measured on both pages): `--noAssert` (-0.8 KB, but a
// broken page would then run on instead of aborting with its message), `--uncheckedBehavior always`
// (-0.2 KB on profiles, but out-of-range indexing must keep aborting), `--lowMemoryLimit` (for
// modules under 64 KB of memory; collections uses MBs), `--disable` (sign-extension and
// nontrapping-f2i save 2 bytes, bulk-memory adds 100). asc writes no name section or source map
// without `--debug`/`--sourceMap`, and no bindings without `--bindings`.
export const ASC_FLAGS = ['--exportStart', START_EXPORT, '-Oz', ...COLLECT_ON_RETURN_FLAGS] as const;

/**
 * What a debug build adds (`npm run build:wasm -- --debug`, used by `npm run start:debug`): the
 * name section, so traps and the profiler show function names, plus a source map (asc's
 * `--sourceMap`, named by {@link sourceMapName}) that the dev server serves beside the module.
 */
export const DEBUG_FLAGS = ['--debug'] as const;

/** The source map of module `id`, next to it under `/wasm/` (the module's sourceMappingURL). */
export const sourceMapName = (id: string): string => `${id}.wasm.map`;

/** What one compile gives: the module, and its source map in a debug build. */
export interface CompiledModule {
  readonly binary: Uint8Array;
  readonly sourceMap: string | null;
}
