/**
 * Sorts strings by UTF-16 code units. Unlike localeCompare, the order is the same on every
 * machine and locale, which generated data and stable result orders depend on.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareCodeUnits); // ['B', 'a', 'b']
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
