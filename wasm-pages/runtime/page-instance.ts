import {
  ABI_VERSION,
  type AbiVersion,
  type CrashPhase,
  encodeValue,
  PAGE_IMPORT_EMIT,
  PAGE_IMPORT_MODULE,
  type PageCrashed,
  type PageMessage,
  type Params,
  SUPPORTED_ABI_VERSIONS,
  SUPPORTED_ABI_VERSIONS_TEXT,
  type Value,
} from '../../bridge/index.ts';
import { type PageBatch, readEmit } from './page-emit.ts';
import { type PageExports, pageExports } from './page-exports.ts';
import { describeFailure, PageProtocolError } from './page-failure.ts';
import type { PageIds } from './page-ids.ts';
import type { PageLoadError, PageModule } from './page-module.ts';
import { PageWasi } from './page-wasi.ts';
import { type StdoutLine, StdoutLines } from './stdout-lines.ts';
import { isWasiReady } from './wasi-runtime.ts';

/** The phases a mounted page can crash in ('load' failures are refusals, see PageLoadError). */
export type PagePhase = Exclude<CrashPhase, 'load'>;

/** What one call into a page produced. It counts only if the call returned: a crash drops it. */
export interface PageCallOutput {
  readonly batches: readonly PageBatch[];
  readonly messages: readonly PageMessage[];
  readonly stdout: readonly StdoutLine[];
  /**
   * After `frame`: in how many ms the page wants its next frame (0 = the next display frame), or
   * null for none until its next event. Always null after the other calls.
   */
  readonly nextFrameMs: number | null;
}

/** What a page written before frames became on-demand gets: a frame every display frame, as then. */
export const EVERY_FRAME_MS = 16;

/**
 * Reads `ficus_frame`'s answer (ABI.md section 2). A page whose `ficus_frame` returns nothing
 * (built for the first version of that row) keeps getting every display frame; a negative or
 * non-number answer means no frame is needed until the next event.
 */
export function nextFrameOf(returned: unknown): number | null {
  if (returned === undefined) return EVERY_FRAME_MS;
  if (typeof returned !== 'number' || !(returned >= 0)) return null;
  return Math.min(returned, 2 ** 31 - 1);
}

export type PageCallResult =
  | { readonly status: 'ok'; readonly output: PageCallOutput }
  | { readonly status: 'crashed'; readonly crash: PageCrashed; readonly stdout: readonly StdoutLine[] }
  /** The instance had already crashed or unmounted: nothing was called. */
  | { readonly status: 'dead' };

export type PageInstantiateResult =
  | { readonly ok: true; readonly instance: PageInstance }
  | { readonly ok: false; readonly error: PageLoadError };

export type PageInstantiateOptions =
  /** Call `ficus_abi_version` and refuse a version this world does not run: a module's first instantiation. */
  | { readonly checkAbiVersion: true }
  /** The version an earlier instance of the same module declared: its messages are read in it. */
  | { readonly checkAbiVersion: false; readonly abiVersion: AbiVersion };

// PageCrashed's limits (bridge/messages/lifecycle.ts). Abort writes last, so stderr keeps its end.
const MAX_MESSAGE = 4096;
const MAX_STDERR = 65_536;

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One mounted page: its own WASI (stdout/stderr buffers), instance and memory. It drives the
 * page through the ABI (alloc + write for input, ABI.md section 6), checks everything the page
 * emits, and turns any failure of a call into a typed crash. After a crash, or after unmount,
 * it is dead: later calls return `{ status: 'dead' }` without touching the page.
 *
 * @example
 * await initWasi();
 * const created = PageInstance.instantiate(module, { checkAbiVersion: true });
 * if (created.ok) {
 *   const result = created.instance.mount({ rootId: 16777216, firstId: 16777217 }, 'profiles', {});
 *   if (result.status === 'crashed') console.error(result.crash.message, result.crash.stderr);
 * }
 */
export class PageInstance {
  private exports: PageExports | null;
  private ids: PageIds | null = null;
  private mounted = false;
  private batches: PageBatch[] = [];
  private messages: PageMessage[] = [];
  private refusal: string | null = null;
  private readonly stdoutLines = new StdoutLines();
  /** The ABI version the page declared; until checked, the newest (nothing is read before mount). */
  private version: AbiVersion = ABI_VERSION;

  private constructor(
    readonly page: string,
    private readonly wasi: PageWasi | null,
    instance: WebAssembly.Instance,
  ) {
    this.exports = pageExports(instance);
  }

