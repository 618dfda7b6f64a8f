import { type Infer, number, object, record, string } from './schema.ts';
import { WasmManifestEntrySchema } from './wasm-manifest.ts';

/** A release id: `r-` and the first 12 hex digits of the sha256 of its modules' digests. */
export const ReleaseIdSchema = string({
  pattern: /^r-[0-9a-f]{12}$/,
  patternName: 'a release id (r- and 12 hex digits)',
});

/**
 * One immutable release of the WASM pages, as `npm run build:wasm` writes it
 * (`dist/wasm/releases/<release>.json`): never rewritten once written, so a device can keep
 * running it while a newer one rolls out. Modules are the page entries of the build's manifest;
 * their files are content-hashed and live beside the manifest (`dist/wasm/`).
 *
 * @example
 * { "release": "r-3f2a9c0d1b7e", "createdAt": "2026-12-02T12:00:00.000Z", "abiVersion": 2,
 *   "modules": { "profiles": { "kind": "page", "file": "profiles.1a2b3c4d5e6f.wasm", "sha256": "…", … } } }
 */
export const ReleaseManifestSchema = object({
  release: ReleaseIdSchema,
  /** ISO time the release was first written. */
  createdAt: string({ minLength: 1, maxLength: 40 }),
  /** The page ABI it was built against. */
  abiVersion: number({ integer: true }),
  modules: record(WasmManifestEntrySchema),
});
export type ReleaseManifest = Infer<typeof ReleaseManifestSchema>;

/**
 * GET /api/releases/channel: which release a channel serves now, and where its manifest is (a
 * path on the app's origin, or an absolute URL).
 *
 * @example
 * { "channel": "stable", "release": "r-3f2a9c0d1b7e", "manifestUrl": "/wasm/releases/r-3f2a9c0d1b7e.json" }
 */
export const ReleaseChannelSchema = object({
  channel: string({ minLength: 1, maxLength: 40 }),
  release: ReleaseIdSchema,
  manifestUrl: string({ minLength: 1, maxLength: 500 }),
});
export type ReleaseChannel = Infer<typeof ReleaseChannelSchema>;

/** `dist/wasm/releases/index.json`: the releases the build kept, oldest first. */
export const ReleaseIndexSchema = object({
  releases: record(object({ createdAt: string({ minLength: 1, maxLength: 40 }) })),
  /** The newest release (the one the last build made or found unchanged). */
  latest: ReleaseIdSchema,
});
export type ReleaseIndex = Infer<typeof ReleaseIndexSchema>;
