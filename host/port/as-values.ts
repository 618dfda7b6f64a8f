import { boundaryDirections, type PropName, type PropValue } from '../../bridge/index.ts';
import { MARGIN, STAGE, theme } from '../../legacy-react/pages/shared/theme.ts';

/**
 * How the scaffold spells prop values in AssemblyScript: the SDK's setter for each prop, and
 * values as the named constants a hand-written page would use where one matches (the generated
 * theme of wasm-pages/pages/shared/theme.ts, the SDK's FontWeight/TextAlign/Fit/Boundary), else
 * literals. `uses` collects the names the file must import.
 */
export interface AsNames {
  /** SDK names used (`FontWeight`, `Boundary`, `Prop`). */
  readonly sdk: Set<string>;
  /** Theme names used (`theme`, `STAGE`, `MARGIN`). */
  readonly theme: Set<string>;
}

export const newAsNames = (): AsNames => ({ sdk: new Set(), theme: new Set() });

/** An AssemblyScript string literal (JSON's escapes are AssemblyScript's too). */
export const asString = (value: string): string => JSON.stringify(value);

const ENUMS: Partial<
  Record<PropName, { readonly name: string; readonly values: Readonly<Record<string, string>> }>
> = {
  fontWeight: { name: 'FontWeight', values: { normal: 'NORMAL', bold: 'BOLD' } },
  textAlign: { name: 'TextAlign', values: { left: 'LEFT', center: 'CENTER', right: 'RIGHT' } },
  fit: { name: 'Fit', values: { cover: 'COVER', contain: 'CONTAIN', fill: 'FILL' } },
};

const COLOR_PROPS: ReadonlySet<PropName> = new Set(['backgroundColor', 'borderColor', 'color']);
const BOOLEAN_PROPS: ReadonlySet<PropName> = new Set(['clip', 'visible', 'focusGroup']);

/** Theme colors by value, in the theme's order; a border prefers focusBorder, text prefers text. */
function themeColor(prop: PropName, value: string): string | undefined {
  const entries = Object.entries(theme) as [string, string][];
  const preferred = prop === 'borderColor' ? 'focusBorder' : prop === 'color' ? 'text' : undefined;
  const matching = entries
    .filter(([, color]) => color.toLowerCase() === value.toLowerCase())
    .map(([name]) => name);
  const name = preferred !== undefined && matching.includes(preferred) ? preferred : matching[0];
  return name === undefined ? undefined : `theme.${name}`;
}

/** A number as AssemblyScript reads it back exactly (JavaScript's shortest round-trip form). */
const asNumber = (value: number): string => (Object.is(value, -0) ? '-0.0' : String(value));

/**
 * The AssemblyScript expression for `value` of `prop`.
 *
 * @example
 * asValue('backgroundColor', '#0d1117', names); // "theme.background"
 * asValue('fontWeight', 'bold', names);         // "FontWeight.BOLD"
 * asValue('boundary', 12, names);               // "Boundary.LEFT | Boundary.RIGHT"
 */
export function asValue(prop: PropName, value: PropValue, names: AsNames): string {
  if (typeof value === 'string') {
    const choice = ENUMS[prop];
    const member = choice?.values[value];
    if (choice !== undefined && member !== undefined) {
      names.sdk.add(choice.name);
      return `${choice.name}.${member}`;
    }
    if (COLOR_PROPS.has(prop)) {
      const named = themeColor(prop, value);
      if (named !== undefined) {
        names.theme.add('theme');
        return named;
      }
    }
    return asString(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (prop === 'boundary') {
    const directions = boundaryDirections(value);
    if (directions.length === 0) return '0';
    names.sdk.add('Boundary');
    return directions.length === 4
      ? 'Boundary.ALL'
      : directions.map((d) => `Boundary.${d.toUpperCase()}`).join(' | ');
  }
  if ((prop === 'width' && value === STAGE.width) || (prop === 'height' && value === STAGE.height)) {
    names.theme.add('STAGE');
    return `STAGE.${prop}`;
  }
  if (prop === 'x' && value === MARGIN) {
    names.theme.add('MARGIN');
    return 'MARGIN';
  }
  return asNumber(value);
}

/**
 * The chained setter call that gives a node `value` of `prop` (`.clip()`, `.x(80)`), or the
 * call that clears it when `value` is undefined.
 *
 * @example
 * asSetter('clip', true, names);        // ".clip()"
 * asSetter('borderWidth', undefined, n); // ".clear(Prop.BorderWidth)"
 */
export function asSetter(prop: PropName, value: PropValue | undefined, names: AsNames): string {
  if (value === undefined) {
    names.sdk.add('Prop');
    return `.clear(Prop.${prop[0]?.toUpperCase() ?? ''}${prop.slice(1)})`;
  }
  if (BOOLEAN_PROPS.has(prop) && value === true && prop !== 'visible') return `.${prop}()`;
  return `.${prop}(${asValue(prop, value, names)})`;
}
