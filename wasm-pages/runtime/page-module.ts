import { PAGE_EXPORTS, PAGE_IMPORT_EMIT, PAGE_IMPORT_MODULE } from '../../bridge/index.ts';

export type PageLoadErrorCode =
  /** The module could not be downloaded: network failure or a non-OK status. */
  | 'fetch-failed'
  /** What came back is not WebAssembly (e.g. a server's index.html for a missing file). */
  | 'not-wasm'
  /** The bytes do not match the release manifest's sha256. */
  | 'digest-mismatch'
  | 'compile-failed'
  | 'missing-export'
  | 'bad-import'
  | 'wrong-abi-version'
  | 'instantiate-failed';

/** Why a page's module was refused before any of its code ran; `message` names the page and the fix. */
export interface PageLoadError {
  readonly page: string;
  readonly code: PageLoadErrorCode;
  readonly message: string;
}

/** A page's compiled module, checked against the ABI's exports and imports, not yet instantiated. */
export interface PageModule {
  readonly page: string;
  readonly module: WebAssembly.Module;
  /** Whether it imports `ficus.emit`: wasmer panics when given an import namespace the module lacks. */
  readonly importsEmit: boolean;
  /** Whether it imports WASI at all: wasmer cannot tell the WASI version of a module that imports none. */
  readonly importsWasi: boolean;
}

export type PageModuleResult =
  | { readonly ok: true; readonly module: PageModule }
  | { readonly ok: false; readonly error: PageLoadError };

export const WASI_IMPORT_MODULE = 'wasi_snapshot_preview1';

type ExportKind = 'function' | 'memory';
const REQUIRED_EXPORTS: readonly { readonly name: string; readonly kind: ExportKind }[] = Object.values(
  PAGE_EXPORTS,
).map((name) => ({ name, kind: name === PAGE_EXPORTS.memory ? 'memory' : 'function' }));

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// An ArrayBuffer-backed copy when needed: WebAssembly.compile refuses views of shared memory.
const ownBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : bytes.slice();

function missingExports(page: string, module: WebAssembly.Module): PageLoadError | null {
  const exported = new Map(WebAssembly.Module.exports(module).map((entry) => [entry.name, entry.kind]));
  const problems = REQUIRED_EXPORTS.filter(({ name, kind }) => exported.get(name) !== kind).map(
    ({ name, kind }) => {
      const actual = exported.get(name);
      return actual === undefined ? `${name} (a ${kind})` : `${name} (a ${kind}, but it is a ${actual})`;
    },
  );
  if (problems.length === 0) return null;
  const what = problems.length === 1 ? `export ${problems[0]}` : `exports ${problems.join(', ')}`;
  return {
    page,
    code: 'missing-export',
    message: `page "${page}" is missing ${what}: see wasm-pages/ABI.md section 2`,
  };
}

function badImport(page: string, module: WebAssembly.Module): PageLoadError | null {
  for (const entry of WebAssembly.Module.imports(module)) {
    const allowed =
      entry.kind === 'function' &&
      (entry.module === WASI_IMPORT_MODULE ||
        (entry.module === PAGE_IMPORT_MODULE && entry.name === PAGE_IMPORT_EMIT));
    if (!allowed) {
      return {
        page,
        code: 'bad-import',
        message:
          `page "${page}" imports ${entry.module}.${entry.name} (a ${entry.kind}), but a page may import only ` +
          `${WASI_IMPORT_MODULE}.* and ${PAGE_IMPORT_MODULE}.${PAGE_IMPORT_EMIT} functions: see wasm-pages/ABI.md section 3`,
      };
    }
  }
  return null;
}

/**
 * Checks a compiled module against the page ABI before anything is instantiated: every export of
 * ABI.md section 2 with the right kind, and no import but WASI and `ficus.emit`.
 *
 * @example
 * const result = checkPageModule('profiles', await WebAssembly.compile(bytes));
 * if (!result.ok) console.error(result.error.message); // page "profiles" is missing export ficus_frame (a function): ...
 */
export function checkPageModule(page: string, module: WebAssembly.Module): PageModuleResult {
  const error = missingExports(page, module) ?? badImport(page, module);
  if (error !== null) return { ok: false, error };
  const imports = WebAssembly.Module.imports(module);
  return {
    ok: true,
    module: {
      page,
      module,
      importsEmit: imports.some((entry) => entry.module === PAGE_IMPORT_MODULE),
      importsWasi: imports.some((entry) => entry.module === WASI_IMPORT_MODULE),
    },
  };
}

/** The error for bytes WebAssembly refused to compile. */
export const compileFailed = (page: string, byteLength: number, error: unknown): PageLoadError => ({
  page,
  code: 'compile-failed',
  message: `page "${page}" is not a valid WebAssembly module (${byteLength} bytes): ${describeError(error)}`,
});

/**
 * Compiles a page's bytes and checks them against the page ABI (`checkPageModule`).
 * The ABI version is checked later, on the first instantiation (it needs the page's code to run).
 *
 * @example
 * const result = await loadPageModule('profiles', bytes);
 * if (!result.ok) console.error(result.error.message); // page "profiles" is missing export ficus_frame (a function): ...
 */
export async function loadPageModule(page: string, bytes: Uint8Array): Promise<PageModuleResult> {
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(ownBytes(bytes));
  } catch (error) {
    return { ok: false, error: compileFailed(page, bytes.byteLength, error) };
  }
  return checkPageModule(page, module);
}
