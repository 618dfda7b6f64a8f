/**
 * Which entries of `positions` can stay where they are: the indices of a longest strictly
 * increasing subsequence. When `positions[i]` is the wanted index of the i-th element currently
 * in the DOM, every other element must move, and no reordering can move fewer.
 *
 * @example
 * stableEntries([0, 1, 2]); // [0, 1, 2]: already in order, nothing moves
 * stableEntries([1, 2, 0]); // [0, 1]:    only the element wanted first moves
 */
export function stableEntries(positions: readonly number[]): number[] {
  // tails[k]: index (into positions) of the smallest tail of an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(positions.length).fill(-1);
  for (let i = 0; i < positions.length; i++) {
    const value = positions[i] ?? 0;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((positions[tails[mid] ?? 0] ?? 0) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] ?? -1;
    tails[low] = i;
  }
  const kept: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i] ?? -1) kept.push(i);
  return kept.reverse();
}