  /**
   * Instantiates a checked module with a fresh WASI and `ficus.emit`. Refuses (never throws for a
   * bad page) when instantiation fails or, if asked, when the page's ABI version is not ours.
   */
  static instantiate(module: PageModule, options: PageInstantiateOptions): PageInstantiateResult {
    if (!isWasiReady()) throw new Error('PageInstance.instantiate: await initWasi() first (once per thread)');
    const { page } = module;
    let target: PageInstance | null = null;
    const emit = (kind: number, ptr: number, len: number): void => {
      if (target === null)
        throw new PageProtocolError(`page "${page}" called emit while it was being instantiated`);
      target.receive(kind, ptr, len);
    };
    // wasmer panics on an import namespace the module does not declare: offer ficus only if imported.
    const imports = module.importsEmit ? { [PAGE_IMPORT_MODULE]: { [PAGE_IMPORT_EMIT]: emit } } : {};
    const wasi = module.importsWasi ? new PageWasi() : null;
    let created: PageInstance;
    try {
      const instance =
        wasi === null
          ? new WebAssembly.Instance(module.module, imports)
          : wasi.instantiate(module.module, imports);
      created = new PageInstance(page, wasi, instance);
    } catch (thrown) {
      const stderr = PageInstance.stderrOf(wasi);
      const exitCode = wasi?.exitCode ?? null;
      PageInstance.free(wasi);
      return {
        ok: false,
        error: {
          page,
          code: 'instantiate-failed',
          message: `page "${page}" could not be instantiated: ${describeFailure(thrown, stderr, exitCode)}`,
        },
      };
    }
    target = created;
    if (options.checkAbiVersion) {
      const error = created.checkAbiVersion();
      if (error !== null) return { ok: false, error };
    } else {
      created.version = options.abiVersion;
    }
    return { ok: true, instance: created };
  }

  /** The page ABI version the module declared (`ficus_abi_version`), which its messages are read in. */
  get abiVersion(): AbiVersion {
    return this.version;
  }

  /** False once the page crashed or unmounted. */
  get alive(): boolean {
    return this.exports !== null;
  }

  /** Runs `_initialize`, then `ficus_mount` with the mount input of ABI.md section 6. Once only. */
  mount(ids: PageIds, route: string, params: Params): PageCallResult {
    if (this.mounted) throw new Error(`page "${this.page}" is already mounted on this instance`);
    this.mounted = true;
    this.ids = ids;
    const input = encodeValue({ route, params, rootId: ids.rootId, firstId: ids.firstId });
    return this.call('mount', (exports) => {
      exports.initialize();
      exports.mount(...this.writeInput(exports, input));
    });
  }

  /** Hands the page one event value (ABI.md section 6) with `ficus_event`. */
  event(event: Value): PageCallResult {
    if (!this.alive) return { status: 'dead' };
    const input = encodeValue(event);
    return this.call('event', (exports) => {
      exports.event(...this.writeInput(exports, input));
    });
  }

  frame(nowMs: number): PageCallResult {
    return this.call('frame', (exports) => nextFrameOf(exports.frame(nowMs)));
  }

  /** Calls `ficus_unmount`; the instance is dropped afterwards whatever happened. */
  unmount(): PageCallResult {
    const result = this.call('unmount', (exports) => {
      exports.unmount();
    });
    if (result.status !== 'ok') return result;
    const stdout = [...result.output.stdout, ...this.stdoutLines.flush()];
    this.dispose();
    return { status: 'ok', output: { ...result.output, stdout } };
  }

  private checkAbiVersion(): PageLoadError | null {
    const exports = this.exports;
    if (exports === null) return null;
    let version: unknown;
    try {
      version = exports.abiVersion();
    } catch (thrown) {
      const message = `page "${this.page}" failed in ficus_abi_version: ${describeFailure(thrown, PageInstance.stderrOf(this.wasi), this.wasi?.exitCode ?? null)}`;
      this.dispose();
      return { page: this.page, code: 'instantiate-failed', message };
    }
    const supported = SUPPORTED_ABI_VERSIONS.find((known) => known === version);
    if (supported !== undefined) {
      this.version = supported;
      return null;
    }
    this.dispose();
    return {
      page: this.page,
      code: 'wrong-abi-version',
      message:
        `page "${this.page}" speaks page ABI version ${String(version)}, but this world speaks versions ` +
        `${SUPPORTED_ABI_VERSIONS_TEXT}: rebuild it against wasm-pages/ABI.md ` +
        `(ficus_abi_version must return ${SUPPORTED_ABI_VERSIONS_TEXT.replace(' and ', ' or ')})`,
    };
  }

