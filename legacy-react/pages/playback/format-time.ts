const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * A playback time as a player shows it: `m:ss` under an hour, `h:mm:ss` from an hour on.
 *
 * @example
 * formatTime(3);    // "0:03"
 * formatTime(754);  // "12:34"
 * formatTime(5520); // "1:32:00"
 */
export function formatTime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours}:${twoDigits(minutes)}:${twoDigits(rest)}` : `${minutes}:${twoDigits(rest)}`;
}
