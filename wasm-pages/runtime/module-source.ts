import { ABI_VERSION } from '../../bridge/index.ts';

/**
 * A page module the worker fetches itself from `url`, so it compiles while it downloads
 * (`WebAssembly.compileStreaming`). `file` and `sha256` are the release manifest's: the file
 * name for messages, the digest the bytes must match before the module is used.
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
  | {
      readonly ok: true;
      readonly bytes: Uint8Array<ArrayBuffer>;
      /** The module compiled while it downloaded, when the response allowed it. */
      readonly compiled?: Promise<WebAssembly.Module>;
    }
  | { readonly ok: false; readonly error: ModuleFetchError };

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d] as const;

/** The page ABI versions this world runs (a page of any other is refused before its bytes are fetched). */
export const SPOKEN_ABI_VERSIONS: readonly number[] = [ABI_VERSION];

/**
 * Why a manifest entry must not be loaded because of its ABI version, or null if this world
 * speaks it. The host asks before it fetches a byte; the world checks again on instantiation.
 *
 * @example
 * refusedAbiVersion('profiles', { file: 'profiles.0123456789ab.wasm', abiVersion: 2 });
 * // 'page "profiles" (profiles.0123456789ab.wasm) speaks page ABI version 2, but this world speaks 1: ...'
 */
export function refusedAbiVersion(
  page: string,
  entry: { readonly file: string; readonly abiVersion: number | null },
): string | null {
  if (entry.abiVersion !== null && SPOKEN_ABI_VERSIONS.includes(entry.abiVersion)) return null;
  const speaks =
    entry.abiVersion === null
      ? 'has no ficus_abi_version export'
      : `speaks page ABI version ${entry.abiVersion}`;
  return (
    `page "${page}" (${entry.file}) ${speaks}, but this world speaks ${SPOKEN_ABI_VERSIONS.join(', ')}: ` +
    'not loaded; rebuild it against wasm-pages/ABI.md (npm run build:wasm)'
  );
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
 * Null if the bytes' SHA-256 is `sha256`, else why not. Without WebCrypto (a page served over
 * plain http from another host than localhost is not a secure context) nothing can be checked.
 */
export async function digestMismatch(
  file: string,
  bytes: Uint8Array<ArrayBuffer>,
  sha256: string,
): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return null;
  const actual = hex(await subtle.digest('SHA-256', bytes));
  return actual === sha256
    ? null
    : `${file} does not match the manifest: its sha256 is ${actual}, the manifest says ${sha256}`;
}

/**
 * Fetches a module and checks what came back: a network failure, a non-OK status, an HTML (or
 * other non-WASM) body and a wrong digest are refused, each with a message naming the file and
 * what the server sent. A `application/wasm` response is compiled while it downloads
 * (`compiled`); any other content type is read whole first (compileStreaming refuses it).
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
  const contentType = response.headers.get('content-type');
  const streaming =
    contentType?.split(';')[0]?.trim() === 'application/wasm' &&
    typeof WebAssembly.compileStreaming === 'function';
  const compiled = streaming ? WebAssembly.compileStreaming(response.clone()) : undefined;
  // Not left unhandled when the checks below refuse the bytes: the caller never awaits it then.
  compiled?.catch(() => undefined);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return fail('fetch-failed', `${file}: the download from ${url} broke off: ${describeError(error)}`);
  }
  const refused = await checkModuleBytes(file, bytes, source.sha256, contentType, ` (from ${url})`);
  if (refused !== null) return { ok: false, error: refused };
  return compiled === undefined ? { ok: true, bytes } : { ok: true, bytes, compiled };
}

/**
 * The checks every module's bytes pass before the module is used, however they arrived: the
 * WebAssembly magic, then the manifest's digest. Null when they pass.
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
