import { WASI } from '@wasmer/wasi';
import { WASI_IMPORT_MODULE } from './page-module.ts';

const isImportObject = (value: unknown): value is Record<string, Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

/**
 * One page's WASI preview1 (@wasmer/wasi: no args, no environment, stdout and stderr kept in
 * memory, an empty in-memory filesystem) that also remembers the code the page passed to
 * `proc_exit`. wasmer's own error for an exit is opaque (no message, no code), so without this
 * the crash report could not say how the page ended; the exit itself still runs wasmer's
 * `proc_exit`. The page is instantiated with WebAssembly's own API over wasmer's imports, then
 * bound to them (the path @wasmer/wasi documents for an instance made outside it).
 *
 * @example
 * const wasi = new PageWasi();
 * const instance = wasi.instantiate(module, { ficus: { emit } });
 * try { call(instance); } catch { console.log(wasi.exitCode); } // 255 after an AssemblyScript abort
 */
export class PageWasi {
  readonly wasi = new WASI({ args: [], env: {} });
  private code: number | null = null;

  /** The code of the page's `proc_exit`, once it called it; null until then. */
  get exitCode(): number | null {
    return this.code;
  }

  /** Instantiates `module` with this WASI and `imports` (the `ficus` namespace). Throws what instantiation throws. */
  instantiate(module: WebAssembly.Module, imports: WebAssembly.Imports): WebAssembly.Instance {
    const wasiImports = this.wasi.getImports(module);
    if (!isImportObject(wasiImports))
      throw new TypeError('@wasmer/wasi getImports did not return an import object');
    const preview1 = wasiImports[WASI_IMPORT_MODULE];
    const procExit = preview1?.['proc_exit'];
    if (preview1 !== undefined && typeof procExit === 'function') {
      const exit = procExit as (code: number) => unknown;
      preview1['proc_exit'] = (code: number) => {
        // An i32 from the page: the code as WASI means it, an unsigned 32-bit number.
        this.code = code >>> 0;
        return exit(code);
      };
    }
    const instance = new WebAssembly.Instance(module, { ...wasiImports, ...imports } as WebAssembly.Imports);
    this.wasi.instantiate(instance);
    return instance;
  }

  free(): void {
    this.wasi.free();
  }
}
