import type { BusCrossing } from './bus-tap.ts';
import { clip } from './format.ts';
import { approximateBytes } from './payload-size.ts';

/** One crossing of the worker boundary, summarized the moment it was seen (nothing it carried is kept). */
export interface BusEntry {
  readonly direction: BusCrossing['direction'];
  readonly kind: BusCrossing['kind'];
  /** What crossed: the call ("event"), "reply to event", or the message's type ("scene.batch"). */
  readonly what: string;
  /** The page or entry it was about, and a detail (the event types, the data path, the status). */
  readonly detail: string;
  /** About how many bytes it carried (see `approximateBytes`). */
  readonly bytes: number;
  readonly at: number;
}

/** A field of a value that may not be an object. */
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Readonly<Record<string, unknown>>)[name]
    : undefined;
const text = (value: unknown): string => (typeof value === 'string' ? clip(value, 40) : '');
const joined = (...parts: readonly string[]): string => parts.filter((part) => part !== '').join(' ');

/** What a call's arguments say, by call (the WasmWorldApi's parameters). */
function callDetail(name: string, args: unknown): string {
  const arg = (i: number) => (Array.isArray(args) ? (args[i] as unknown) : undefined);
  switch (name) {
    case 'event':
      return joined(text(arg(0)), text(field(arg(1), 'type')), text(field(arg(1), 'focusKey')));
    case 'events': {
      const events = arg(1);
      const types = Array.isArray(events) ? events.map((event) => text(field(event, 'type'))) : [];
      return joined(text(arg(0)), clip(types.join(','), 60));
    }
    case 'mount':
      return joined(text(arg(0)), text(arg(1)));
    case 'setVisible':
      return joined(text(arg(0)), String(arg(1)));
    case 'load':
    case 'unmount':
      return text(arg(0));
    default:
      return '';
  }
}

/** What a reply says: its status, or whether it went well. */
function replyDetail(reply: unknown): string {
  const status = field(reply, 'status');
  if (typeof status === 'string') return status;
  const ok = field(reply, 'ok');
  return typeof ok === 'boolean' ? (ok ? 'ok' : 'failed') : '';
}

/** What a message of the world says: its page, and the data path, log level or crash phase. */
function messageDetail(message: unknown): string {
  const page = text(field(message, 'page'));
  switch (field(message, 'type')) {
    case 'data.request':
      return joined(page, text(field(message, 'path')));
    case 'log':
      return joined(page, text(field(message, 'level')));
    case 'crashed':
      return joined(page, text(field(message, 'phase')));
    case 'navigate':
    case 'replace':
      return joined(page, '→', text(field(message, 'route')));
    default:
      return page;
  }
}

/**
 * The summary of one crossing: what it was, what it was about, its size. Reads only the fields it
 * names, so a malformed message (the tap sees messages before the client checks them) summarizes
 * to less, never throws.
 *
 * @example
 * summarizeCrossing({ direction: 'to-worker', kind: 'call', name: 'event', payload: ['e3', { type: 'focus', nodeId: 7, focusKey: 'tile:r0:2' }], at: 10 });
 * // { direction: 'to-worker', kind: 'call', what: 'event', detail: 'e3 focus tile:r0:2', bytes: 42, at: 10 }
 */
export function summarizeCrossing(crossing: BusCrossing): BusEntry {
  const { direction, kind, name, payload, at } = crossing;
  const what =
    kind === 'call'
      ? name
      : kind === 'reply'
        ? `reply to ${name}`
        : text(field(payload, 'type')) || '(no type)';
  const detail =
    kind === 'call'
      ? callDetail(name, payload)
      : kind === 'reply'
        ? replyDetail(payload)
        : messageDetail(payload);
  return { direction, kind, what, detail, bytes: approximateBytes(payload), at };
}

/** The totals of one direction since the log started. */
export interface BusTotals {
  readonly count: number;
  readonly bytes: number;
}

/**
 * The last `keep` crossings each way, and totals since it started: what the overlay shows of the
 * worker boundary. Summaries only; it holds nothing that crossed.
 *
 * @example
 * const log = new BusLog(8);
 * log.add(crossing);
 * log.last('from-worker'); // newest first
 * log.totals('to-worker'); // { count: 12, bytes: 1840 }
 */
export class BusLog {
  readonly #entries: Record<BusCrossing['direction'], BusEntry[]> = { 'to-worker': [], 'from-worker': [] };
  readonly #totals: Record<BusCrossing['direction'], { count: number; bytes: number }> = {
    'to-worker': { count: 0, bytes: 0 },
    'from-worker': { count: 0, bytes: 0 },
  };

  constructor(readonly keep = 8) {
    if (!Number.isInteger(keep) || keep < 1)
      throw new RangeError(`BusLog keeps at least 1 entry, got ${keep}`);
  }

  /** Summarizes and keeps one crossing; returns its summary. */
  add(crossing: BusCrossing): BusEntry {
    const entry = summarizeCrossing(crossing);
    const entries = this.#entries[entry.direction];
    entries.push(entry);
    if (entries.length > this.keep) entries.splice(0, entries.length - this.keep);
    const totals = this.#totals[entry.direction];
    totals.count++;
    totals.bytes += entry.bytes;
    return entry;
  }

  /** The last crossings one way, newest first. */
  last(direction: BusCrossing['direction']): readonly BusEntry[] {
    return [...this.#entries[direction]].reverse();
  }

  totals(direction: BusCrossing['direction']): BusTotals {
    return { ...this.#totals[direction] };
  }
}
