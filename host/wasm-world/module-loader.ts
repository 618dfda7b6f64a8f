import {
  type PageLoadOutcome,
  type WasmManifest,
  type WasmManifestEntry,
  WasmManifestSchema,
} from '../../bridge/index.ts';
import { type PageModuleSource, refusedAbiVersion } from '../../wasm-pages/runtime/module-source.ts';
import type { ReleaseHooks } from '../releases/release-session.ts';
import { type DeadlineTimer, withModuleDeadline } from './module-deadline.ts';
import type { WasmWorldRejection } from './world-rejection.ts';

/** The release's module itself is wrong (not in it, a wrong ABI, digest, not WebAssembly, does not compile). */
export class ReleaseModuleRefused extends Error {
  override readonly name = 'ReleaseModuleRefused';
}

/** Where page modules come from, and how long loading one may take. */
export interface ModuleLoaderOptions {
  /** Reads the build's manifest (fetch in a browser, a file under Node). */
  readonly manifest: () => Promise<unknown>;
  /** Where the worker fetches a module itself (browsers); without it `moduleBytes` reads it here. */
  readonly moduleUrl?: (file: string) => string;
  readonly moduleBytes?: (file: string) => Promise<Uint8Array>;
  /** How long a page's module may take to load (default 4000 ms) before its mount fails. */
  readonly moduleLoad?: { readonly deadlineMs?: number; readonly timer?: DeadlineTimer };
  /** A malformed manifest was refused (for telemetry). */
  readonly onRejected?: (rejection: WasmWorldRejection) => void;
  /**
   * The release the manifest is (releases over the air): told of a failed load, it may switch to
   * the last known-good release, and the load is tried once more from the new manifest.
   */
  readonly release?: Pick<ReleaseHooks, 'loadFailed'>;
  /** The kinds of manifest entry it may load as a page; default pages only (the example browser adds `example`). */
  readonly moduleKinds?: readonly WasmManifestEntry['kind'][];
}

const PAGES_ONLY: readonly WasmManifestEntry['kind'][] = ['page'];

/**
 * Loads page modules into the WASM world on demand, once per worker: the manifest entry (own
 * entries only, of an ABI version the world speaks, refused before a byte is fetched), then the
 * module, under one deadline. Past the deadline the mount fails (React serves the visit) while the
 * worker keeps the download going and caches the compiled module by content hash, so the next
 * visit's load joins it or finds it done.
 *
 * @example
 * const modules = new ModuleLoader(options, (route, source) => call('load', route, source));
 * await modules.load('profiles'); // rejects with a reason naming the page
 * modules.forget();               // a fresh worker: everything loads again on demand
 */
export class ModuleLoader {
  private manifest: WasmManifest | undefined;
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(
    private readonly options: ModuleLoaderOptions,
    /** Asks the current worker to load a module (under the watchdog, its answer checked). */
    private readonly loadInWorker: (route: string, source: PageModuleSource) => Promise<PageLoadOutcome>,
  ) {}

  /** Loads the page's module (once per worker); rejects with a reason naming the page. */
  load(route: string): Promise<void> {
    let loading = this.loaded.get(route);
    if (loading === undefined) {
      const attempt = this.loadModule(route);
      loading = attempt;
      this.loaded.set(route, attempt);
      attempt.catch(() => {
        if (this.loaded.get(route) === attempt) this.loaded.delete(route);
      });
    }
    return loading;
  }

  /** The worker was replaced: what it had loaded is gone. */
  forget(): void {
    this.loaded.clear();
  }

  /**
   * New builds of `routes` exist (a live reload under `npm start`): the manifest is read again and
   * those pages load their new module on their next mount; pages mounted now keep running the old one.
   */
  invalidate(routes: readonly string[]): void {
    this.manifest = undefined;
    for (const route of routes) this.loaded.delete(route);
  }

  private async loadModule(route: string): Promise<void> {
    try {
      await this.loadOnce(route);
    } catch (error) {
      // Only what is wrong with the release itself counts against it: a download that failed or
      // took too long says nothing about the release (slow is not dead), so no fallback for those.
      if (!(error instanceof ReleaseModuleRefused)) throw error;
      if (this.options.release?.loadFailed(route, error.message) !== true) throw error;
      // Now on the last known-good release: its manifest, its module.
      this.manifest = undefined;
      await this.loadOnce(route);
    }
  }

  private async loadOnce(route: string): Promise<void> {
    let file: string | undefined;
    const loading = (async () => {
      this.manifest ??= await this.readManifest(route);
      // Own entries only: a route like "constructor" must not find Object.prototype's.
      const entry = Object.hasOwn(this.manifest.modules, route) ? this.manifest.modules[route] : undefined;
      if (entry === undefined || !(this.options.moduleKinds ?? PAGES_ONLY).includes(entry.kind))
        throw new ReleaseModuleRefused(`the WASM build has no page "${route}"`);
      const refused = refusedAbiVersion(route, entry, this.manifest.abiVersion);
      if (refused !== null) throw new ReleaseModuleRefused(refused);
      file = entry.file;
      const { moduleUrl, moduleBytes } = this.options;
      const { sha256 } = entry;
      let source: PageModuleSource;
      if (moduleUrl !== undefined) source = { kind: 'url', url: moduleUrl(entry.file), file, sha256 };
      else if (moduleBytes !== undefined)
        source = { kind: 'bytes', bytes: await moduleBytes(file), file, sha256 };
      else throw new Error('the WASM world client was given neither moduleUrl nor moduleBytes');
      // Compiling runs no page code and may be slow on a TV: the worker does not report it as busy,
      // so it has no budget, but it is lost if the world hangs.
      const loaded = await this.loadInWorker(route, source);
      if (!loaded.ok) {
        throw loaded.error.code === 'fetch-failed'
          ? new Error(loaded.error.message)
          : new ReleaseModuleRefused(loaded.error.message);
      }
    })();
    const { deadlineMs, timer } = this.options.moduleLoad ?? {};
    await withModuleDeadline(loading, {
      page: route,
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
      ...(timer === undefined ? {} : { timer }),
      file: () => file,
    });
  }

  /**
   * The build's manifest, checked before any of it is used; a malformed one fails the load of
   * `page` (reported, not kept: the next load reads it again). The failed mount is logged by the host.
   */
  private async readManifest(page: string): Promise<WasmManifest> {
    const checked = WasmManifestSchema.check(await this.options.manifest());
    if (checked.ok) return checked.value;
    const { path, message } = checked.issue;
    this.options.onRejected?.({
      world: 'wasm',
      input: 'manifest',
      name: 'manifest',
      page,
      path,
      reason: message,
    });
    throw new Error(`the WASM manifest is malformed: ${path}: ${message}`);
  }
}
