import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Direction,
  decodeSceneBatch,
  type PageMessage,
  type Params,
  ROOT_NODE_ID,
  type SceneOp,
  type Value,
  WasmManifestSchema,
} from '../../../../bridge/index.ts';
import { FocusEngine } from '../../../../host/focus/focus-engine.ts';
import type { SceneNode } from '../../../../host/scene/scene-node.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { snapshotScene } from '../../../../host/scene/snapshot.ts';
import { type PageCallResult, PageInstance } from '../../../../wasm-pages/runtime/page-instance.ts';
import { loadPageModule } from '../../../../wasm-pages/runtime/page-module.ts';
import { initWasi } from '../../../../wasm-pages/runtime/wasi-runtime.ts';

// A minimal host for the SDK examples, in-process: the real runtime's PageInstance
// (wasm-pages/runtime/page-instance.ts) drives the page through the ABI (@wasmer/wasi, `ficus.emit`,
// `_initialize`, ficus_alloc + write + ficus_mount/ficus_event, ficus_frame) and checks every emit
// (decodeSceneBatch; decodeValue + PageMessageSchema; the page's id range). This file adds what a
// world does around it: the page's container (ABI.md section 5), a real SceneStore in world 'wasm'
// that every batch must apply to, and a real FocusEngine that turns key presses into the focus,
// blur and arrow events of ABI.md section 6.

const ROOT = resolve(import.meta.dirname, '../../../..');
const OUT = join(ROOT, 'dist/wasm');

/** The ids of ABI.md's mount example. */
export const IDS = { rootId: 16_777_216, firstId: 16_777_217 } as const;

/** One emitted scene batch: its bytes as the page wrote them, and their ops. */
export interface EmittedBatch {
  readonly bytes: Uint8Array;
  readonly ops: readonly SceneOp[];
}

/** What one call into the page produced. */
export interface CallOutput {
  readonly batches: EmittedBatch[];
  readonly messages: PageMessage[];
  readonly stdout: string[];
}

