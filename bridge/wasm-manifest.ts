import { type Infer, nullable, number, object, oneOf, record, string } from './schema.ts';

/** What kind of module a manifest entry is. */
export const WASM_MODULE_KINDS = ['page', 'example', 'fixture'] as const;

export const WasmManifestEntrySchema = object({
  kind: oneOf(WASM_MODULE_KINDS),
  /** File name in the manifest's folder, content-hashed: `<id>.<first 12 hex of sha256>.wasm`. */
  file: string({
    pattern: /^[a-z0-9-]+\.[0-9a-f]{12}\.wasm$/,
    patternName: 'a content-hashed .wasm file name',
  }),
  size: number({ integer: true, min: 0 }),
  /** The digest the module's bytes must match before the worker compiles them (module-source.ts). */
  sha256: string({ pattern: /^[0-9a-f]{64}$/, patternName: 'a sha256 hex digest' }),
  /**
   * What `ficus_abi_version` returned at build time (null if the module has no such export). A
   * world loads the entry only if it speaks this version (and checks the export again on mount).
   */
  abiVersion: nullable(number({ integer: true })),
  /** Hash of everything the build read for this module; unchanged means no rebuild. */
  inputHash: string({ pattern: /^[0-9a-f]{64}$/, patternName: 'a sha256 hex digest' }),
});
export type WasmManifestEntry = Infer<typeof WasmManifestEntrySchema>;

/**
 * `dist/wasm/manifest.json`: every compiled WASM module by id. A manifest without the ABI
 * versions (older builds) is refused as malformed: rebuild it (`npm run build:wasm`).
 */
export const WasmManifestSchema = object({
  /** The page ABI the release was built against: a world that does not speak it loads none of its modules. */
  abiVersion: number({ integer: true }),
  modules: record(WasmManifestEntrySchema),
});
export type WasmManifest = Infer<typeof WasmManifestSchema>;
