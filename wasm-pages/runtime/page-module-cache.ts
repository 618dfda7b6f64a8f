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
 * the whole session: a page whose module is already compiled (or still downloading) is not
 * fetched again, so a download the host stopped waiting for keeps going and serves the next
 * visit. A module that failed is forgotten, so the next request tries again.
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

  /** Compiled modules and downloads in flight. */
  get size(): number {
    return this.modules.size;
  }

  compile(page: string, source: PageModuleUrl | PageModuleBytes): Promise<PageModuleResult> {
    const key = `${page} ${source.sha256}`;
    let compiling = this.modules.get(key);
    if (compiling === undefined) {
      const started = compileSource(page, source);
      compiling = started;
      this.modules.set(key, started);
      void started.then((result) => {
        if (!result.ok && this.modules.get(key) === started) this.modules.delete(key);
      });
    }
    return compiling;
  }
}

// An ArrayBuffer-backed copy when needed: WebAssembly.compile and digest refuse views of shared memory.
const ownBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : bytes.slice();

const refusedAs = (page: string, error: ModuleFetchError): PageModuleResult => ({
  ok: false,
  error: { page, code: error.code, message: `page "${page}": ${error.message}` },
});

async function compileSource(
  page: string,
  source: PageModuleUrl | PageModuleBytes,
): Promise<PageModuleResult> {
  let bytes: Uint8Array<ArrayBuffer>;
  let compiled: Promise<WebAssembly.Module> | undefined;
  if (source.kind === 'url') {
    const fetched = await fetchModule(source);
    if (!fetched.ok) return refusedAs(page, fetched.error);
    bytes = fetched.bytes;
    compiled = fetched.compiled;
  } else {
    bytes = ownBytes(source.bytes);
    const refused = await checkModuleBytes(source.file, bytes, source.sha256, null);
    if (refused !== null) return refusedAs(page, refused);
  }
  let module: WebAssembly.Module;
  try {
    module = await (compiled ?? WebAssembly.compile(bytes));
  } catch (error) {
    return { ok: false, error: compileFailed(page, bytes.byteLength, error) };
  }
  return checkPageModule(page, module);
}
