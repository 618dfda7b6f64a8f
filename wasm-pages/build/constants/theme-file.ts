// wasm-pages/pages/shared/generated/theme.ts: the reference app's look, from the React pages'
// theme (legacy-react/pages/shared/theme.ts), so the WASM ports cannot drift from their ground truth.
//
// ARCHITECTURE.md's rule: wasm-pages/ imports bridge/ only, never the React world. So the theme is
// read here as data: the file's text, whose exports must stay literal (strings, numbers, flat
// objects of them, `as const`). Anything else stops the build with the line to fix; the unit test
// (which may import both worlds) compares what was read with the module itself.
import { asNumber, asString, docLine, generatedHeader } from './as-source.ts';

/** The React theme's source, relative to the project root. */
export const THEME_SOURCE = 'legacy-react/pages/shared/theme.ts';

export type ThemeValue = string | number;

/** One export of the theme module: a value, or a flat object of values. */
export interface ThemeExport {
  readonly name: string;
  readonly doc: string;
  readonly value: ThemeValue | Readonly<Record<string, ThemeValue>>;
}

class ThemeSyntaxError extends Error {
  constructor(line: number, why: string) {
    super(
      `generate-constants: ${THEME_SOURCE}:${line}: ${why} (the WASM pages' theme is generated from ` +
        "this file's literal values: keep its exports strings, numbers and flat objects of them)",
    );
    this.name = 'ThemeSyntaxError';
  }
}

const TOKEN =
  /\s+|\/\*\*([\s\S]*?)\*\/|\/\*[\s\S]*?\*\/|\/\/[^\n]*|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|(-?\d[\d_]*(?:\.\d+)?)|([A-Za-z_$][\w$]*)|([{}:,;=.()[\]+*/<>?!&|-])/y;

interface Token {
  readonly kind: 'doc' | 'string' | 'number' | 'word' | 'punct';
  readonly text: string;
  readonly line: number;
}

/** A string literal's value: JSON's escapes, plus \' in single quotes. */
function unquote(single: string | undefined, double: string | undefined, line: number): string {
  const body =
    single !== undefined ? single.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"') : (double ?? '');
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    throw new ThemeSyntaxError(line, `cannot read the string ${JSON.stringify(body)}`);
  }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (m === null)
      throw new ThemeSyntaxError(line, `unexpected ${JSON.stringify(source.slice(at, at + 12))}`);
    const [whole, doc, single, double, number, word, punct] = m;
    if (doc !== undefined) tokens.push({ kind: 'doc', text: doc, line });
    else if (single !== undefined || double !== undefined)
      tokens.push({ kind: 'string', text: unquote(single, double, line), line });
    else if (number !== undefined) tokens.push({ kind: 'number', text: number.replaceAll('_', ''), line });
    else if (word !== undefined) tokens.push({ kind: 'word', text: word, line });
    else if (punct !== undefined) tokens.push({ kind: 'punct', text: punct, line });
    line += whole.split('\n').length - 1;
  }
  return tokens;
}

function docText(raw: string): string {
  return raw
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, '').trim())
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * Reads the theme module's exports from its source text.
 *
 * @example
 * readTheme("/** Margin. *\/\nexport const MARGIN = 80;"); // [{ name: 'MARGIN', doc: 'Margin.', value: 80 }]
 */
export function readTheme(source: string): ThemeExport[] {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = (): Token => {
    const token = tokens[i++];
    if (token === undefined) throw new ThemeSyntaxError(tokens.at(-1)?.line ?? 1, 'the file ends too soon');
    return token;
  };
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text || token.kind === 'string')
      throw new ThemeSyntaxError(token.line, `expected "${text}", found ${JSON.stringify(token.text)}`);
  };
  const scalar = (): ThemeValue => {
    const token = next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    throw new ThemeSyntaxError(token.line, `${JSON.stringify(token.text)} is not a string or number literal`);
  };
  const out: ThemeExport[] = [];
  let doc = '';
  while (i < tokens.length) {
    const token = next();
    if (token.kind === 'doc') {
      doc = docText(token.text);
      continue;
    }
    if (token.text !== 'export')
      throw new ThemeSyntaxError(token.line, `expected an export, found "${token.text}"`);
    expect('const');
    const name = next();
    if (name.kind !== 'word') throw new ThemeSyntaxError(name.line, 'expected the name of the export');
    expect('=');
    let value: ThemeExport['value'];
    if (peek()?.text === '{' && peek()?.kind === 'punct') {
      next();
      const entries: Record<string, ThemeValue> = {};
      while (!(peek()?.text === '}' && peek()?.kind === 'punct')) {
        while (peek()?.kind === 'doc') next();
        const key = next();
        if (key.kind !== 'word' && key.kind !== 'string')
          throw new ThemeSyntaxError(key.line, `expected a key in ${name.text}, found "${key.text}"`);
        expect(':');
        entries[key.text] = scalar();
        if (peek()?.text === ',') next();
      }
      next();
      value = entries;
    } else value = scalar();
    if (peek()?.text === 'as') {
      next();
      expect('const');
    }
    expect(';');
    out.push({ name: name.text, doc, value });
    doc = '';
  }
  return out;
}

function asThemeValue(value: ThemeValue, where: string): string {
  return typeof value === 'string' ? asString(value) : asNumber(value, where);
}

/**
 * The AssemblyScript text of pages/shared/generated/theme.ts: each object becomes a namespace,
 * strings stay strings and numbers become `f64` (stage coordinates, as the SDK's setters take them).
 *
 * @example
 * themeFile(readTheme(readFileSync('legacy-react/pages/shared/theme.ts', 'utf8')));
 */
export function themeFile(exports: readonly ThemeExport[]): string {
  const typed = (value: ThemeValue) => (typeof value === 'number' ? ': f64' : '');
  const blocks = exports.map(({ name, doc, value }) => {
    if (typeof value !== 'object')
      return [...docLine(doc), `export const ${name}${typed(value)} = ${asThemeValue(value, name)};`];
    return [
      ...docLine(doc),
      `export namespace ${name} {`,
      ...Object.entries(value).map(
        ([key, v]) => `  export const ${key}${typed(v)} = ${asThemeValue(v, `${name}.${key}`)};`,
      ),
      '}',
    ];
  });
  return [
    generatedHeader([THEME_SOURCE]),
    '// The React pages are the ground truth: parity tests compare both scenes prop for prop.',
    '',
    ...blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block])),
    '',
  ].join('\n');
}
