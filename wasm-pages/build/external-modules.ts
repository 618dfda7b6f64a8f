// Modules built outside the AssemblyScript build: a page (or example, or fixture) written in any
// language that compiles to a WASI reactor. Each lives in its own folder with a `wasm-module.json`
// descriptor that says what it is and either the command that builds it or the prebuilt `.wasm`
// to take as it is; the wasm build lists it in the manifest like every other module. How an
// author adds one: wasm-pages/examples/README.md.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import {
  ABI_VERSION,
  array,
  describeIssue,
  type Infer,
  object,
  oneOf,
  optional,
  RouteSchema,
  string,
  WASM_MODULE_KINDS,
  type WasmManifestEntry,
} from '../../bridge/index.ts';

/** The descriptor's file name, in the module's own folder. */
export const DESCRIPTOR_FILE = 'wasm-module.json';
/** Where the build looks for module folders (each `<folder>/<name>/wasm-module.json`). */
export const EXTERNAL_MODULE_FOLDERS = ['wasm-pages/pages', 'wasm-pages/examples'] as const;
/** Stands for the output file in `command`: the build picks the path and reads the module from it. */
export const OUT_PLACEHOLDER = '{out}';
/** A command that has not finished after this long is stopped and reported as failed. */
const COMMAND_TIMEOUT_MS = 10 * 60_000;

const word = string({ minLength: 1, maxLength: 4096 });

/** `wasm-module.json`. Exactly one of `command` and `prebuilt`. */
export const ExternalModuleDescriptorSchema = object({
  /** A page is served by the app under its folder's name as route; examples and fixtures are not. */
  kind: oneOf(WASM_MODULE_KINDS),
  /** Free text for the reader (JSON has no comments). */
  about: optional(string({ maxLength: 4096 })),
  /** Program and arguments, run in the module's folder; `{out}` is replaced by the file to write. */
  command: optional(array(word, { minLength: 1 })),
  /** A program whose output names the toolchain's version: a new toolchain rebuilds the module. */
  version: optional(array(word, { minLength: 1 })),
  /** Files or folders the command needs; any missing one skips the module, saying how to install it. */
  requires: optional(array(object({ path: word, install: word }))),
  /** A `.wasm` file in the folder, committed as it is, for toolchains the build does not run. */
  prebuilt: optional(
    string({ pattern: /^[A-Za-z0-9_.-]+\.wasm$/, patternName: 'a .wasm file name in the module folder' }),
  ),
});
export type ExternalModuleDescriptor = Infer<typeof ExternalModuleDescriptorSchema>;

/** One module folder with a valid descriptor. */
export interface ExternalModule {
  /** The manifest id: the folder's name for a page, `example-<name>` / `fixture-<name>` otherwise. */
  readonly id: string;
  readonly kind: WasmManifestEntry['kind'];
  readonly dir: string;
  readonly descriptor: ExternalModuleDescriptor;
}

/** Raised for a descriptor that cannot be used; names the file and what is wrong with it. */
export class ExternalModuleError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`wasm build: ${file}: ${problem}`);
    this.name = 'ExternalModuleError';
  }
}

function idFor(kind: WasmManifestEntry['kind'], name: string): string {
  return kind === 'page' ? name : `${kind}-${name}`;
}

function readDescriptor(root: string, dir: string): ExternalModule {
  const path = join(dir, DESCRIPTOR_FILE);
  const file = relative(root, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ExternalModuleError(file, `is not JSON (${error instanceof Error ? error.message : error})`);
  }
  const checked = ExternalModuleDescriptorSchema.check(parsed);
  if (!checked.ok) throw new ExternalModuleError(file, describeIssue(checked.issue));
  const descriptor = checked.value;
  const name = dir.split(/[\\/]/).at(-1) ?? '';
  // A page's folder name is its route; every id must fit the manifest's file names.
  const route = RouteSchema.check(name);
  if (!route.ok)
    throw new ExternalModuleError(file, `the folder name "${name}" is not a module id like "rust-hello"`);
  const { command, prebuilt } = descriptor;
  if ((command === undefined) === (prebuilt === undefined))
    throw new ExternalModuleError(
      file,
      'give exactly one of "command" (to build it) and "prebuilt" (a .wasm)',
    );
  if (command !== undefined && !command.some((part) => part.includes(OUT_PLACEHOLDER)))
    throw new ExternalModuleError(file, `"command" must name the output file as ${OUT_PLACEHOLDER}`);
  if (prebuilt !== undefined && !existsSync(join(dir, prebuilt)))
    throw new ExternalModuleError(file, `the prebuilt module "${prebuilt}" is not in ${relative(root, dir)}`);
  return { id: idFor(descriptor.kind, name), kind: descriptor.kind, dir, descriptor };
}

