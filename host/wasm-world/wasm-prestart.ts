import { WasmManifestSchema } from '../../bridge/index.ts';
import { chooseWorld, type Plan, pageIds } from '../../migration-plan/index.ts';
import { parseLocation } from '../../router/url.ts';
import { refusedAbiVersion } from '../../wasm-pages/runtime/module-source.ts';
import type { WasmWorldWorker } from '../boot/wasm-world-client.ts';
import { readKnownGood } from '../releases/check-release.ts';
import type { ReleaseCache } from '../releases/release-cache.ts';
import { type ReleaseEvent, type ReleaseHooks, ReleaseSession } from '../releases/release-session.ts';
import { resolveRelease } from '../releases/resolve-release.ts';
import { startBrowserWorker } from './browser-worker.ts';

export interface WasmPrestartOptions {
  /** Where the WASM build is served (manifest.json and the modules), e.g. "/wasm/". */
  readonly base: string;
  /**
   * The page the app opens on, if the WASM world serves it: its module downloads and compiles in
   * the worker while the app boots. Null or absent: nothing is fetched but the manifest.
   */
  readonly firstPage?: string | null;
  /** Default: the browser's module worker (startBrowserWorker). */
  readonly startWorker?: () => Promise<WasmWorldWorker>;
  readonly fetch?: typeof fetch;
  /** What relative URLs resolve against; default the document's location. */
  readonly baseUrl?: string;
  /**
   * Releases over the air: the modules come from the release the channel names (checked, cached
   * for an offline start, the last known-good one when it fails). Absent: the build's own
   * `manifest.json` at `base`. Module files are fetched from `base` either way.
   */
  readonly release?: {
    readonly channelUrl: string;
    readonly cache: ReleaseCache;
    /** Settles when the channel can be asked (the mock backend is up); default at once. */
    readonly ready?: Promise<void>;
  };
}

/** What the WASM world client takes from an early start (WasmWorldClientOptions' fields of the same names). */
export interface PrestartedWasmWorld {
  /** The worker started early on the first call, a fresh one on each later call (after a hang). */
  readonly startWorker: () => Promise<WasmWorldWorker>;
  /** The manifest, fetched once (again after a failure), already under way. */
  readonly manifest: () => Promise<unknown>;
  /** Where the worker fetches a module itself. */
  readonly moduleUrl: (file: string) => string;
  /** Settles when the first page's module is compiled in the worker, or its prefetch gave up (for tests). */
  readonly firstPageLoaded: Promise<void>;
  /** What the WASM world client tells the release of loads and mounts (no-ops without releases). */
  readonly release: ReleaseHooks;
  /**
   * Reads the release (or the build's manifest) again: a new build under `npm start`. Resolves
   * when the new manifest is known.
   */
  readonly refresh: () => Promise<void>;
  /** Delivers the release's events (`release.chosen` first), those before the call included. */
  readonly onReleaseEvent: (listener: (event: ReleaseEvent) => void) => void;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Fetches the manifest and checks what came back: a non-OK status, or a body that is not JSON
 * (a server's index.html for a missing file, with status 200), is refused by name.
 */
export async function fetchManifest(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new Error(`the WASM manifest could not be fetched from ${url}: ${describeError(error)}`);
  }
  if (!response.ok)
    throw new Error(
      `the WASM manifest ${url}: the server answered ${response.status} ${response.statusText}`.trim(),
    );
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type';
    throw new Error(
      `the WASM manifest ${url} is not JSON: got ${type} starting ${JSON.stringify(text.slice(0, 40))}` +
        (/html/i.test(type) ? ' (the server has no such file and sent a page instead)' : ''),
    );
  }
}

/**
 * Starts what the WASM world needs before the app has booted, in parallel with the rest of boot:
 * the worker (which starts WASI at once), the manifest, and the first page's module (the worker
 * fetches it, checks its digest and compiles it; the client's later load of that page joins it).
 * An entry whose ABI version (or its release's) this world does not speak is not prefetched.
 * Failures here are silent: the client meets them again on its own load and reports them.
 *
 * @example
 * const wasmWorld = prestartWasmWorld({ base: '/wasm/', firstPage: 'profiles' });
 * await startBrowserBackend(backend);           // meanwhile the worker, WASI and the module start
 * await bootBrowserApp({ container, plan, wasmBase: '/wasm/', wasmWorld });
 */
