import { FOCUS_KEY_PATTERN } from '../props.ts';
import {
  array,
  type Infer,
  literal,
  nullable,
  number,
  object,
  record,
  type Schema,
  string,
} from '../schema.ts';
import { WorldIdSchema } from '../worlds.ts';

/** Route names are page ids: lowercase words joined by dashes, e.g. "profiles", "title-details". */
export const RouteSchema = string({
  pattern: /^[a-z][a-z0-9-]{0,63}$/,
  patternName: 'a route name like "title-details"',
});

/** Route params are flat strings so they survive a URL (deep links) unchanged. */
export const ParamsSchema = record(string({ maxLength: 2048 }), { maxEntries: 32 });
export type Params = Infer<typeof ParamsSchema>;

export const FocusKeySchema = string({ pattern: FOCUS_KEY_PATTERN, patternName: 'a focus key' });

/**
 * A history entry's key. A world mounts the entry's page under it and names it in what it sends
 * about that page (data requests, logs, metrics).
 */
export const EntryKeySchema = string({ minLength: 1, maxLength: 64 });

export const HistoryEntrySchema = object({
  /** Unique for the life of the app, so followers can tell a re-visit from the same entry. */
  key: EntryKeySchema,
  route: RouteSchema,
  params: ParamsSchema,
  /** The world that served (or is serving) this entry. */
  world: WorldIdSchema,
  /** Where focus was when the viewer left this entry; restored on Back. */
  focusKey: nullable(FocusKeySchema),
});
export type HistoryEntry = Infer<typeof HistoryEntrySchema>;

/**
 * Router → world: the whole history stack after every change. `seq` grows by one per change so
 * a follower can drop a stale or duplicated sync. Followers never edit their copy.
 */
const HistorySyncShape = object({
  type: literal('history.sync'),
  seq: number({ integer: true, min: 0 }),
  entries: array(HistoryEntrySchema, { minLength: 1, maxLength: 1000 }),
  /** The current entry; entries after it are the forward stack. */
  index: number({ integer: true, min: 0 }),
});
export type HistorySync = Infer<typeof HistorySyncShape>;

export const HistorySyncSchema: Schema<HistorySync> = {
  expected: 'a history.sync message',
  check(input, path = '') {
    const result = HistorySyncShape.check(input, path);
    if (result.ok && result.value.index >= result.value.entries.length) {
      const { index, entries } = result.value;
      return {
        ok: false,
        issue: {
          path: `${path}.index`,
          message: `index ${index} does not point at one of the ${entries.length} entries`,
        },
      };
    }
    return result;
  },
};
