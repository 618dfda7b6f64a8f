// The page's read-only copy of the router's history (ABI.md section 6, `history` event).
import { Value } from "./value";

/** One history entry. Read-only: ask for changes with navigate / replace / back. */
export class HistoryEntry {
  constructor(
    /** Unique for the life of the app. */
    public key: string,
    public route: string,
    /** An object of strings. */
    public params: Value,
    /** "legacy" or "wasm": the world that served the entry. */
    public world: string,
    /** Where focus was when the viewer left the entry ("" if none). */
    public focusKey: string,
  ) {}
}

let entries: HistoryEntry[] = [];
let index: i32 = -1;

/** The latest history the router sent (empty before the first `history` event). */
export function historyEntries(): HistoryEntry[] {
  return entries;
}

/** The index of the current entry in `historyEntries()` (-1 before the first `history` event). */
export function historyIndex(): i32 {
  return index;
}

/** Called by the SDK with each `history` event; replaces the copy. */
export function readHistory(event: Value): void {
  const list = event.get("entries");
  const next: HistoryEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list.at(i);
    next.push(new HistoryEntry(
      e.get("key").asString(),
      e.get("route").asString(),
      e.get("params"),
      e.get("world").asString(),
      e.get("focusKey").asString(""),
    ));
  }
  entries = next;
  index = event.get("index").asInt(-1);
}
