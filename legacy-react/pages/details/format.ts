import type { TitleDetails } from '../../../bridge/index.ts';

/**
 * A running time the way a viewer reads it.
 *
 * @example
 * formatDuration(112); // "1h 52m"
 * formatDuration(120); // "2h"
 * formatDuration(45);  // "45m"
 */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

/** "2019 · Drama, Comedy · 1h 52m · 13+" */
export function detailsMetaLine(title: TitleDetails): string {
  return `${title.year} · ${title.genres.join(', ')} · ${formatDuration(title.durationMinutes)} · ${title.rating}`;
}

/** "Starring Ada Lovelace, Alan Turing, Grace Hopper" */
export function castLine(cast: readonly string[]): string {
  return `Starring ${cast.join(', ')}`;
}