/**
 * Every module folder under EXTERNAL_MODULE_FOLDERS that holds a `wasm-module.json`, checked.
 *
 * @example
 * findExternalModules(root); // [{ id: 'rust-hello', kind: 'page', dir: '…/wasm-pages/examples/rust-hello', … }]
 */
export function findExternalModules(root: string): ExternalModule[] {
  return EXTERNAL_MODULE_FOLDERS.flatMap((folder) => {
    const base = join(root, folder);
    if (!existsSync(base)) return [];
    return readdirSync(base)
      .sort()
      .map((name) => join(base, name))
      .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, DESCRIPTOR_FILE)))
      .map((dir) => readDescriptor(root, dir));
  });
}

/**
 * What keeps the module from being built here, or null: the first required path that is missing,
 * with the descriptor's install hint.
 *
 * @example
 * missingRequirement(module); // "/usr/bin/rustc is missing (install it: apt-get install -y rustc)"
 */
export function missingRequirement(module: ExternalModule): string | null {
  const missing = (module.descriptor.requires ?? []).find((requirement) => !existsSync(requirement.path));
  return missing === undefined ? null : `${missing.path} is missing (install it: ${missing.install})`;
}

/** The module's source files: everything in its folder but notes (`*.md`) and dotfiles. */
function inputFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .filter((name) => !name.startsWith('.') && !name.endsWith('.md'))
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? inputFiles(path) : [path];
    });
}

const run = promisify(execFile);

function outputOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { stdout, stderr } = error as { stdout?: unknown; stderr?: unknown };
  const text = [stderr, stdout].filter((part) => typeof part === 'string' && part !== '').join('\n');
  return text || (error instanceof Error ? error.message : String(error));
}

/**
 * The hash of everything the module is made from: its folder's files, its descriptor (so the
 * command), the toolchain's version line and the ABI version. Unchanged means no rebuild.
 */
export async function externalInputHash(module: ExternalModule, root: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`external\nabi ${ABI_VERSION}\n`);
  const { version } = module.descriptor;
  if (version !== undefined) {
    const [program = '', ...args] = version;
    try {
      hash.update((await run(program, args, { cwd: module.dir })).stdout);
    } catch (error) {
      throw new ExternalModuleError(
        relative(root, join(module.dir, DESCRIPTOR_FILE)),
        `"version" failed: ${outputOf(error)}`,
      );
    }
  }
  for (const file of inputFiles(module.dir)) {
    hash.update(`${relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** What building one external module gave: its bytes, or the tool's output when it failed. */
export type ExternalBuild =
  | { readonly ok: true; readonly binary: Uint8Array }
  | { readonly ok: false; readonly output: string };

/**
 * Runs the module's command (in its folder, `{out}` a fresh temporary file) and reads what it
 * wrote, or reads its prebuilt `.wasm`. Never throws for a failing tool: it returns its output.
 *
 * @example
 * const built = await buildExternalModule(module);
 * if (!built.ok) throw new WasmBuildError(module.id, built.output);
 */
export async function buildExternalModule(module: ExternalModule): Promise<ExternalBuild> {
  const { command, prebuilt } = module.descriptor;
  if (prebuilt !== undefined)
    return { ok: true, binary: new Uint8Array(readFileSync(join(module.dir, prebuilt))) };
  if (command === undefined) return { ok: false, output: 'the descriptor has neither command nor prebuilt' };
  const scratch = mkdtempSync(join(tmpdir(), `ficus-${module.id}-`));
  try {
    const out = join(scratch, `${module.id}.wasm`);
    const [program = '', ...args] = command.map((part) => part.replaceAll(OUT_PLACEHOLDER, out));
    try {
      await run(program, args, { cwd: module.dir, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      return { ok: false, output: `${command.join(' ')}\n${outputOf(error)}` };
    }
    if (!existsSync(out))
      return { ok: false, output: `${command.join(' ')} succeeded but wrote no ${OUT_PLACEHOLDER}` };
    return { ok: true, binary: new Uint8Array(readFileSync(out)) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
