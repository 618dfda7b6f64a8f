import { type ComponentType, createElement } from 'react';
import { ConcurrentRoot } from 'react-reconciler/constants.js';
import {
  type BackRequest,
  type CrashPhase,
  type HostToWorldMessage,
  type NavigateRequest,
  type PageCrashed,
  type Params,
  type ReplaceRequest,
  ROOT_NODE_ID,
  type SceneOp,
  type SceneOpsMessage,
} from '../../bridge/index.ts';
import type { PageContainer } from '../renderer/host-instance.ts';
import type { FocusHandlers } from '../renderer/primitive-props.ts';
import { createFicusReconciler, type FicusReconciler } from '../renderer/reconciler.ts';
import { SceneWriter } from '../renderer/scene-writer.ts';
import { FocusState } from './focus-state.ts';
import { HistoryCopy } from './history-copy.ts';
import { PageContext, type PageServices } from './page-context.ts';

/** Everything the React world sends to the host. */
export type LegacyWorldMessage =
  | SceneOpsMessage
  | NavigateRequest
  | ReplaceRequest
  | BackRequest
  | PageCrashed;

export interface LegacyWorldOptions {
  /** The pages this world can mount, by route. */
  readonly pages: Readonly<Record<string, ComponentType>>;
  /** Receives the world's messages: one `scene.ops` per commit, navigation requests, crashes. */
  readonly send: (message: LegacyWorldMessage) => void;
  /** Told about errors thrown by a page's event handlers (the page keeps running); default console.error. */
  readonly onHandlerError?: (error: unknown, route: string) => void;
  /** Backend origin for data hooks, prefixed to `apiPaths` paths: "" in the browser (same origin), "http://ficus.test" in Node tests. */
  readonly apiBase: string;
  readonly fetch?: typeof fetch;
}

interface MountedPage {
  readonly route: string;
  readonly container: PageContainer;
  readonly root: ReturnType<FicusReconciler['createContainer']>;
  phase: CrashPhase;
}

/**
 * The legacy React world: renders pages with React into scene ops and never touches the DOM.
 * Each mounted page gets its own full-stage container node under the world root and its own
 * React root, so two pages can exist while the router switches between them.
 *
 * @example
 * const world = new LegacyWorld({ pages: { profiles: ProfilesPage }, apiBase: '', send: host.receive });
 * world.mount('entry-1', 'profiles', {});
 * world.deliver({ type: 'focus', world: 'legacy', nodeId: 7, focusKey: 'profile-p1' });
 */
export class LegacyWorld {
  private readonly writer = new SceneWriter();
  private readonly reconciler: FicusReconciler;
  private readonly mounted = new Map<string, MountedPage>();
  private readonly focus = new FocusState();
  private readonly history = new HistoryCopy();
  private readonly inbox: HostToWorldMessage[] = [];
  private draining = false;

  constructor(private readonly options: LegacyWorldOptions) {
    this.reconciler = createFicusReconciler(this.writer);
  }

  /** The history copy the world holds (read-only; changed only by `history.sync`). */
  get historyCopy(): HistoryCopy {
    return this.history;
  }

  get mountedKeys(): string[] {
    return [...this.mounted.keys()];
  }

  /**
   * Mounts `route` with `params` under `key` (the history entry key) and renders it at once, so
   * the first batch of ops is sent before this returns. With `hidden`, the page's layer starts
   * hidden (`visible: false`) until `setVisible(key, true)`.
   */
  mount(key: string, route: string, params: Params, options: { readonly hidden?: boolean } = {}): void {
    const Page = this.options.pages[route];
    if (Page === undefined) {
      const known = Object.keys(this.options.pages).join(', ');
      throw new Error(`The React world has no page "${route}" (it has: ${known})`);
    }
    if (this.mounted.has(key)) throw new Error(`A page is already mounted for history entry "${key}"`);

    const nodeId = this.writer.allocateId();
    const container: PageContainer = {
      page: route,
      nodeId,
      children: [],
      pending: [],
      flush: (ops) => this.sendOps(route, ops),
    };
    // The page's own full-stage layer, so pages position themselves in stage coordinates.
    this.sendOps(route, [
      { op: 'create', id: nodeId, kind: 'view' },
      { op: 'setProp', id: nodeId, name: 'width', value: 1920 },
      { op: 'setProp', id: nodeId, name: 'height', value: 1080 },
      ...(options.hidden === true
        ? [{ op: 'setProp', id: nodeId, name: 'visible', value: false } as const]
        : []),
      { op: 'append', parent: ROOT_NODE_ID, child: nodeId },
    ]);

    let page: MountedPage | undefined;
    const root = this.reconciler.createContainer(
      container,
      ConcurrentRoot,
      null,
      false,
      null,
      `ficus-${key}-`,
      (error) => {
        if (page !== undefined) this.crash(key, page, error);
      },
      () => undefined, // caught by an error boundary: the page handled it
      () => undefined,
      () => undefined,
      null,
    );
    page = { route, container, root, phase: 'mount' };
    this.mounted.set(key, page);

    const services: PageServices = {
      route,
      params: Object.freeze({ ...params }),
      history: this.history,
      focus: this.focus,
      request: (message) => this.options.send(message),
      apiBase: this.options.apiBase,
      fetch: this.options.fetch ?? globalThis.fetch.bind(globalThis),
    };
    this.reconciler.updateContainerSync(
      createElement(PageContext.Provider, { value: services }, createElement(Page)),
      page.root,
    );
    this.reconciler.flushSyncWork();
    page.phase = 'event';
  }

