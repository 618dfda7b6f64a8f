import { quantile } from './stats.ts';

/** The hops of a key press, in order (the host's host/boot/input-trace.ts records them). */
export const HOPS = ['keydown', 'focusMoved', 'eventSent', 'pageEmitted', 'batchApplied', 'painted'] as const;
export type Hop = (typeof HOPS)[number];

/** One press as `window.__ficusTrace.take()` returns it (times: the main thread's performance.now()). */
export interface HopTrace {
  readonly key: string;
  readonly world: string;
  readonly hops: Partial<Record<Hop, number>>;
}

/** Median milliseconds from one hop to the next hop the press reached, and how many presses had both. */
export interface HopDelta {
  readonly from: Hop;
  readonly to: Hop;
  readonly medianMs: number;
  readonly n: number;
}

/** Checks what the page handed back: anything that is not a press with numeric hops is left out. */
export function validHopTraces(value: unknown): HopTrace[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is HopTrace => {
    if (typeof item !== 'object' || item === null) return false;
    const { key, world, hops } = item as Record<string, unknown>;
    if (typeof key !== 'string' || typeof world !== 'string' || typeof hops !== 'object' || hops === null)
      return false;
    return Object.values(hops).every((time) => typeof time === 'number' && Number.isFinite(time));
  });
}

/**
 * Per pair of consecutive hops a press reached (a hop it did not need, such as `eventSent` for a
 * move no page hears about, is skipped: the delta then spans it), the median delta over `traces`.
 * Pairs come in hop order; a pair no press had is left out.
 *
 * @example
 * hopDeltas([{ key: 'ArrowRight', world: 'wasm', hops: { keydown: 0, focusMoved: 1, painted: 9 } }]);
 * // [{ from: 'keydown', to: 'focusMoved', medianMs: 1, n: 1 }, { from: 'focusMoved', to: 'painted', medianMs: 8, n: 1 }]
 */
export function hopDeltas(traces: readonly HopTrace[]): HopDelta[] {
  const samples = new Map<string, { from: Hop; to: Hop; values: number[] }>();
  for (const trace of traces) {
    const reached = HOPS.filter((hop) => trace.hops[hop] !== undefined);
    for (let index = 1; index < reached.length; index++) {
      const from = reached[index - 1];
      const to = reached[index];
      if (from === undefined || to === undefined) continue;
      const pair = `${from}>${to}`;
      const entry = samples.get(pair) ?? { from, to, values: [] };
      entry.values.push((trace.hops[to] ?? 0) - (trace.hops[from] ?? 0));
      samples.set(pair, entry);
    }
  }
  const order = (hop: Hop) => HOPS.indexOf(hop);
  return [...samples.values()]
    .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to))
    .map(({ from, to, values }) => ({ from, to, medianMs: quantile(values, 0.5), n: values.length }));
}
