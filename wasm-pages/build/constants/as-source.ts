// Small helpers that spell TypeScript values as AssemblyScript source, for the generated files.

/** The generator, as every generated file's header names it. */
export const GENERATOR = 'wasm-pages/build/generate-constants.ts';

/**
 * The first lines of a generated file: where its values come from, who wrote it, and not to edit it
 * (and, with `inlineNumbers`, why its numbers are `@inline`).
 *
 * @example
 * generatedHeader(['bridge/props.ts']);
 * // "// generated from bridge/props.ts by wasm-pages/build/generate-constants.ts; do not edit.\n// …"
 */
export function generatedHeader(sources: readonly string[], inlineNumbers = false): string {
  return [
    `// generated from ${sources.join(', ')} by ${GENERATOR}; do not edit.`,
    '// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.',
    ...(inlineNumbers
      ? [
          '// Numbers are `@inline` constants: asc puts the literal where one is used (a plain constant',
          '// can stay a global, as in a `switch` case), so modules come out as they did with literals.',
        ]
      : []),
    '',
  ].join('\n');
}

/** A string literal in AssemblyScript's (and JSON's) double-quoted form. */
export function asString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A message piece, as a function returning a string literal: asc lays out the text of every
 * top-level string constant of a file in each module that imports that file (even `@inline` ones),
 * but a function's literal only in the modules that call it. Inlined, it costs what the literal it
 * replaces did: the modules come out byte for byte the same.
 *
 * @example
 * stringFunction('notAColor', '" is not a color'); // 'export function notAColor(): string { return "\\" is not a color"; }'
 */
export function stringFunction(name: string, value: string): string {
  return `export function ${name}(): string { return ${asString(value)}; }`;
}

/** A number literal an AssemblyScript `f64` or `i32` constant can hold exactly. */
export function asNumber(value: number, where: string): string {
  if (!Number.isFinite(value)) throw new Error(`${where}: ${value} is not a finite number`);
  return Object.is(value, -0) ? '-0.0' : String(value);
}

/** A byte or word as `0x..` hex, the way the binary formats are documented. */
export function asHex(value: number, digits: number, where: string): string {
  if (!Number.isInteger(value) || value < 0 || value >= 16 ** digits)
    throw new Error(`${where}: ${value} does not fit in ${digits} hex digits`);
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

/** `backgroundColor` → `BACKGROUND_COLOR`, `sceneBatch` → `SCENE_BATCH`, `i32` → `I32`. */
export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** `backgroundColor` → `BackgroundColor`. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A one-line doc comment, or nothing for an empty text. */
export function docLine(text: string, indent = ''): string[] {
  return text === '' ? [] : [`${indent}/** ${text.replaceAll('*/', '* /')} */`];
}
