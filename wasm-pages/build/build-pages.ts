import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import {
  ABI_VERSION,
  PAGE_EXPORTS,
  PAGE_IMPORT_EMIT,
  PAGE_IMPORT_MODULE,
  type WasmManifest,
  type WasmManifestEntry,
  WasmManifestSchema,
} from '../../bridge/index.ts';
import { ASC_FLAGS, DEBUG_FLAGS, sourceMapName } from './asc-flags.ts';
import { WasmBuildError } from './build-error.ts';
import { compilePool } from './compile-pool.ts';
import {
  buildExternalModule,
  DESCRIPTOR_FILE,
  ExternalModuleError,
  externalInputHash,
  findExternalModules,
  missingRequirement,
} from './external-modules.ts';
import { pagesSummary, sizeLine } from './module-sizes.ts';
import { withProgress } from './progress.ts';
import { writeRelease } from './releases.ts';
import { DEBUG_OUT_DIR, servedSourceMap } from './source-maps.ts';
import { findWasmSources, type WasmSource } from './wasm-sources.ts';

export interface WasmBuildOptions {
  /** The project root (the folder holding wasm-pages/). */
  readonly root: string;
  /** Where the .wasm files and manifest.json go; default `<root>/dist/wasm`. */
  readonly outDir?: string;
  /** Build only the modules whose id passes. */
  readonly only?: (id: string) => boolean;
  /** Told one line per module; default: console.log. */
  readonly log?: (line: string) => void;
  /**
   * A debug build: names and a source map per module (`<id>.wasm.map` beside it, its sources as
   * dev-server URLs), into `dist/wasm-debug` by default. For `npm run start:debug`, never shipped.
   */
  readonly debug?: boolean;
  /**
   * Compile threads (asc is single-threaded); default 1, in this thread. `npm run build:wasm`
   * uses one per core (FICUS_WASM_WORKERS overrides).
   */
  readonly workers?: number;
}

export { WasmBuildError } from './build-error.ts';

const require = createRequire(import.meta.url);
const ascVersion = (
  JSON.parse(readFileSync(require.resolve('assemblyscript/package.json'), 'utf8')) as { version: string }
).version;
/** The transform's own source counts as a build input: changing its policy rebuilds every module. */
const TRANSFORM_SOURCE = readFileSync(new URL('./collect-on-return.ts', import.meta.url));

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

