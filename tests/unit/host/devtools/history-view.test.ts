import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../bridge/index.ts';
import { describeHistoryRow, historyRows } from '../../../../host/devtools/history-view.ts';

const profiles: HistoryEntry = {
  key: 'e1',
  route: 'profiles',
  params: {},
  world: 'wasm',
  focusKey: 'profile:p1',
};
const collections: HistoryEntry = {
  key: 'e2',
  route: 'collections',
  params: { profile: 'p1' },
  world: 'wasm',
  focusKey: 'tile:r0:0',
};
const details: HistoryEntry = {
  key: 'e3',
  route: 'details',
  params: { id: 't0042' },
  world: 'legacy',
  focusKey: null,
};

describe('the history view model', () => {
  it("shows each entry's world and saved focus key, and the viewer's focus on the current one", () => {
    const rows = historyRows({ entries: [profiles, collections, details], index: 1 }, 'tile:r0:2');
    expect(rows).toEqual([
      {
        index: 0,
        key: 'e1',
        route: 'profiles',
        params: '',
        world: 'wasm',
        focusKey: 'profile:p1',
        current: false,
        forward: false,
      },
      {
        index: 1,
        key: 'e2',
        route: 'collections',
        params: 'profile=p1',
        world: 'wasm',
        focusKey: 'tile:r0:2',
        current: true,
        forward: false,
      },
      {
        index: 2,
        key: 'e3',
        route: 'details',
        params: 'id=t0042',
        world: 'legacy',
        focusKey: null,
        current: false,
        forward: true,
      },
    ]);
    expect(rows.map(describeHistoryRow)).toEqual([
      '  0 e1 profiles · wasm · focus profile:p1',
      '▶ 1 e2 collections profile=p1 · wasm · focus tile:r0:2',
      '› 2 e3 details id=t0042 · legacy · focus —',
    ]);
  });

  it('keeps the saved key of the current entry while nothing is focused yet', () => {
    const [row] = historyRows({ entries: [profiles], index: 0 }, null);
    expect(row?.focusKey).toBe('profile:p1');
  });

  it('shows the stack before the first commit as no rows', () => {
    expect(historyRows({ entries: [], index: -1 }, null)).toEqual([]);
  });
});
