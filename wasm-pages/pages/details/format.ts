// Port of legacy-react/pages/details/format.ts: the details page's lines of text, spelled exactly
// as the React page spells them (parity tests compare the text props).
import { formatNumber, Value } from "../../sdk";

/**
 * A running time the way a viewer reads it: formatDuration(112) is "1h 52m", 120 is "2h", 45 is
 * "45m". In f64, like JavaScript's numbers, so no value wraps as an i32 would.
 */
export function formatDuration(minutes: f64): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours == 0) return formatNumber(rest) + "m";
  return rest == 0 ? formatNumber(hours) + "h" : formatNumber(hours) + "h " + formatNumber(rest) + "m";
}

/** `list.join(separator)` of an array Value of strings. */
export function joinStrings(list: Value, separator: string): string {
  let joined = "";
  for (let i = 0; i < list.length; i++) {
    if (i > 0) joined += separator;
    joined += list.at(i).asString();
  }
  return joined;
}

/** "2019 · Drama, Comedy · 1h 52m · 13+" from a TitleDetails value (bridge/api/title-details.ts). */
export function detailsMetaLine(title: Value): string {
  return (
    formatNumber(title.get("year").asNumber(0)) +
    " · " +
    joinStrings(title.get("genres"), ", ") +
    " · " +
    formatDuration(title.get("durationMinutes").asNumber(0)) +
    " · " +
    title.get("rating").asString()
  );
}

/** "Starring Ada Lovelace, Alan Turing, Grace Hopper" */
export function castLine(cast: Value): string {
  return "Starring " + joinStrings(cast, ", ");
}
