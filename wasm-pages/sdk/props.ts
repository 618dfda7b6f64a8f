// Prop codes, node kinds and value rules of bridge/props.ts for AssemblyScript. They are generated
// into generated/props.ts by the build (wasm-pages/build/generate-constants.ts) and re-exported
// here, where the SDK has always imported them from. The SDK checks values with them so a mistake
// names the node and the prop at the call, instead of the host refusing the whole batch later.
export * from "./generated/props";

function isHex(c: i32): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` or `transparent`: the only colors the host accepts. Hand
 * written (bridge/props.ts says it as a regular expression); generate-constants.test.ts holds the
 * bridge's color rule to exactly this.
 */
export function isColor(value: string): bool {
  if (value == "transparent") return true;
  const n = value.length;
  if (n != 4 && n != 5 && n != 7 && n != 9) return false;
  if (value.charCodeAt(0) != 35) return false;
  for (let i = 1; i < n; i++) if (!isHex(value.charCodeAt(i))) return false;
  return true;
}
