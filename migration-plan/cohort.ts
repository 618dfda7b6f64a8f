/**
 * Rollout cohorts: every device gets a stable number 0..99, and a rollout of p% serves WASM to the
 * cohorts below p. A device therefore keeps its world across sessions, and raising p only ever
 * moves devices from legacy to WASM.
 */

/** How many cohorts there are; `rollout.wasmPercent` counts them. */
export const COHORT_COUNT = 100;

/**
 * The cohort of a device, from any stable id (install id, serial): FNV-1a of its UTF-16 code units,
 * modulo 100. Pure and stable across runtimes.
 *
 * @example
 * cohortOf('device-1234'); // the same integer in 0..99 every time
 */
export function cohortOf(deviceId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i++) {
    hash ^= deviceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % COHORT_COUNT;
}

/**
 * Throws a RangeError unless `cohort` is an integer 0..99.
 *
 * @example
 * assertCohort(100); // RangeError: cohort must be an integer from 0 to 99, got 100
 */
export function assertCohort(cohort: number): void {
  if (!Number.isInteger(cohort) || cohort < 0 || cohort >= COHORT_COUNT) {
    throw new RangeError(`cohort must be an integer from 0 to ${COHORT_COUNT - 1}, got ${cohort}`);
  }
}
