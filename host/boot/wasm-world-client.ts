import {
  decodeSceneBatch,
  type HistorySync,
  type Params,
  type SceneOp,
  type WasmManifest,
  WasmManifestSchema,
} from '../../bridge/index.ts';
import type { WasmWorldApi } from '../../wasm-pages/runtime/worker-api.ts';
import type { WasmWorldMessage } from '../../wasm-pages/runtime/world-messages.ts';
import { answerDataRequest } from '../wasm-world/data-requests.ts';

/** The WASM world as the host drives it: a comlink remote of the worker, or the API in-process. */
export type WasmWorldRemote = {
  [K in keyof WasmWorldApi]: (
    ...args: Parameters<WasmWorldApi[K]>
  ) => Promise<Awaited<ReturnType<WasmWorldApi[K]>>>;
};

export interface WasmWorldClientOptions {
  readonly api: WasmWorldRemote;
  /** Reads the build's manifest and a module's bytes (fetch in a browser, files under Node). */
  readonly manifest: () => Promise<unknown>;
  readonly moduleBytes: (file: string) => Promise<Uint8Array>;
  readonly apiBase: string;
  readonly fetch: typeof fetch;
  /** Navigation requests, crashes, logs and metrics from pages. */
  readonly onMessage: (message: Exclude<WasmWorldMessage, { type: 'scene.batch' | 'data.request' }>) => void;
}

/**
 * The host's side of the WASM world: loads page modules on demand from the build manifest, keeps
 * the batches the world sends until the frame loop applies them, and answers pages' data requests
 * through the backend contract (the same reads the React world does).
 */
export class WasmWorldClient {
  private manifest: WasmManifest | undefined;
  private readonly loaded = new Map<string, Promise<void>>();
  private readonly batches: SceneOp[][] = [];
  private readonly mounted = new Set<string>();

  constructor(private readonly options: WasmWorldClientOptions) {}

  /** Receives everything the world sends (give this to `api.connect`). */
  readonly receive = (message: WasmWorldMessage): void => {
    switch (message.type) {
      case 'scene.batch': {
        const decoded = decodeSceneBatch(message.bytes);
        if (decoded.ok) this.batches.push(decoded.ops);
        else {
          console.error(
            `the WASM world sent an unreadable batch for ${message.page}: ${decoded.error.message}`,
          );
        }
        return;
      }
      case 'data.request':
        void answerDataRequest(message.requestId, message.path, this.options).then((event) => {
          if (this.mounted.has(message.key)) void this.options.api.event(message.key, event);
        });
        return;
      default:
        this.options.onMessage(message);
    }
  };

  /** Loads the page's module (once); rejects with a reason naming the page. */
  load(route: string): Promise<void> {
    let loading = this.loaded.get(route);
    if (loading === undefined) {
      loading = this.loadModule(route);
      this.loaded.set(route, loading);
      loading.catch(() => this.loaded.delete(route));
    }
    return loading;
  }

  async mount(key: string, route: string, params: Params, hidden: boolean): Promise<void> {
    await this.load(route);
    // Counted as mounted from the start: the page asks for its data while mounting, and the answer
    // may come back before the mount call does.
    this.mounted.add(key);
    const result = await this.options.api.mount(key, route, params, { hidden });
    if (result.status !== 'mounted') {
      this.mounted.delete(key);
      throw new Error(
        result.status === 'refused'
          ? result.error.message
          : `page "${route}" crashed on mount: ${result.crash.message}`,
      );
    }
  }

  async setVisible(key: string, visible: boolean): Promise<void> {
    await this.options.api.setVisible(key, visible);
  }

  async unmount(key: string): Promise<void> {
    this.mounted.delete(key);
    await this.options.api.unmount(key);
  }

  forget(key: string): void {
    this.mounted.delete(key);
  }

  isMounted(key: string): boolean {
    return this.mounted.has(key);
  }

  async syncHistory(sync: HistorySync): Promise<void> {
    await Promise.all([...this.mounted].map((key) => this.options.api.event(key, sync)));
  }

  /** Runs one frame in the world; its batches arrive through `receive` before this resolves. */
  async frame(now: number): Promise<void> {
    await this.options.api.frame(now);
  }

  /** The batches received since the last call, in order. */
  takeBatches(): SceneOp[][] {
    return this.batches.splice(0);
  }

  private async loadModule(route: string): Promise<void> {
    this.manifest ??= await this.readManifest();
    const entry = this.manifest.modules[route];
    if (entry === undefined || entry.kind !== 'page')
      throw new Error(`the WASM build has no page "${route}"`);
    const bytes = await this.options.moduleBytes(entry.file);
    const loaded = await this.options.api.load(route, bytes);
    if (!loaded.ok) throw new Error(loaded.error.message);
  }

  private async readManifest(): Promise<WasmManifest> {
    const checked = WasmManifestSchema.check(await this.options.manifest());
    if (!checked.ok)
      throw new Error(`the WASM manifest is malformed: ${checked.issue.path}: ${checked.issue.message}`);
    return checked.value;
  }
}
