import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { init, WASI } from '@wasmer/wasi';
import asc from 'assemblyscript/asc';
import {
  ABI_VERSION,
  PAGE_EXPORTS,
  PAGE_IMPORT_EMIT,
  PAGE_IMPORT_MODULE,
  type WasmManifest,
  type WasmManifestEntry,
  WasmManifestSchema,
} from '../../bridge/index.ts';
import { COLLECT_ON_RETURN_FLAGS, CollectOnReturn } from './collect-on-return.ts';
import {
  buildExternalModule,
  DESCRIPTOR_FILE,
  ExternalModuleError,
  externalInputHash,
  findExternalModules,
  missingRequirement,
} from './external-modules.ts';
import { pagesSummary, sizeLine } from './module-sizes.ts';
import { writeRelease } from './releases.ts';
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
}

/** Raised when a module does not compile; names the module and carries the compiler's output. */
export class WasmBuildError extends Error {
  constructor(
    readonly moduleId: string,
    readonly compilerOutput: string,
  ) {
    super(`wasm build: ${moduleId} failed to compile:\n${compilerOutput}`);
    this.name = 'WasmBuildError';
  }
}

const require = createRequire(import.meta.url);
const ascVersion = (
  JSON.parse(readFileSync(require.resolve('assemblyscript/package.json'), 'utf8')) as { version: string }
).version;
const wasiShimConfig = require.resolve('@assemblyscript/wasi-shim/asconfig.json');
/** The reactor's start export (TOOLCHAIN.md): the host calls it once after instantiation. */
const START_EXPORT = '_initialize';
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
const ASC_FLAGS = ['--exportStart', START_EXPORT, '-Oz', ...COLLECT_ON_RETURN_FLAGS] as const;
/** The transform's own source counts as a build input: changing its policy rebuilds every module. */
const TRANSFORM_SOURCE = readFileSync(new URL('./collect-on-return.ts', import.meta.url));

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

function inputHash(source: WasmSource, root: string): string {
  const hash = createHash('sha256');
  hash.update(`asc ${ascVersion}\nwasi-shim\n${ASC_FLAGS.join(' ')}\nabi ${ABI_VERSION}\n`);
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

async function compile(source: WasmSource): Promise<Uint8Array> {
  let binary: Uint8Array | undefined;
  const output: string[] = [];
  const stream = { write: (chunk: string | Uint8Array) => void output.push(String(chunk)) };
  // asc misreads the config's own relative `lib` when given an absolute config path, so it gets
  // one relative to the working directory, which is where asc resolves it from.
  const config = relative(process.cwd(), wasiShimConfig);
  const { error } = await asc.main(
    [source.entry, '--config', config, ...ASC_FLAGS, '--outFile', 'page.wasm'],
    {
      stdout: stream,
      stderr: stream,
      transforms: [new CollectOnReturn(START_EXPORT)],
      writeFile: (name, contents) => {
        if (name.endsWith('.wasm') && contents instanceof Uint8Array) binary = contents;
      },
    },
  );
  if (error !== null || binary === undefined)
    throw new WasmBuildError(source.id, output.join('') || String(error));
  return binary;
}

let wasiReady: Promise<void> | undefined;

/** Asks the module which ABI it speaks, the way the runtime will; null if it cannot say. */
async function abiVersionOf(binary: Uint8Array): Promise<number | null> {
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
  const outDir = options.outDir ?? join(root, 'dist/wasm');
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
  for (const source of sources) {
    const hash = inputHash(source, root);
    if (upToDate(source.id, hash)) continue;
    const started = performance.now();
    await store(source.id, source.kind, await compile(source), hash, started);
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
  const { release, created, keptFiles } = writeRelease(outDir, manifest, new Date());
  if (created) log(`wasm  release ${release} written (dist/wasm/releases/${release}.json)`);
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
