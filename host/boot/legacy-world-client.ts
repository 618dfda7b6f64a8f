import type { ComponentType } from 'react';
import type { HistorySync, HostToWorldMessage, Params, SceneOp } from '../../bridge/index.ts';
import { LegacyWorld, type LegacyWorldMessage } from '../../legacy-react/index.ts';
import type { WorldClient } from './world-client.ts';

/**
 * The host's side of the React world: the world runs on this thread; its commits are queued here
 * until the next frame applies them (`onBatch` asks for that frame), and its requests go to `onMessage`.
 */
export class LegacyWorldClient implements WorldClient {
  readonly world: LegacyWorld;
  private readonly batches: SceneOp[][] = [];
  private readonly routes = new Map<string, string>();

  constructor(options: {
    readonly pages: Readonly<Record<string, ComponentType>>;
    readonly apiBase: string;
    readonly fetch?: typeof fetch;
    readonly onMessage: (message: Exclude<LegacyWorldMessage, { type: 'scene.ops' }>) => void;
    /** A React commit produced scene ops: time to schedule a frame. */
    readonly onBatch?: () => void;
  }) {
    this.world = new LegacyWorld({
      pages: options.pages,
      apiBase: options.apiBase,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      send: (message) => {
        if (message.type === 'scene.ops') {
          this.batches.push([...message.ops]);
          options.onBatch?.();
        } else options.onMessage(message);
      },
    });
  }

  mount(key: string, route: string, params: Params, hidden: boolean): void {
    this.routes.set(key, route);
    this.world.mount(key, route, params, { hidden });
  }

  setVisible(key: string, visible: boolean): void {
    this.world.setVisible(key, visible);
  }

  unmount(key: string): void {
    this.routes.delete(key);
    this.world.unmount(key);
  }

  isMounted(key: string): boolean {
    return this.world.mountedKeys.includes(key);
  }

  /** Entry keys of mounted pages showing `route` (a crash report names the route, not the entry). */
  keysOf(route: string): string[] {
    return [...this.routes].filter(([, r]) => r === route).map(([key]) => key);
  }

  deliver(message: HostToWorldMessage): void {
    this.world.deliver(message);
  }

  /** React pages find their node by id, so `key` is not needed; the page answers within this call. */
  event(_key: string, event: HostToWorldMessage): void {
    this.world.deliver(event);
  }

  syncHistory(sync: HistorySync): void {
    this.world.deliver(sync);
  }

  /** The React world's ops come as objects from page code: the store checks each one. */
  takeBatches(): SceneOp[][] {
    return this.batches.splice(0);
  }
}
