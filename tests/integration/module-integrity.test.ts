import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type WasmManifest, WasmManifestSchema } from '../../bridge/index.ts';
import { WasmWorldClient, type WasmWorldWorker } from '../../host/boot/wasm-world-client.ts';
import { prestartWasmWorld } from '../../host/wasm-world/wasm-prestart.ts';
import { startWasmWorldWorker } from '../../wasm-pages/runtime/start-worker-node.ts';

// The host's WASM client on a real worker thread and the real build: a manifest whose digest,
// bytes or ABI version is wrong makes the mount fail with a reason naming the page and both
// digests (or both ABI versions), which is what makes the router serve the entry in React. An ABI
// version this world does not speak is refused before the worker is asked for anything.

const DIST = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist/wasm');
const built = (): WasmManifest => {
  const checked = WasmManifestSchema.check(JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')));
  if (!checked.ok) throw new Error(`dist/wasm/manifest.json: ${checked.issue.message}`);
  return checked.value;
};
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(DIST, file)));
const entryOf = (manifest: WasmManifest, page: string) => {
  const entry = manifest.modules[page];
  if (entry === undefined) throw new Error(`the build has no module "${page}"`);
  return entry;
};

/** The manifest with one entry changed. */
const withEntry = (
  manifest: WasmManifest,
  page: string,
  changes: Partial<WasmManifest['modules'][string]>,
) => ({
  ...manifest,
  modules: { ...manifest.modules, [page]: { ...entryOf(manifest, page), ...changes } },
});

/** A real worker whose calls are recorded by name (`load profiles`, `mount k1 profiles`). */
async function recordedWorker(calls: string[]): Promise<WasmWorldWorker> {
  const started = await startWasmWorldWorker();
  const api = new Proxy(started.api, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push([name, ...args.filter((arg) => typeof arg === 'string')].join(' '));
        // Reflect.apply: on a comlink proxy, `.apply` would be looked up as a remote method.
        return Reflect.apply(value, target, args);
      };
    },
  });
  return { api, terminate: () => started.terminate() };
}

let clients: WasmWorldClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((client) => client.stop()));
  clients = [];
  vi.restoreAllMocks();
});

/** The client as Node composes it: the manifest given, module bytes read from dist/wasm (or `readBytes`). */
function clientOf(manifest: unknown, calls: string[], readBytes = bytesOf) {
  const client = new WasmWorldClient({
    startWorker: () => recordedWorker(calls),
    manifest: async () => manifest,
    moduleBytes: async (file) => readBytes(file),
    apiBase: 'http://127.0.0.1:1/api',
    fetch: () => Promise.reject(new Error('no backend in this test')),
    onMessage: () => undefined,
  });
  clients.push(client);
  return client;
}