  /** Shows or hides the layer of the page of history entry `key` (the router mounts offscreen, then reveals). */
  setVisible(key: string, visible: boolean): void {
    const page = this.mounted.get(key);
    if (page === undefined) return;
    this.sendOps(page.route, [
      { op: 'setProp', id: page.container.nodeId, name: 'visible', value: visible ? null : false },
    ]);
  }

  /** Unmounts the page of history entry `key` and removes its layer from the scene. */
  unmount(key: string): void {
    const page = this.mounted.get(key);
    if (page === undefined) return;
    this.mounted.delete(key);
    page.phase = 'unmount';
    try {
      this.reconciler.updateContainerSync(null, page.root);
      this.reconciler.flushSyncWork();
    } finally {
      // Whatever the page's cleanup did, its layer must not stay on screen.
      this.sendOps(page.route, [{ op: 'remove', id: page.container.nodeId }]);
    }
  }

  /**
   * Takes a message from the host: focus, blur, select, arrow or a history sync. Messages are
   * handled in order; one that arrives while React is committing (the host reacting to the
   * commit's own ops) waits for the commit to end, so no handler ever runs inside a commit.
   */
  deliver(message: HostToWorldMessage): void {
    this.inbox.push(message);
    if (this.draining) return;
    if (this.writer.committing) queueMicrotask(() => this.drain());
    else this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let message = this.inbox.shift(); message !== undefined; message = this.inbox.shift())
        this.handle(message);
    } finally {
      this.draining = false;
    }
  }

  private handle(message: HostToWorldMessage): void {
    switch (message.type) {
      case 'history.sync':
        this.history.apply(message);
        return;
      case 'focus':
        this.focus.focus(message.nodeId, message.focusKey);
        this.dispatch(message.nodeId, (h) => h.onFocus?.(message.focusKey));
        return;
      case 'blur':
        this.focus.blur(message.nodeId);
        this.dispatch(message.nodeId, (h) => h.onBlur?.(message.focusKey));
        return;
      case 'select':
        this.dispatch(message.nodeId, (h) => h.onSelect?.(message.focusKey));
        return;
      case 'arrow':
        this.dispatch(message.nodeId, (h) => h.onArrow?.(message.direction, message.focusKey));
        return;
    }
  }

  /**
   * Runs a handler as a discrete event, like a click in React DOM: its updates commit right after.
   * A handler that throws is reported, as React DOM reports an error in an event handler; the
   * page and the world keep running.
   */
  private dispatch(nodeId: number, call: (handlers: FocusHandlers) => void): void {
    const instance = this.writer.instances.get(nodeId);
    if (instance === undefined) return;
    try {
      this.reconciler.discreteUpdates(call, instance.handlers, undefined, undefined, undefined);
    } catch (error) {
      const report =
        this.options.onHandlerError ??
        ((e: unknown, route: string) => console.error(`a handler of page "${route}" threw:`, e));
      report(error, instance.page);
    }
  }

  private sendOps(route: string, ops: SceneOp[]): void {
    if (ops.length > 0) this.options.send({ type: 'scene.ops', page: route, ops });
  }

  private crash(key: string, page: MountedPage, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
    this.options.send({
      type: 'crashed',
      page: page.route,
      phase: page.phase,
      message: message.slice(0, 4096),
      stderr: stack.slice(0, 65_536),
    });
    // React has already unmounted the tree; drop the page's layer so nothing half-drawn remains.
    if (this.mounted.delete(key)) this.sendOps(page.route, [{ op: 'remove', id: page.container.nodeId }]);
  }
}
