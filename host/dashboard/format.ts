import type { DashboardPage } from './dashboard-coverage.ts';

/**
 * A share 0..1 as a whole percent, `-` for unknown.
 *
 * @example
 * percentText(0.354); // '35%'
 */
export function percentText(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

/**
 * Milliseconds as the dashboard shows them: whole ms, `-` for none.
 *
 * @example
 * msText(16.4); // '16 ms'
 */
export function msText(value: number | null): string {
  return value === null ? '-' : `${Math.round(value)} ms`;
}

/**
 * Viewer time in the largest unit that reads well.
 *
 * @example
 * durationText(95_000); // '1.6 min'
 */
export function durationText(value: number): string {
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1000).toFixed(1)} s`;
  if (value < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

/**
 * Which world serves a page by default and to how many devices.
 *
 * @example
 * rolloutText({ defaultWorld: 'wasm', wasmPercent: 25, ... }); // 'wasm to 25% of devices'
 */
export function rolloutText(page: Pick<DashboardPage, 'defaultWorld' | 'wasmPercent' | 'worlds'>): string {
  if (!page.worlds.includes('wasm')) return 'legacy (no WASM port)';
  if (page.wasmPercent === 0) return 'legacy (WASM port at 0%)';
  return page.wasmPercent === 100 ? 'wasm to every device' : `wasm to ${page.wasmPercent}% of devices`;
}
