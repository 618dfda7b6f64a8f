// Port of legacy-react/pages/playback/format-time.ts: a playback time as a player shows it.

function twoDigits(n: i32): string {
  return n < 10 ? "0" + n.toString() : n.toString();
}

/** `m:ss` under an hour, `h:mm:ss` from an hour on: formatTime(754) is "12:34", formatTime(5520) "1:32:00". */
export function formatTime(totalSeconds: i32): string {
  const seconds = max(0, totalSeconds);
  const hours = seconds / 3600;
  const minutes = (seconds % 3600) / 60;
  const rest = seconds % 60;
  return hours > 0
    ? hours.toString() + ":" + twoDigits(minutes) + ":" + twoDigits(rest)
    : minutes.toString() + ":" + twoDigits(rest);
}