/** Why the mount failed, or 'mounted'. */
const mountOutcome = (client: WasmWorldClient, page: string) =>
  client.mount('k1', page, {}, true).then(
    () => 'mounted',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

describe('the WASM client loading the build through a real worker', () => {
  it('mounts a page whose manifest entry is what the build wrote', async () => {
    const calls: string[] = [];
    expect(await mountOutcome(clientOf(built(), calls), 'profiles')).toBe('mounted');
    expect(calls).toContain('mount k1 profiles');
  });

  it('fails the mount when the manifest digest is wrong, naming the page and both digests', async () => {
    const manifest = built();
    const entry = entryOf(manifest, 'profiles');
    const wrong = 'd'.repeat(64);
    const calls: string[] = [];
    expect(
      await mountOutcome(clientOf(withEntry(manifest, 'profiles', { sha256: wrong }), calls), 'profiles'),
    ).toBe(
      `page "profiles": ${entry.file} does not match the manifest: its sha256 is ${entry.sha256}, ` +
        `the manifest says ${wrong}`,
    );
    expect(calls).toContain('load profiles');
    expect(calls).not.toContain('mount k1 profiles');
  });

  it("fails the mount when another page's valid module comes back for the file", async () => {
    const manifest = built();
    const profiles = entryOf(manifest, 'profiles');
    const collections = entryOf(manifest, 'collections');
    const swapped = (file: string) => bytesOf(file === profiles.file ? collections.file : file);
    expect(sha256(swapped(profiles.file))).toBe(collections.sha256);
    const calls: string[] = [];
    expect(await mountOutcome(clientOf(manifest, calls, swapped), 'profiles')).toBe(
      `page "profiles": ${profiles.file} does not match the manifest: its sha256 is ${collections.sha256}, ` +
        `the manifest says ${profiles.sha256}`,
    );
    expect(calls).not.toContain('mount k1 profiles');
  });

  it("refuses a release built for another ABI version before asking the worker for the page's module", async () => {
    const manifest = { ...built(), abiVersion: 4 };
    const calls: string[] = [];
    const { file } = entryOf(manifest, 'profiles');
    expect(await mountOutcome(clientOf(manifest, calls), 'profiles')).toBe(
      `page "profiles" (${file}) is part of a release built for page ABI version 4 (the manifest's ` +
        'abiVersion), but this world speaks 1, 2 and 3: not loaded; rebuild it against wasm-pages/ABI.md (npm run build:wasm)',
    );
    expect(calls.filter((call) => call.startsWith('load') || call.startsWith('mount'))).toEqual([]);
  });

  it('refuses an entry whose module speaks another ABI version, naming both versions', async () => {
    const manifest = built();
    const entry = entryOf(manifest, 'profiles');
    const calls: string[] = [];
    expect(
      await mountOutcome(clientOf(withEntry(manifest, 'profiles', { abiVersion: 4 }), calls), 'profiles'),
    ).toBe(
      `page "profiles" (${entry.file}) speaks page ABI version 4, but this world speaks 1, 2 and 3: not loaded; ` +
        'rebuild it against wasm-pages/ABI.md (npm run build:wasm)',
    );
    expect(calls.filter((call) => call.startsWith('load') || call.startsWith('mount'))).toEqual([]);
  });

  it('refuses a manifest without ABI versions (an older build) by name', async () => {
    const { abiVersion: _release, ...withoutRelease } = built();
    const calls: string[] = [];
    expect(await mountOutcome(clientOf(withoutRelease, calls), 'profiles')).toMatch(
      /^the WASM manifest is malformed: \.abiVersion: missing required field/,
    );
    const manifest = built();
    const { abiVersion: _entry, ...entry } = entryOf(manifest, 'profiles');
    expect(
      await mountOutcome(
        clientOf({ ...manifest, modules: { ...manifest.modules, profiles: entry } }, calls),
        'profiles',
      ),
    ).toMatch(/^the WASM manifest is malformed: \.modules\.profiles\.abiVersion: missing required field/);
    expect(calls.filter((call) => call.startsWith('load') || call.startsWith('mount'))).toEqual([]);
  });
});

describe('the boot-time prefetch of the first page', () => {
  const manifestServer = (manifest: unknown) =>
    vi.fn<typeof fetch>(
      async () => new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }),
    );

  it('does not ask the worker for a module of a release built for another ABI version', async () => {
    const calls: string[] = [];
    let worker: WasmWorldWorker | undefined;
    const early = prestartWasmWorld({
      base: '/wasm/',
      firstPage: 'profiles',
      startWorker: async () => (worker = await recordedWorker(calls)),
      fetch: manifestServer({ ...built(), abiVersion: 4 }),
      baseUrl: 'http://tv.example/profiles',
    });
    await early.firstPageLoaded;
    await early.startWorker();
    expect(calls.filter((call) => call.startsWith('load'))).toEqual([]);
    await worker?.terminate();
  });

  it('does ask it for a module of the release this world speaks (the same setup, so the test above can fail)', async () => {
    const calls: string[] = [];
    let worker: WasmWorldWorker | undefined;
    const early = prestartWasmWorld({
      base: '/wasm/',
      firstPage: 'profiles',
      startWorker: async () => (worker = await recordedWorker(calls)),
      fetch: manifestServer(built()),
      baseUrl: 'http://tv.example/profiles',
    });
    await early.firstPageLoaded;
    expect(calls.filter((call) => call.startsWith('load'))).toEqual(['load profiles']);
    await worker?.terminate();
  });
});
