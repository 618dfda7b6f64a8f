// Focus: the event a page gets for its nodes, direction names and the `boundary` mask. The host
// moves focus by itself (spatial navigation); the page only hears about it afterwards.
import { Node } from "./node";
import { directionBit, notADirection } from "./generated/directions";
// Direction, Boundary and directionBit are generated from bridge/directions.ts.
export { Boundary, Direction, directionBit } from "./generated/directions";

/** A focus, blur, select or arrow event about one of the page's nodes (ABI.md section 6). */
export class FocusEvent {
  constructor(
    /** "focus", "blur", "select" or "arrow". */
    public type: string,
    public nodeId: u32,
    public focusKey: string,
    /** For "arrow": "up", "down", "left" or "right"; "" otherwise. */
    public direction: string,
    /** The node, if the page still has it. */
    public node: Node | null,
  ) {}
}

/** A handler for a node's events. A plain function: it cannot capture locals (see README). */
export type FocusHandler = (event: FocusEvent) => void;

let focused: string = "";

/** The focus key of the page's focused node, from the focus/blur events ("" if none). */
export function focusedKey(): string {
  return focused;
}

/** Like bridge's boundaryMask: `boundaryMask(["left", "right"])` is 12. */
export function boundaryMask(directions: string[]): i32 {
  let mask = 0;
  for (let i = 0; i < directions.length; i++) {
    const bit = directionBit(unchecked(directions[i]));
    if (bit == 0) throw new Error("boundaryMask: \"" + unchecked(directions[i]) + notADirection());
    mask |= bit;
  }
  return mask;
}

/** Whether the node with this focus key has focus (like the React world's useIsFocused). */
export function isFocused(focusKey: string): bool {
  return focused.length > 0 && focused == focusKey;
}

/** Called by the SDK for each focus/blur event. */
export function trackFocus(event: FocusEvent): void {
  if (event.type == "focus") focused = event.focusKey;
  else if (event.type == "blur" && focused == event.focusKey) focused = "";
}
