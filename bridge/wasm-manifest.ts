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
  sha256: string({ pattern: /^[0-9a-f]{64}$/, patternName: 'a sha256 hex digest' }),
  /** What `ficus_abi_version` returned at build time (null if the module has no such export). */
  abiVersion: nullable(number({ integer: true })),
  /** Hash of everything the build read for this module; unchanged means no rebuild. */
  inputHash: string({ pattern: /^[0-9a-f]{64}$/, patternName: 'a sha256 hex digest' }),
});
export type WasmManifestEntry = Infer<typeof WasmManifestEntrySchema>;

/** `dist/wasm/manifest.json`: every compiled WASM module by id. */
export const WasmManifestSchema = object({
  abiVersion: number({ integer: true }),
  modules: record(WasmManifestEntrySchema),
});
export type WasmManifest = Infer<typeof WasmManifestSchema>;
