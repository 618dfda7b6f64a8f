/** Summary of a sample of milliseconds (or any numbers). */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The `q` quantile (0…1) of `values`, linearly interpolated between the two nearest ranks (the
 * "type 7" definition of R and numpy's default); NaN for an empty sample.
 *
 * @example
 * quantile([10, 20, 30, 40], 0.5); // 25
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (q < 0 || q > 1) throw new RangeError(`quantile: q must be within 0…1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

/**
 * Median, p95, min, max and mean of `values`; every field is NaN for an empty sample.
 *
 * @example
 * summarize([12, 15, 11, 40]).median; // 13.5
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) {
    return { n: 0, median: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN, mean: Number.NaN };
  }
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
  };
}
