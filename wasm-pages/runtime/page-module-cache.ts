import {
  checkModuleBytes,
  fetchModule,
  type ModuleFetchError,
  type PageModuleBytes,
  type PageModuleUrl,
} from './module-source.ts';
import { checkPageModule, compileFailed, type PageModuleResult } from './page-module.ts';

/**
 * The compiled page modules of one worker, by page and content hash (the manifest's sha256), for
 * the whole session, each compiled only once its bytes matched that digest (`compileSource`). A
 * page whose module is already compiled (or still downloading) is not fetched again, so a
 * download the host stopped waiting for keeps going and serves the next visit. A module that
 * failed is forgotten, so the next request tries again.
 *
 * Only this thread's memory: Chromium no longer stores `WebAssembly.Module`s in IndexedDB, and
 * caches compiled code of its own only for modules over 128 KB (ours are smaller).
 *
 * @example
 * const cache = new PageModuleCache();
 * const result = await cache.compile('profiles', { kind: 'url', url, file, sha256 });
 * if (result.ok) PageInstance.instantiate(result.module, {});
 */
export class PageModuleCache {
  private readonly modules = new Map<string, Promise<PageModuleResult>>();

  /** @param fetchImpl how module URLs are fetched (a cache-first fetch in the browser worker, see module-bytes-cache.ts). */
  constructor(private readonly fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)) {}

  /** Compiled modules and downloads in flight. */
  get size(): number {
    return this.modules.size;
  }

  compile(page: string, source: PageModuleUrl | PageModuleBytes): Promise<PageModuleResult> {
    const key = `${page} ${source.sha256}`;
    let compiling = this.modules.get(key);
    if (compiling === undefined) {
      const started = compileSource(page, source, this.fetchImpl);
      compiling = started;
      this.modules.set(key, started);
      void started.then((result) => {
        if (!result.ok && this.modules.get(key) === started) this.modules.delete(key);
      });
    }
    return compiling;
  }
}

const refusedAs = (page: string, error: ModuleFetchError): PageModuleResult => {
  const message = `page "${page}": ${error.message}`;
  // A module the release did not vouch for is a security event, not just a failed load: said
  // here, where it is found, as an error (the host then serves the page in React and warns).
  if (error.code === 'digest-mismatch') console.error(`refused a WASM module: ${message}`);
  return { ok: false, error: { page, code: error.code, message } };
};

/**
 * Check, then compile: the bytes are verified against the manifest's digest first and only then
 * handed to `WebAssembly.compile`, so a module whose bytes the release does not vouch for is never
 * compiled, let alone instantiated (instantiation is where a module's code first runs: its start
 * function, then `_initialize`). The bytes compiled are the ones hashed: a download's body is
 * read into a buffer only this function holds, and bytes the host handed in are copied first, so
 * nobody can change them between the digest and the compile (both copy their input when called).
 */
async function compileSource(
  page: string,
  source: PageModuleUrl | PageModuleBytes,
  fetchImpl: typeof fetch,
): Promise<PageModuleResult> {
  let verified: Uint8Array<ArrayBuffer>;
  if (source.kind === 'url') {
    const fetched = await fetchModule(source, fetchImpl);
    if (!fetched.ok) return refusedAs(page, fetched.error);
    verified = fetched.bytes;
  } else {
    const own = source.bytes.slice();
    const refused = await checkModuleBytes(source.file, own, source.sha256, null);
    if (refused !== null) return refusedAs(page, refused);
    verified = own;
  }
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(verified);
  } catch (error) {
    return { ok: false, error: compileFailed(page, verified.byteLength, error) };
  }
  return checkPageModule(page, module);
}
