import { SUPPORTED_ABI_VERSIONS, SUPPORTED_ABI_VERSIONS_TEXT } from '../../bridge/index.ts';

/**
 * A page module the worker fetches itself from `url`. `file` and `sha256` are the release
 * manifest's: the file name for messages, the digest the bytes must match before they are compiled.
 */
export interface PageModuleUrl {
  readonly kind: 'url';
  readonly url: string;
  readonly file: string;
  readonly sha256: string;
}

/** A page module's bytes read by the host (under Node, from disk), with the manifest's digest. */
export interface PageModuleBytes {
  readonly kind: 'bytes';
  readonly bytes: Uint8Array;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Where `WasmWorld.load` gets a page's module: bare bytes (no digest known: tests, tools), or a
 * manifest entry's bytes or URL, both checked against its digest and cached by it.
 */
export type PageModuleSource = Uint8Array | PageModuleUrl | PageModuleBytes;

/** Why a download was refused; `message` names the file and what came back instead of a module. */
export interface ModuleFetchError {
  readonly code: 'fetch-failed' | 'not-wasm' | 'digest-mismatch';
  readonly message: string;
}

export type ModuleFetchResult =
  /** `bytes` passed every check of `checkModuleBytes`, the manifest's digest included. */
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly error: ModuleFetchError };

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d] as const;

/**
 * The page ABI versions this world runs (a page of any other is refused before its bytes are
 * fetched): bridge's SUPPORTED_ABI_VERSIONS, so a release built for version 1 keeps loading.
 */
export const SPOKEN_ABI_VERSIONS: readonly number[] = SUPPORTED_ABI_VERSIONS;

/**
 * Why a manifest entry must not be loaded because of an ABI version, or null if this world speaks
 * both the release's (`releaseAbiVersion`, the manifest's top-level `abiVersion`: what the build
 * compiled against) and the entry's own (what the module's `ficus_abi_version` returned at build
 * time). The host asks before it fetches a byte; the world checks the module's own export again
 * on its first instantiation, so a manifest that claims the wrong version is caught there too.
 *
 * @example
 * refusedAbiVersion('profiles', { file: 'profiles.0123456789ab.wasm', abiVersion: 1 }, 2); // null
 * refusedAbiVersion('profiles', { file: 'profiles.0123456789ab.wasm', abiVersion: 4 }, 3);
 * // 'page "profiles" (profiles.0123456789ab.wasm) speaks page ABI version 4, but this world speaks 1, 2 and 3: ...'
 * refusedAbiVersion('profiles', { file: 'profiles.0123456789ab.wasm', abiVersion: 1 }, 4);
 * // 'page "profiles" (profiles.0123456789ab.wasm) is part of a release built for page ABI version 4, ...'
 */