export function prestartWasmWorld(options: WasmPrestartOptions): PrestartedWasmWorld {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const start = options.startWorker ?? startBrowserWorker;
  const resolve = (path: string) => new URL(path, options.baseUrl ?? globalThis.location.href).href;
  const moduleUrl = (file: string) => resolve(`${options.base}${file}`);

  // The release is resolved once, beside the worker's start; events wait for their listener.
  const events: ReleaseEvent[] = [];
  let listener: ((event: ReleaseEvent) => void) | undefined;
  const emit = (event: ReleaseEvent) => (listener === undefined ? events.push(event) : listener(event));
  const releaseOptions = options.release;
  const resolveSession = (): Promise<ReleaseSession | null> =>
    releaseOptions === undefined
      ? Promise.resolve(null)
      : (async () => {
          await releaseOptions.ready;
          const { channelUrl, cache } = releaseOptions;
          const sources = { channelUrl, cache, fetch: fetchImpl, baseUrl: resolve('.') };
          const resolved = await resolveRelease(sources);
          if (resolved === null) return null;
          return new ReleaseSession(
            resolved,
            releaseOptions.cache,
            emit,
            await readKnownGood(releaseOptions.cache),
          );
        })().catch(() => null);
  let session = resolveSession();
  let running: ReleaseSession | null = null;
  const follow = (resolving: Promise<ReleaseSession | null>) =>
    void resolving.then((found) => {
      if (session === resolving) running = found;
    });
  follow(session);
  const release: ReleaseHooks = {
    current: () => running?.current() ?? null,
    loadFailed: (page, detail) => running?.loadFailed(page, detail) ?? false,
    mounted: (page) => running?.mounted(page),
    crashedOnMount: (page, detail) => running?.crashedOnMount(page, detail),
  };

  let manifest: Promise<unknown> | undefined;
  const readManifest = async (): Promise<unknown> => {
    const fromRelease = await session;
    // A session's manifest changes when it falls back: read it afresh every time (it is in memory).
    if (fromRelease !== null) return fromRelease.manifest();
    if (manifest === undefined) {
      const reading = fetchManifest(resolve(`${options.base}manifest.json`), fetchImpl);
      manifest = reading;
      reading.catch(() => {
        if (manifest === reading) manifest = undefined; // the next load tries again
      });
    }
    return manifest;
  };

  let early: Promise<WasmWorldWorker> | undefined = start();
  early.catch(() => undefined); // the client sees the failure when it takes this worker
  const startWorker = (): Promise<WasmWorldWorker> => {
    const taken = early;
    early = undefined;
    return taken ?? start();
  };
  const worker = early;
  readManifest().catch(() => undefined);

  const prefetch = async (page: string): Promise<void> => {
    const checked = WasmManifestSchema.check(await readManifest());
    if (!checked.ok) return;
    const manifest = checked.value;
    const entry = manifest.modules[page];
    if (entry === undefined || entry.kind !== 'page') return;
    if (refusedAbiVersion(page, entry, manifest.abiVersion) !== null) return;
    const source = {
      kind: 'url',
      url: moduleUrl(entry.file),
      file: entry.file,
      sha256: entry.sha256,
    } as const;
    await (await worker).api.load(page, source);
  };
  const firstPage = options.firstPage ?? null;
  const firstPageLoaded = firstPage === null ? Promise.resolve() : prefetch(firstPage).catch(() => undefined);

  return {
    startWorker,
    manifest: readManifest,
    refresh() {
      manifest = undefined;
      session = resolveSession();
      follow(session);
      return session.then(() => undefined);
    },
    moduleUrl,
    firstPageLoaded,
    release,
    onReleaseEvent: (next) => {
      listener = next;
      for (const event of events.splice(0)) next(event);
    },
  };
}

/**
 * The page the app opens on at this URL, if the WASM world may serve it here (so its module is
 * worth fetching during boot), else null. The device's rollout cohort is not known yet, so a page
 * rolled out to WASM for any cohort counts; the router makes the real choice later.
 *
 * @example
 * firstWasmPage(REFERENCE_PLAN, '/profiles', '');                        // 'profiles'
 * firstWasmPage(REFERENCE_PLAN, '/profiles', '?world.profiles=legacy');  // null
 */
export function firstWasmPage(plan: Plan, pathname: string, search: string): string | null {
  if (typeof WebAssembly !== 'object') return null;
  const parsed = parseLocation(pathname, search, pageIds(plan), plan.rootRoute);
  const route = parsed.ok ? parsed.value.route : plan.rootRoute;
  const choice = chooseWorld(plan, {
    route,
    capabilities: { webAssembly: true },
    overrides: parsed.ok ? parsed.value.worldOverrides : {},
    cohort: 0, // the cohort that gets WASM first in every rollout
    brokenWasmPages: new Set(),
  });
  return choice.world === 'wasm' ? route : null;
}
