import type {
  CheckedSceneOps,
  HistorySync,
  HostToWorldMessage,
  Params,
  SceneOp,
  WorldId,
} from '../../bridge/index.ts';

/**
 * One world as the host drives it. The React world (on this thread) and the WASM world (in a
 * worker) both implement it, so the app host treats them alike, as single-spa drives every
 * application through one lifecycle: mount hidden, reveal, deliver events, sync history, hand over
 * the scene it drew, unmount. A world answers in its own time: what returns a promise has been
 * handed over when it resolves (the WASM world's page has answered); the React world answers
 * within the call.
 *
 * @example
 * const clients: Record<WorldId, WorldClient> = { legacy, wasm };
 * await clients[entry.world].mount(entry.key, entry.route, entry.params, true);
 * clients[entry.world].setVisible(entry.key, true);
 * await clients[world].event(key, { type: 'select', world, nodeId, focusKey });
 */
export interface WorldClient {
  /** Mounts `route` under a history entry's key, hidden until revealed; rejects (or throws) with the reason it could not. */
  mount(key: string, route: string, params: Params, hidden: boolean): void | Promise<void>;
  /** Shows or hides a mounted page (a reveal). */
  setVisible(key: string, visible: boolean): void | Promise<void>;
  unmount(key: string): void | Promise<void>;
  isMounted(key: string): boolean;
  /** Entry keys of pages mounted or mounting that show `route` (a crash report names the route). */
  keysOf(route: string): string[];
  /** Hands the page under `key` a focus, blur, arrow or select event; never rejects. */
  event(key: string, event: HostToWorldMessage): void | Promise<void>;
  /** Tells every mounted page where history stands now. */
  syncHistory(sync: HistorySync): void | Promise<void>;
  /**
   * The scene batches received since the last call, in order (the frame applies them). Batches
   * validated where they entered are `CheckedSceneOps`, so the store does not check their shape again.
   */
  takeBatches(): (CheckedSceneOps | readonly SceneOp[])[];
}

/** Both worlds' clients, by world. */
export type WorldClients = Readonly<Record<WorldId, WorldClient>>;
