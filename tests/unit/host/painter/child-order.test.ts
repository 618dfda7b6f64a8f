import { describe, expect, it } from 'vitest';
import { stableEntries } from '../../../../host/painter/child-order.ts';

describe('stableEntries', () => {
  it('keeps everything when already in order', () => {
    expect(stableEntries([])).toEqual([]);
    expect(stableEntries([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
  });

  it('moves only the element that changed place', () => {
    // Last element wanted first: the other three stay.
    expect(stableEntries([1, 2, 3, 0])).toEqual([0, 1, 2]);
    // First element wanted last.
    expect(stableEntries([3, 0, 1, 2])).toEqual([1, 2, 3]);
  });

  it('finds a longest increasing run', () => {
    const positions = [4, 0, 3, 1, 5, 2, 6];
    const kept = stableEntries(positions);
    expect(kept).toHaveLength(4); // e.g. 0, 1, 5, 6 or 0, 1, 2, 6
    const values = kept.map((index) => positions[index] ?? -1);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('keeps a single element of a fully reversed list', () => {
    expect(stableEntries([3, 2, 1, 0])).toHaveLength(1);
  });
});
