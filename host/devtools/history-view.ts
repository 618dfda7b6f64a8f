import type { HistoryEntry, WorldId } from '../../bridge/index.ts';
import { formatParams } from './format.ts';

/** One row of the history the overlay shows. */
export interface HistoryRow {
  readonly index: number;
  readonly key: string;
  readonly route: string;
  /** The params as `name=value` pairs, '' for none. */
  readonly params: string;
  /** The world that served the entry. */
  readonly world: WorldId;
  /**
   * The focus key of the entry: the one saved when the viewer left it (restored on Back), and for
   * the current entry the viewer's focus now.
   */
  readonly focusKey: string | null;
  /** The entry on screen. */
  readonly current: boolean;
  /** After the current entry: reached with forward. */
  readonly forward: boolean;
}

/**
 * The router's committed history as rows, oldest first. `liveFocusKey` is where the viewer is on
 * the current entry (its saved focus key is only written when the viewer leaves it).
 *
 * @example
 * historyRows({ entries: [profiles, collections], index: 1 }, 'tile:r0:2');
 * // [{ index: 0, route: 'profiles', focusKey: 'profile:p1', current: false, ... },
 * //  { index: 1, route: 'collections', focusKey: 'tile:r0:2', current: true, ... }]
 */
export function historyRows(
  stack: { readonly entries: readonly HistoryEntry[]; readonly index: number },
  liveFocusKey: string | null,
): HistoryRow[] {
  return stack.entries.map((entry, index) => ({
    index,
    key: entry.key,
    route: entry.route,
    params: formatParams(entry.params),
    world: entry.world,
    focusKey: index === stack.index ? (liveFocusKey ?? entry.focusKey) : entry.focusKey,
    current: index === stack.index,
    forward: index > stack.index,
  }));
}

/**
 * A row as one line: a marker (`▶` current, `›` forward), index, key, route and params, world,
 * focus key.
 *
 * @example
 * describeHistoryRow(row); // '▶ 1 e2 collections profile=p1 · wasm · focus tile:r0:2'
 */
export function describeHistoryRow(row: HistoryRow): string {
  const marker = row.current ? '▶' : row.forward ? '›' : ' ';
  const page = row.params === '' ? row.route : `${row.route} ${row.params}`;
  return `${marker} ${row.index} ${row.key} ${page} · ${row.world} · focus ${row.focusKey ?? '—'}`;
}