function inputHash(source: WasmSource, root: string, debug: boolean): string {
  const hash = createHash('sha256');
  const flags = debug ? [...ASC_FLAGS, ...DEBUG_FLAGS, '--sourceMap'] : ASC_FLAGS;
  hash.update(`asc ${ascVersion}\nwasi-shim\n${flags.join(' ')}\nabi ${ABI_VERSION}\n`);
  hash.update(TRANSFORM_SOURCE);
  for (const file of [...source.inputs].sort()) {
    hash.update(`${relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function readManifest(path: string): WasmManifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const checked = WasmManifestSchema.check(JSON.parse(readFileSync(path, 'utf8')));
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined; // an unreadable manifest only means everything is rebuilt
  }
}

let wasiReady: Promise<void> | undefined;

/** Asks the module which ABI it speaks, the way the runtime will; null if it cannot say. */
async function abiVersionOf(binary: Uint8Array): Promise<number | null> {
  // Loaded only when a module was built: a build with nothing to do never pays for it.
  const { init, WASI } = await import('@wasmer/wasi');
  wasiReady ??= init();
  await wasiReady;
  try {
    const module = await WebAssembly.compile(new Uint8Array(binary));
    const declared = WebAssembly.Module.imports(module).some(
      (i) => i.module === PAGE_IMPORT_MODULE && i.name === PAGE_IMPORT_EMIT,
    );
    const instance = new WASI({ args: [], env: {} }).instantiate(
      module,
      declared ? { [PAGE_IMPORT_MODULE]: { [PAGE_IMPORT_EMIT]: () => undefined } } : {},
    );
    const version = instance.exports[PAGE_EXPORTS.abiVersion];
    return typeof version === 'function' ? Number((version as () => number)()) : null;
  } catch {
    return null;
  }
}

/**
 * Compiles every WASM module of the project (pages, SDK examples, test fixtures, and modules of
 * other languages declared by a `wasm-module.json`, see external-modules.ts) into content-hashed
 * files plus `manifest.json`, skipping modules whose inputs did not change. A module of another
 * language whose toolchain is missing is skipped with a line saying what to install.
 *
 * @example
 * const manifest = await buildWasmPages({ root: process.cwd() });
 * manifest.modules.profiles.file; // "profiles.3f2a9c1b7d4e.wasm"
 */
export async function buildWasmPages(options: WasmBuildOptions): Promise<WasmManifest> {
  const { root, only = () => true, log = (line: string) => console.log(line) } = options;
  const debug = options.debug === true;
  const outDir = options.outDir ?? join(root, debug ? DEBUG_OUT_DIR : 'dist/wasm');
  const manifestPath = join(outDir, 'manifest.json');
  mkdirSync(outDir, { recursive: true });
  const previous = readManifest(manifestPath);
  const modules: Record<string, WasmManifestEntry> = {};

  const sources = findWasmSources(root).filter((source) => only(source.id));
  const external = findExternalModules(root).filter((module) => only(module.id));
  for (const module of external)
    if (sources.some((source) => source.id === module.id))
      throw new ExternalModuleError(
        relative(root, join(module.dir, DESCRIPTOR_FILE)),
        `the id "${module.id}" is already an AssemblyScript module's: rename the folder`,
      );
  const width = Math.max(0, ...[...sources, ...external].map((s) => s.id.length));
  /** Keeps the previous build of `id` when its inputs did not change; says whether it did. */
  const upToDate = (id: string, hash: string): boolean => {
    const before = previous?.modules[id];
    if (before === undefined || before.inputHash !== hash || !existsSync(join(outDir, before.file)))
      return false;
    modules[id] = before;
    log(`wasm  ${id.padEnd(width)}  up to date  ${sizeLine(before.kind, before.size)}`);
    return true;
  };
  const store = async (
    id: string,
    kind: WasmManifestEntry['kind'],
    binary: Uint8Array,
    hash: string,
    started: number,
  ) => {
    const digest = sha256(binary);
    const file = `${id}.${digest.slice(0, 12)}.wasm`;
    writeFileSync(join(outDir, file), binary);
    modules[id] = {
      kind,
      file,
      size: binary.length,
      sha256: digest,
      abiVersion: await abiVersionOf(binary),
      inputHash: hash,
    };
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`wasm  ${id.padEnd(width)}  built in ${seconds} s  ${sizeLine(kind, binary.length)}`);
  };
  const stale = sources
    .map((source) => ({ source, hash: inputHash(source, root, debug) }))
    .filter(({ source, hash }) => !upToDate(source.id, hash));
  if (stale.length === 0 && sources.length > 0) {
    log('wasm  nothing to compile: every AssemblyScript module is up to date (the compiler was not loaded)');
  }
  if (stale.length > 0) {
    // The compiler is loaded only now, on as many threads as pay (never more than modules).
    const pool = await compilePool(Math.min(options.workers ?? 1, stale.length), debug);
    try {
      await Promise.all(
        stale.map(async ({ source, hash }) => {
          let started = performance.now();
          const compiled = await pool.compile(
            source,
            () => {
              started = performance.now();
            },
            (work) => withProgress(source.id, log, work),
          );
          if (compiled.sourceMap !== null) {
            writeFileSync(join(outDir, sourceMapName(source.id)), servedSourceMap(compiled.sourceMap, root));
          }
          await store(source.id, source.kind, compiled.binary, hash, started);
        }),
      );
    } finally {
      await pool.close();
    }
  }
  // Modules of other languages (external-modules.ts): built by their own command, or prebuilt.
  for (const module of external) {
    const missing = missingRequirement(module);
    if (missing !== null) {
      log(`wasm  ${module.id.padEnd(width)}  skipped: ${missing}`);
      continue;
    }
    const hash = await externalInputHash(module, root);
    if (upToDate(module.id, hash)) continue;
    const started = performance.now();
    const built = await buildExternalModule(module);
    if (!built.ok) throw new WasmBuildError(module.id, built.output);
    await store(module.id, module.kind, built.binary, hash, started);
  }

  // Keep entries of modules this run was told to skip; drop files nothing refers to any more.
  for (const [id, entry] of Object.entries(previous?.modules ?? {})) {
    if (!only(id) && modules[id] === undefined && existsSync(join(outDir, entry.file))) modules[id] = entry;
  }
  const manifest: WasmManifest = { abiVersion: ABI_VERSION, modules };
  // A release is a set of pages: a build of examples or fixtures alone makes none.
  const hasPages = Object.values(modules).some((entry) => entry.kind === 'page');
  const { release, created, keptFiles } = hasPages
    ? writeRelease(outDir, manifest, new Date())
    : { release: null, created: false, keptFiles: new Set<string>() };
  if (created)
    log(`wasm  release ${release} written (${relative(root, join(outDir, 'releases', `${release}.json`))})`);
  const referenced = new Set([...Object.values(modules).map((entry) => entry.file), ...keptFiles]);
  for (const name of readdirSync(outDir))
    if (name.endsWith('.wasm') && !referenced.has(name)) rmSync(join(outDir, name));
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const pageSizes = Object.fromEntries(
    Object.entries(modules)
      .filter(([, entry]) => entry.kind === 'page')
      .map(([id, entry]) => [id, entry.size]),
  );
  if (Object.keys(pageSizes).length > 0) log(`wasm  ${pagesSummary(pageSizes)}`);
  return manifest;
}