/** The compiled bytes of an SDK example (`wasm-pages/sdk/examples/<name>.ts`), from the build's manifest. */
export function exampleWasm(name: string): Uint8Array<ArrayBuffer> {
  const manifestPath = join(OUT, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error('dist/wasm/manifest.json is missing: run `npm run build:wasm`');
  const manifest = WasmManifestSchema.check(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!manifest.ok) throw new Error('dist/wasm/manifest.json does not match WasmManifestSchema');
  const entry = manifest.value.modules[`example-${name}`];
  if (entry === undefined) throw new Error(`no module example-${name} in dist/wasm/manifest.json`);
  return new Uint8Array(readFileSync(join(OUT, entry.file)));
}

export class ExampleHost {
  readonly store = new SceneStore();
  readonly focus = new FocusEngine(this.store, 'wasm', { now: () => 0 });
  /** Every batch and message so far, in order. */
  readonly batches: EmittedBatch[] = [];
  readonly messages: PageMessage[] = [];
  readonly stdout: string[] = [];
  private pendingEvents: Value[] = [];

  private constructor(private readonly instance: PageInstance) {
    // ABI.md section 5: the page's container, made by the host: a 1920×1080 view under the world root.
    this.applyOps([
      { op: 'create', id: IDS.rootId, kind: 'view' },
      { op: 'setProp', id: IDS.rootId, name: 'width', value: 1920 },
      { op: 'setProp', id: IDS.rootId, name: 'height', value: 1080 },
      { op: 'append', parent: ROOT_NODE_ID, child: IDS.rootId },
    ]);
    // The focus engine's events become page events (without `world`, as ABI.md section 6 lists them).
    this.focus.onChange((event) => {
      this.pendingEvents.push({ type: event.type, nodeId: event.nodeId, focusKey: event.focusKey });
    });
  }

  static async load(example: string): Promise<ExampleHost> {
    await initWasi();
    const loaded = await loadPageModule(`example-${example}`, exampleWasm(example));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const created = PageInstance.instantiate(loaded.module, { checkAbiVersion: true });
    if (!created.ok) throw new Error(created.error.message);
    return new ExampleHost(created.instance);
  }

  /** Loads the example and mounts it. */
  static async mount(example: string, route = 'example', params: Params = {}): Promise<ExampleHost> {
    const host = await ExampleHost.load(example);
    host.mount(route, params);
    return host;
  }

  mount(route = 'example', params: Params = {}): CallOutput {
    return this.record(this.instance.mount(IDS, route, params));
  }

  event(event: Value): CallOutput {
    return this.record(this.instance.event(event));
  }

  frame(nowMs: number): CallOutput {
    return this.record(this.instance.frame(nowMs));
  }

  unmount(): CallOutput {
    return this.record(this.instance.unmount());
  }

  /** Focuses where a viewer arriving starts, and tells the page (focus event). */
  focusInitial(): CallOutput {
    if (!this.focus.focusInitial()) throw new Error('nothing is focusable');
    return this.deliverFocusEvents();
  }

  /** An arrow key: the focus engine moves focus (blur + focus events), or the page gets an arrow event. */
  press(direction: Direction): CallOutput {
    const result = this.focus.move(direction);
    const focused = this.focus.focused;
    if (
      !result.moved &&
      focused !== null &&
      (result.reason === 'no-candidate' || result.reason === 'boundary')
    ) {
      this.pendingEvents.push({
        type: 'arrow',
        nodeId: focused.nodeId,
        focusKey: focused.focusKey,
        direction,
      });
    }
    return this.deliverFocusEvents();
  }

  /** OK / Enter on the focused node. */
  select(): CallOutput {
    const focused = this.focus.focused;
    if (focused === null) throw new Error('select: nothing is focused');
    return this.event({ type: 'select', nodeId: focused.nodeId, focusKey: focused.focusKey });
  }

  /** The page's scene, ids normalized (host/scene/snapshot.ts). */
  snapshot(): string {
    return snapshotScene(this.store, 'wasm');
  }

  /** The attached node with this focus key. */
  nodeByFocusKey(focusKey: string): SceneNode {
    const found = this.findNode((node) => node.props.focusKey === focusKey);
    if (found === undefined) throw new Error(`no node with focus key ${focusKey}`);
    return found;
  }

  /** The attached text node showing exactly `text`, if any. */
  textNode(text: string): SceneNode | undefined {
    return this.findNode((node) => node.kind === 'text' && node.props.text === text);
  }

  /** Every text shown, in tree order. */
  texts(): string[] {
    const out: string[] = [];
    this.walk((node) => {
      if (node.kind === 'text' && typeof node.props.text === 'string') out.push(node.props.text);
    });
    return out;
  }

  private deliverFocusEvents(): CallOutput {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    const outputs = events.map((event) => this.event(event));
    return {
      batches: outputs.flatMap((o) => o.batches),
      messages: outputs.flatMap((o) => o.messages),
      stdout: outputs.flatMap((o) => o.stdout),
    };
  }

  private findNode(test: (node: SceneNode) => boolean): SceneNode | undefined {
    let found: SceneNode | undefined;
    this.walk((node) => {
      if (found === undefined && test(node)) found = node;
    });
    return found;
  }

  private walk(visit: (node: SceneNode) => void): void {
    const go = (node: SceneNode): void => {
      visit(node);
      for (const id of node.children) {
        const child = this.store.get('wasm', id);
        if (child !== undefined) go(child);
      }
    };
    go(this.store.root('wasm'));
  }

  private applyOps(ops: readonly SceneOp[]): void {
    const applied = this.store.apply('wasm', ops);
    if (!applied.ok) throw new Error(`the scene store rejected a batch: ${applied.error.message}`);
    this.focus.sceneChanged();
  }

  private record(result: PageCallResult): CallOutput {
    if (result.status === 'dead') throw new Error('the page instance is dead (crashed or unmounted)');
    if (result.status === 'crashed') {
      throw new Error(
        `the page crashed in ${result.crash.phase}: ${result.crash.message}\n${result.crash.stderr}`,
      );
    }
    const batches = result.output.batches.map(({ bytes }) => {
      // Decoded again from the page's own bytes: the exact layout is what is under test.
      const decoded = decodeSceneBatch(bytes);
      if (!decoded.ok) throw new Error(`a batch does not decode: ${decoded.error.message}`);
      this.applyOps(decoded.ops);
      return { bytes, ops: decoded.ops };
    });
    const messages = [...result.output.messages];
    const stdout = result.output.stdout.map((line) => line.message);
    this.batches.push(...batches);
    this.messages.push(...messages);
    this.stdout.push(...stdout);
    return { batches, messages, stdout };
  }
}
