/** Small formatters the devtools overlay shows numbers and params with; pure. */

/**
 * A byte count for people: bytes below 1 KB, then KB and MB with one decimal (1 KB = 1024 B).
 *
 * @example
 * formatBytes(512);       // '512 B'
 * formatBytes(1536);      // '1.5 KB'
 * formatBytes(3_500_000); // '3.3 MB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A duration: milliseconds with one decimal below 10 s, seconds with two decimals above.
 *
 * @example
 * formatMs(3.24);   // '3.2 ms'
 * formatMs(12_500); // '12.50 s'
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (Math.abs(ms) < 10_000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Route params as `name=value` pairs in key order (values clipped to 24 characters), or '' for none.
 *
 * @example
 * formatParams({ profile: 'p1', id: 't0042' }); // 'id=t0042 profile=p1'
 */
export function formatParams(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${name}=${clip(params[name] ?? '', 24)}`)
    .join(' ');
}

/**
 * At most `max` characters of `text`, with an ellipsis when cut.
 *
 * @example
 * clip('collections', 6); // 'colle…'
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}
