import {
  type CheckedSceneOps,
  isCheckedOps,
  type NodeId,
  ROOT_NODE_ID,
  WORLD_IDS,
  type WorldId,
} from '../../bridge/index.ts';
import type { SceneChanges } from './scene-changes.ts';
import type { SceneNode } from './scene-node.ts';
import { SceneOpError } from './scene-op-error.ts';
import { BatchRejection, WorldScene } from './world-scene.ts';

export type ApplyResult = { readonly ok: true } | { readonly ok: false; readonly error: SceneOpError };

/**
 * The headless scene: one node tree per world, each with a root (id 0) the host owns. Worlds
 * change their own tree only, by batches of scene ops that apply atomically. Runs without a DOM.
 *
 * @example
 * const store = new SceneStore();
 * const result = store.apply('wasm', [
 *   { op: 'create', id: 1, kind: 'text' },
 *   { op: 'setProp', id: 1, name: 'text', value: 'Hello' },
 *   { op: 'append', parent: 0, child: 1 },
 * ]);
 * if (!result.ok) console.error(result.error.message); // names the world, the op and the reason
 */
export class SceneStore {
  private readonly worlds = new Map<WorldId, WorldScene>();
  private readonly listeners = new Set<(world: WorldId) => void>();

  constructor(worlds: readonly WorldId[] = WORLD_IDS) {
    for (const world of worlds) {
      this.worlds.set(world, new WorldScene(world, (id) => this.otherWorldWith(world, id)));
    }
  }

  get worldIds(): WorldId[] {
    return [...this.worlds.keys()];
  }

  /**
   * Applies a batch to `world` only. Ops are validated here (they may come from untrusted code),
   * so `ops` is typed loosely; a rejected batch leaves the world exactly as it was. Ops validated
   * where they entered (`decodeSceneBatch`'s result, a `CheckedSceneOps`) are checked only against
   * the tree (ids, kinds, cycles), not for their shape again.
   *
   * @example
   * const decoded = decodeSceneBatch(bytes);
   * if (decoded.ok) store.apply('wasm', decoded.ops); // shape already checked by the decoder
   * store.apply('legacy', [{ op: 'create', id: 1, kind: 'view' }]); // checked here
   */
  apply(world: WorldId, ops: CheckedSceneOps | readonly unknown[]): ApplyResult {
    const scene = this.scene(world);
    try {
      scene.applyBatch(ops, isCheckedOps(ops));
    } catch (error) {
      if (error instanceof BatchRejection) {
        const { index, op, rejection } = error;
        return { ok: false, error: new SceneOpError(world, index, op, rejection.code, rejection.reason) };
      }
      throw error;
    }
    if (ops.length > 0) for (const listener of this.listeners) listener(world);
    return { ok: true };
  }

  /** Changes whenever the world's tree or a layout prop changed; equal versions mean the same layout. */
  layoutVersion(world: WorldId): number {
    return this.scene(world).layoutVersion;
  }

  get(world: WorldId, id: NodeId): SceneNode | undefined {
    return this.scene(world).nodes.get(id);
  }

  root(world: WorldId): SceneNode {
    const root = this.get(world, ROOT_NODE_ID);
    if (root === undefined) throw new Error(`world "${world}" has lost its root node`);
    return root;
  }

  /** How many nodes the world holds, attached or not, including its root. */
  size(world: WorldId): number {
    return this.scene(world).nodes.size;
  }

  /** What changed in `world` since the last `takeChanges`, without taking it (read it, do not keep it). */
  peekChanges(world: WorldId): SceneChanges {
    return this.scene(world).pendingChanges;
  }

  /** Returns and forgets what changed in `world` since the last call (the painter's dirty list). */
  takeChanges(world: WorldId): SceneChanges {
    return this.scene(world).takeChanges();
  }

  /** Destroys all of a world's nodes but its root, e.g. when the world restarts. */
  clear(world: WorldId): void {
    this.scene(world).clear();
    for (const listener of this.listeners) listener(world);
  }

  /** Called after each applied batch, with the world that changed. Returns an unsubscribe. */
  onChange(listener: (world: WorldId) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scene(world: WorldId): WorldScene {
    const scene = this.worlds.get(world);
    if (scene === undefined) {
      throw new Error(
        `unknown world "${world}": this store holds ${this.worldIds.map((w) => `"${w}"`).join(', ')}`,
      );
    }
    return scene;
  }

  private otherWorldWith(world: WorldId, id: NodeId): WorldId | undefined {
    for (const [other, scene] of this.worlds) if (other !== world && scene.nodes.has(id)) return other;
    return undefined;
  }
}
