import type { InspectionEvent } from 'xstate';

/** One thing XState's inspector saw the router's navigation machine (or an actor it runs) do. */
export interface InspectionRecord {
  /** performance.now() when it was seen. */
  readonly at: number;
  /** Which actor: "router" for the navigation machine, else the child's session id. */
  readonly actor: string;
  readonly kind: 'event' | 'state' | 'action' | 'actor';
  /** The event type, the state value (JSON), the action type, or "started". */
  readonly detail: string;
}

/** A field of a value that may not be an object. */
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Readonly<Record<string, unknown>>)[name]
    : undefined;

/**
 * An inspection event in short, or null for the kinds not worth a line (microsteps, transitions,
 * and snapshots of actors without a state value, such as the promise actors a switch invokes).
 *
 * @example
 * describeInspection({ type: '@xstate.event', event: { type: 'NAVIGATE' }, ... }, 12.5);
 * // { at: 12.5, actor: 'router', kind: 'event', detail: 'NAVIGATE' }
 */
export function describeInspection(event: InspectionEvent, at: number): InspectionRecord | null {
  const actor = event.actorRef.sessionId === event.rootId ? 'router' : event.actorRef.sessionId;
  switch (event.type) {
    case '@xstate.event':
      return { at, actor, kind: 'event', detail: event.event.type };
    case '@xstate.snapshot': {
      const value = field(event.snapshot, 'value');
      return value === undefined ? null : { at, actor, kind: 'state', detail: JSON.stringify(value) };
    }
    case '@xstate.action':
      return { at, actor, kind: 'action', detail: event.action.type };
    case '@xstate.actor':
      return { at, actor, kind: 'actor', detail: 'started' };
    default:
      return null;
  }
}

export interface RouterInspectorOptions {
  /** Where the records go, oldest first (the browser boot passes `window.__ficusInspect`). */
  readonly records: InspectionRecord[];
  /** How many records are kept (default 500); older ones are dropped. */
  readonly keep?: number;
  /** Also writes each record as a line (the browser boot passes console.debug). */
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

/**
 * The router's `inspect` observer for `?inspect`: keeps what the navigation machine does as short
 * records (the last `keep`) and logs each, so a developer can follow a page switch step by step
 * without an external inspector service.
 *
 * @example
 * const records: InspectionRecord[] = [];
 * createRouter(ports, { rootRoute: 'home', inspect: createRouterInspector({ records, log: console.debug }) });
 * // records: [{ kind: 'event', detail: 'RESET' }, { kind: 'state', detail: '"choosingWorld"' }, ...]
 */
export function createRouterInspector(options: RouterInspectorOptions): (event: InspectionEvent) => void {
  const { records, log } = options;
  const keep = options.keep ?? 500;
  const now = options.now ?? (() => performance.now());
  return (event) => {
    const record = describeInspection(event, now());
    if (record === null) return;
    records.push(record);
    if (records.length > keep) records.splice(0, records.length - keep);
    log?.(`[router ${record.actor}] ${record.kind} ${record.detail}`);
  };
}