export function refusedAbiVersion(
  page: string,
  entry: { readonly file: string; readonly abiVersion: number | null },
  releaseAbiVersion: number,
): string | null {
  const spoken = SUPPORTED_ABI_VERSIONS_TEXT;
  const fix = 'not loaded; rebuild it against wasm-pages/ABI.md (npm run build:wasm)';
  if (!SPOKEN_ABI_VERSIONS.includes(releaseAbiVersion))
    return (
      `page "${page}" (${entry.file}) is part of a release built for page ABI version ${releaseAbiVersion} ` +
      `(the manifest's abiVersion), but this world speaks ${spoken}: ${fix}`
    );
  if (entry.abiVersion !== null && SPOKEN_ABI_VERSIONS.includes(entry.abiVersion)) return null;
  const speaks =
    entry.abiVersion === null
      ? 'has no ficus_abi_version export'
      : `speaks page ABI version ${entry.abiVersion}`;
  return `page "${page}" (${entry.file}) ${speaks}, but this world speaks ${spoken}: ${fix}`;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The first bytes as text a person can read in an error ("<!doctype html>…"), or as hex. */
function preview(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 24);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: telling printable text from binary
  if (/^[^\u0000-\u0008\u000e-\u001f\ufffd]*$/.test(text))
    return JSON.stringify(text + (bytes.length > 24 ? '…' : ''));
  return [...head].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Null if `bytes` start with the WebAssembly magic (`\0asm`); otherwise why not, naming the file
 * and what came back (a server that answers a missing file with its index.html says 200).
 *
 * @example
 * notWasm('profiles.0123456789ab.wasm', new TextEncoder().encode('<!doctype html>'), 'text/html');
 * // 'profiles.0123456789ab.wasm is not a WebAssembly module: got text/html starting "<!doctype html>" (...)'
 */
export function notWasm(file: string, bytes: Uint8Array, contentType: string | null): string | null {
  if (WASM_MAGIC.every((byte, i) => bytes[i] === byte)) return null;
  const type = contentType === null || contentType === '' ? 'no content-type' : contentType;
  const what =
    bytes.length === 0 ? 'an empty body' : `${bytes.length} bytes of ${type} starting ${preview(bytes)}`;
  const hint = /html/i.test(type) ? ': the server has no such file and sent a page instead' : '';
  return `${file} is not a WebAssembly module (no \\0asm magic): got ${what}${hint}`;
}

const hex = (digest: ArrayBuffer): string =>
  [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * Null if the bytes' SHA-256 (WebCrypto) is `sha256`, else why not, naming the file and both
 * digests. Without WebCrypto (a page served over plain http from another host than localhost is
 * not a secure context) nothing can be proven, so the bytes are refused too: a module the release
 * did not vouch for never runs, and React serves its page.
 *
 * @example
 * await digestMismatch('profiles.0123456789ab.wasm', bytes, entry.sha256);
 * // null, or 'profiles.0123456789ab.wasm does not match the manifest: its sha256 is 9f…, the manifest says a5…'
 */
export async function digestMismatch(
  file: string,
  bytes: Uint8Array<ArrayBuffer>,
  sha256: string,
): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined)
    return (
      `${file} cannot be checked against the manifest's sha256 ${sha256}: WebCrypto (crypto.subtle) ` +
      'is not available here (not a secure context: serve the app over https or from localhost)'
    );
  const actual = hex(await subtle.digest('SHA-256', bytes));
  return actual === sha256
    ? null
    : `${file} does not match the manifest: its sha256 is ${actual}, the manifest says ${sha256}`;
}

/**
 * Fetches a module and checks what came back: a network failure, a non-OK status, an HTML (or
 * other non-WASM) body and a wrong digest are refused, each with a message naming the file and
 * what the server sent. The body is read whole and nothing is compiled here: WebCrypto has no
 * incremental digest, so `WebAssembly.compileStreaming` would compile bytes nobody has checked
 * yet. The caller compiles the returned (checked) bytes; for our 12–40 KB modules that costs
 * about a millisecond after the download instead of during it.
 *
 * @example
 * const fetched = await fetchModule({ kind: 'url', url, file, sha256 });
 * if (!fetched.ok) console.error(fetched.error.message); // profiles.….wasm: the server answered 404 Not Found (http://…)
 */
export async function fetchModule(
  source: PageModuleUrl,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<ModuleFetchResult> {
  const { url, file } = source;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    return fail('fetch-failed', `${file} could not be fetched from ${url}: ${describeError(error)}`);
  }
  if (!response.ok) {
    return fail(
      'fetch-failed',
      `${file}: the server answered ${response.status} ${response.statusText} for ${url}`.replace('  ', ' '),
    );
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return fail('fetch-failed', `${file}: the download from ${url} broke off: ${describeError(error)}`);
  }
  const contentType = response.headers.get('content-type');
  const refused = await checkModuleBytes(file, bytes, source.sha256, contentType, ` (from ${url})`);
  return refused === null ? { ok: true, bytes } : { ok: false, error: refused };
}

/**
 * The checks every module's bytes pass before they are compiled, however they arrived: the
 * WebAssembly magic, then the manifest's digest. Null when they pass. The caller must compile
 * these very bytes and keep them out of other hands meanwhile (a copy of its own), so what was
 * checked is what runs.
 *
 * @example
 * await checkModuleBytes('profiles.0123456789ab.wasm', bytes, entry.sha256, null); // null, or why not
 */
export async function checkModuleBytes(
  file: string,
  bytes: Uint8Array<ArrayBuffer>,
  sha256: string,
  contentType: string | null,
  from = '',
): Promise<ModuleFetchError | null> {
  const wrongContent = notWasm(file, bytes, contentType);
  if (wrongContent !== null) return { code: 'not-wasm', message: `${wrongContent}${from}` };
  const mismatch = await digestMismatch(file, bytes, sha256);
  return mismatch === null ? null : { code: 'digest-mismatch', message: mismatch };
}

const fail = (code: ModuleFetchError['code'], message: string): ModuleFetchResult => ({
  ok: false,
  error: { code, message },
});