  private call(phase: PagePhase, body: (exports: PageExports) => number | null | undefined): PageCallResult {
    const exports = this.exports;
    if (exports === null) return { status: 'dead' };
    this.batches = [];
    this.messages = [];
    this.refusal = null;
    let nextFrameMs: number | null = null;
    try {
      nextFrameMs = body(exports) ?? null;
    } catch (thrown) {
      return this.crash(phase, thrown);
    }
    // A refused emit throws through the page; should a page ever swallow it, it still ends the page.
    if (this.refusal !== null) return this.crash(phase, new PageProtocolError(this.refusal));
    return {
      status: 'ok',
      output: { batches: this.batches, messages: this.messages, stdout: this.readStdout(), nextFrameMs },
    };
  }

  /** `ficus.emit`: copies the bytes out at once (the page may reuse them), then checks them. */
  private receive(kind: number, ptr: number, len: number): void {
    const exports = this.exports;
    const ids = this.ids;
    if (exports === null || ids === null) {
      throw this.refuse(
        `page "${this.page}" called emit before ficus_mount: see wasm-pages/ABI.md section 6`,
      );
    }
    const start = ptr >>> 0;
    const length = len >>> 0;
    const memory = exports.memory.buffer;
    if (start + length > memory.byteLength) {
      throw this.refuse(
        `page "${this.page}" called emit(${kind}, ${start}, ${length}) with bytes outside its memory (${memory.byteLength} bytes)`,
      );
    }
    const content = readEmit(
      this.page,
      ids,
      kind,
      new Uint8Array(memory, start, length).slice(),
      this.version,
    );
    switch (content.kind) {
      case 'batch':
        this.batches.push(content.batch);
        return;
      case 'message':
        this.messages.push(content.message);
        return;
      case 'refused':
        throw this.refuse(content.reason);
    }
  }

  private refuse(reason: string): PageProtocolError {
    this.refusal ??= reason;
    return new PageProtocolError(reason);
  }

  /** ABI.md section 6: `ficus_alloc(len)`, then the bytes at the returned pointer. */
  private writeInput(exports: PageExports, bytes: Uint8Array): [ptr: number, len: number] {
    const size = bytes.byteLength;
    const returned = exports.alloc(size);
    const ptr = typeof returned === 'number' ? returned >>> 0 : 0;
    // Read the buffer after alloc: allocating may have grown (and so replaced) it.
    const memory = exports.memory.buffer;
    if (ptr === 0 || ptr + size > memory.byteLength) {
      throw this.refuse(
        `page "${this.page}": ficus_alloc(${size}) returned ${String(returned)}, not ${size} writable bytes ` +
          `inside its memory (${memory.byteLength} bytes): see wasm-pages/ABI.md section 6`,
      );
    }
    new Uint8Array(memory, ptr, size).set(bytes);
    return [ptr, size];
  }

  private crash(phase: PagePhase, thrown: unknown): PageCallResult {
    const stderr = PageInstance.stderrOf(this.wasi);
    const stdout = [...this.readStdout(), ...this.stdoutLines.flush()];
    const message = describeFailure(
      this.refusal === null ? thrown : new PageProtocolError(this.refusal),
      stderr,
      this.wasi?.exitCode ?? null,
    );
    this.dispose();
    return {
      status: 'crashed',
      crash: {
        type: 'crashed',
        page: this.page,
        phase,
        message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message,
        stderr: stderr.length > MAX_STDERR ? stderr.slice(-MAX_STDERR) : stderr,
      },
      stdout,
    };
  }

  private readStdout(): StdoutLine[] {
    if (this.wasi === null) return [];
    try {
      return this.stdoutLines.push(this.wasi.wasi.getStdoutString());
    } catch (error) {
      return [{ level: 'warn', message: `(the page's stdout could not be read: ${describeError(error)})` }];
    }
  }

  /** Everything the page wrote to stderr; reading it never hides the crash being reported. */
  private static stderrOf(wasi: PageWasi | null): string {
    if (wasi === null) return '';
    try {
      return wasi.wasi.getStderrString();
    } catch (error) {
      return `(stderr could not be read: ${describeError(error)})`;
    }
  }

  private dispose(): void {
    if (this.exports === null) return;
    this.exports = null;
    PageInstance.free(this.wasi);
  }

  private static free(wasi: PageWasi | null): void {
    try {
      wasi?.free();
    } catch {
      // Freeing only returns wasmer's memory early; the instance is unreachable either way.
    }
  }
}
