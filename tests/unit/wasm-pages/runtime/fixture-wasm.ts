import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { WasmManifestSchema } from '../../../../bridge/index.ts';

// The AssemblyScript fixture pages of tests/fixtures/wasm-pages/, compiled. First choice: the
// project's wasm build (wasm-pages/build, run by vitest's global setup), which writes
// `fixture-<name>` modules to dist/wasm/ with a manifest. Fallback, when that output is missing
// (e.g. a run without the global setup): asc with the command of TOOLCHAIN.md, cached under
// node_modules/.cache/ficus-fixtures/ by a hash of the sources and flags.

const ROOT = resolve(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/wasm-pages');
const BUILD_OUTPUT = join(ROOT, 'dist/wasm');
const CACHE = join(ROOT, 'node_modules/.cache/ficus-fixtures');
const ASC = join(ROOT, 'node_modules/assemblyscript/bin/asc.js');
// Relative to ROOT on purpose: asc 0.28 resolves the shim's `lib` wrongly from an absolute --config path.
const ASC_FLAGS = [
  '--config',
  './node_modules/@assemblyscript/wasi-shim/asconfig.json',
  '--exportStart',
  '_initialize',
  '-O3',
];
/** A compile lock older than this was left by a killed run. */
const STALE_LOCK_MS = 60_000;

export const FIXTURE_PAGES = [
  'ok-page',
  'trap-on-select',
  'abort-on-mount',
  'exit-on-mount',
  'wasi-probe',
  'missing-export',
  'wrong-abi',
  'bad-ids',
  'bad-message',
] as const;
export type FixturePage = (typeof FIXTURE_PAGES)[number];

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The fixture as the project's wasm build wrote it, if it did (checked against the manifest's hash). */
function fromBuild(name: FixturePage): Uint8Array | null {
  const manifestPath = join(BUILD_OUTPUT, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = WasmManifestSchema.check(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const entry = manifest.ok ? manifest.value.modules[`fixture-${name}`] : undefined;
  if (entry === undefined || !existsSync(join(BUILD_OUTPUT, entry.file))) return null;
  const bytes = new Uint8Array(readFileSync(join(BUILD_OUTPUT, entry.file)));
  return sha256(bytes) === entry.sha256 ? bytes : null;
}

function inputHash(name: FixturePage): string {
  const hash = createHash('sha256');
  const ascPackage = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/assemblyscript/package.json'), 'utf8'),
  ) as {
    version: string;
  };
  hash.update(`asc ${ascPackage.version} ${ASC_FLAGS.slice(2).join(' ')}\n`);
  hash.update(readFileSync(join(FIXTURES, `${name}.ts`)));
  const lib = join(FIXTURES, 'lib');
  for (const file of readdirSync(lib).sort())
    if (file.endsWith('.ts')) hash.update(readFileSync(join(lib, file)));
  return hash.digest('hex').slice(0, 16);
}

async function compile(name: FixturePage, output: string): Promise<void> {
  const temporary = `${output}.${process.pid}.tmp`;
  try {
    await run(process.execPath, [ASC, join(FIXTURES, `${name}.ts`), ...ASC_FLAGS, '--outFile', temporary], {
      cwd: ROOT,
    });
  } catch (error) {
    const stderr =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`asc could not compile fixture ${name}:\n${stderr || String(error)}`);
  }
  renameSync(temporary, output); // atomic: a concurrent reader sees no file or the whole file
}

/**
 * The fixture compiled by asc itself, from the cache when its inputs did not change. Test files
 * running in parallel share one compile through a lock file.
 *
 * @example
 * const bytes = await compileFixtureWithAsc('ok-page');
 */
export async function compileFixtureWithAsc(name: FixturePage): Promise<Uint8Array> {
  mkdirSync(CACHE, { recursive: true });
  const output = join(CACHE, `${name}.${inputHash(name)}.wasm`);
  const lock = `${output}.lock`;
  while (!existsSync(output)) {
    let owner: number;
    try {
      owner = openSync(lock, 'wx');
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
        rmSync(lock, { force: true });
      await sleep(100);
      continue;
    }
    try {
      if (!existsSync(output)) await compile(name, output);
    } finally {
      closeSync(owner);
      rmSync(lock, { force: true });
    }
  }
  return new Uint8Array(readFileSync(output));
}

/**
 * The compiled bytes of one fixture page: the wasm build's output, or a cached asc compile.
 *
 * @example
 * const bytes = await fixtureWasm('ok-page');
 */
export async function fixtureWasm(name: FixturePage): Promise<Uint8Array> {
  return fromBuild(name) ?? (await compileFixtureWithAsc(name));
}

/** Several fixtures at once (compiled in parallel when they have to be compiled). */
export async function fixtureWasms<const N extends FixturePage>(
  names: readonly N[],
): Promise<Record<N, Uint8Array>> {
  const compiled = await Promise.all(names.map(async (name) => [name, await fixtureWasm(name)] as const));
  return Object.fromEntries(compiled) as Record<N, Uint8Array>;
}
