import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apiPaths,
  boolean,
  FOCUS_KEY_PATTERN,
  NODE_KINDS,
  number,
  oneOf,
  PROPS,
  string,
} from '../../../../bridge/index.ts';
import { KIND_CODES } from '../../../../bridge/scene-codec/format.ts';
import * as reactTheme from '../../../../legacy-react/pages/shared/theme.ts';
import { pathTemplate, renderPath } from '../../../../wasm-pages/build/constants/api-paths-file.ts';
import { propsFile } from '../../../../wasm-pages/build/constants/props-file.ts';
import {
  characterRule,
  choicesOf,
  lengthRule,
  numberRule,
} from '../../../../wasm-pages/build/constants/schema-rules.ts';
import { readTheme, THEME_SOURCE } from '../../../../wasm-pages/build/constants/theme-file.ts';
import {
  generatedFiles,
  PAGES_GENERATED_DIR,
  SDK_GENERATED_DIR,
  writeGeneratedConstants,
} from '../../../../wasm-pages/build/generate-constants.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const GENERATED_DIRS = [SDK_GENERATED_DIR, PAGES_GENERATED_DIR];

function asFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? asFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every AssemblyScript file written by hand: the SDK (with its examples) and the pages. */
const handWritten = (): string[] =>
  ['wasm-pages/sdk', 'wasm-pages/pages']
    .flatMap((dir) => asFiles(join(ROOT, dir)))
    .filter((file) => !GENERATED_DIRS.some((dir) => relative(ROOT, file).startsWith(dir)));

/** The string literals of AssemblyScript source, with their line numbers (comments skipped). */
function stringLiterals(source: string): { value: string; line: number }[] {
  const found: { value: string; line: number }[] = [];
  const token = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`(?:[^`\\]|\\.)*`/g;
  for (const match of source.matchAll(token)) {
    const raw = match[1] ?? match[2];
    if (raw === undefined) continue;
    const line = source.slice(0, match.index).split('\n').length;
    found.push({ value: raw.replace(/\\(.)/g, '$1'), line });
  }
  return found;
}

describe('the generated AssemblyScript constants', () => {
  it('are committed exactly as the generator writes them now (run `npm run build:wasm` if not)', () => {
    const stale = generatedFiles(ROOT)
      .filter((file) => {
        try {
          return readFileSync(join(ROOT, file.path), 'utf8') !== file.text;
        } catch {
          return true;
        }
      })
      .map((file) => `${file.path} is stale: \`npm run build:wasm\` rewrites it from its sources`);
    expect(stale).toEqual([]);
  });

  it('say where they come from and not to edit them', () => {
    for (const file of generatedFiles(ROOT))
      expect(file.text.split('\n')[0]).toMatch(
        /^\/\/ generated from \S.* by wasm-pages\/build\/generate-constants\.ts; do not edit\.$/,
      );
  });

  it('are rewritten only when their text changes, so unchanged modules stay up to date', () => {
    const root = mkdtempSync(join(tmpdir(), 'ficus-constants-'));
    mkdirSync(dirname(join(root, THEME_SOURCE)), { recursive: true });
    writeFileSync(join(root, THEME_SOURCE), readFileSync(join(ROOT, THEME_SOURCE)));
    const first = writeGeneratedConstants(root);
    expect(first.written).toEqual(generatedFiles(ROOT).map((file) => file.path));
    expect(first.unchanged).toEqual([]);

    const longAgo = new Date('2020-01-01T00:00:00Z');
    const paths = first.written.map((path) => join(root, path));
    for (const path of paths) utimesSync(path, longAgo, longAgo);
    expect(writeGeneratedConstants(root).written).toEqual([]);
    for (const path of paths) expect(statSync(path).mtime.getTime()).toBe(longAgo.getTime());

    const edited = join(root, SDK_GENERATED_DIR, 'props.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}// a hand edit\n`);
    expect(writeGeneratedConstants(root).written).toEqual([`${SDK_GENERATED_DIR}/props.ts`]);
    expect(readFileSync(edited, 'utf8')).not.toContain('a hand edit');
  });
});

describe('hand-written AssemblyScript', () => {
  it('declares none of the names the generated files declare (it re-exports them)', () => {
    const names = generatedFiles(ROOT).flatMap((file) =>
      [...file.text.matchAll(/^(?:@inline )?export (?:const|function|enum|namespace) ([A-Za-z_]\w*)/gm)].map(
        (m) => ({
          name: m[1] ?? '',
          file: file.path,
        }),
      ),
    );
    expect(names.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of handWritten()) {
      const source = readFileSync(file, 'utf8');
      for (const { name, file: generated } of names) {
        const declaration = new RegExp(
          `^\\s*(?:export\\s+)?(?:const|let|var|function|enum|namespace|class)\\s+${name}\\b`,
          'm',
        );
        const match = declaration.exec(source);
        if (match !== null) {
          const line = source.slice(0, match.index).split('\n').length;
          found.push(
            `${relative(ROOT, file)}:${line} declares ${name}: import it from ${generated}'s re-export`,
          );
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('spells no API path itself: pages and examples use the generated apiPaths', () => {
    const found = handWritten().flatMap((file) =>
      stringLiterals(readFileSync(file, 'utf8'))
        .filter(({ value }) => value.startsWith('/api'))
        .map(({ value, line }) => `${relative(ROOT, file)}:${line} spells "${value}": use apiPaths.*`),
    );
    expect(found).toEqual([]);
  });

  it("in pages uses the theme's names, not its colors", () => {
    const colors = new Set(Object.values(reactTheme.theme));
    const found = handWritten()
      .filter((file) => relative(ROOT, file).startsWith('wasm-pages/pages'))
      .flatMap((file) =>
        stringLiterals(readFileSync(file, 'utf8'))
          .filter(({ value }) =>
            colors.has(value as (typeof reactTheme.theme)[keyof typeof reactTheme.theme]),
          )
          .map(({ value, line }) => `${relative(ROOT, file)}:${line} spells the theme color "${value}"`),
      );
    expect(found).toEqual([]);
  });

  it('finds string literals and declarations at all (the scans are not vacuous)', () => {
    expect(stringLiterals('const a = "/api/x"; // "/api/comment"\nf(\'b\')')).toEqual([
      { value: '/api/x', line: 1 },
      { value: 'b', line: 2 },
    ]);
    expect(handWritten().some((file) => file.endsWith('sdk/node.ts'))).toBe(true);
    expect(handWritten().some((file) => file.includes('generated'))).toBe(false);
  });
});

describe('what the generator reads', () => {
  it('reads the React theme as the module itself exports it', () => {
    const read = readTheme(readFileSync(join(ROOT, THEME_SOURCE), 'utf8'));
    expect(Object.fromEntries(read.map(({ name, value }) => [name, value]))).toEqual({ ...reactTheme });
  });

  it('stops at a theme that is not literal data, naming the line', () => {
    expect(() => readTheme('export const theme = {\n  text: base.text,\n};')).toThrow(
      /theme\.ts:2: "base" is not a string or number literal/,
    );
    expect(readTheme("/** Doc. */\nexport const A = { 'b-c': 1_000, d: \"it's\" } as const;\n")).toEqual([
      { name: 'A', doc: 'Doc.', value: { 'b-c': 1000, d: "it's" } },
    ]);
  });

  it("spells every API path as bridge's apiPaths does, for any argument", () => {
    const templates = Object.entries(apiPaths).map(([name, build]) => ({
      template: pathTemplate(name, build),
      build: build as (...args: string[]) => string,
    }));
    expect(templates.find((t) => t.template.name === 'home')?.template.parts).toEqual([
      '/api/home?profile=',
      0,
      '',
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { minLength: 2, maxLength: 2 }),
        (args) => {
          for (const { template, build } of templates)
            expect(renderPath(template, args)).toBe(build(...args));
        },
      ),
    );
  });

  it('refuses a path builder it cannot mirror', () => {
    expect(() => pathTemplate('odd', (id: string) => `/api/x/${id.toUpperCase()}`)).toThrow(
      /apiPaths\.odd: builds .* not literal text plus encodeURIComponent/,
    );
    expect(() => pathTemplate('raw', (id: string) => `/api/x/${id}`)).toThrow(/apiPaths\.raw/);
  });

  it("reads number bounds, lengths, choices and the focus key's characters, proved at their edges", () => {
    expect(numberRule(PROPS.zIndex.schema, 'zIndex')).toEqual({ min: -100_000, max: 100_000, integer: true });
    expect(numberRule(PROPS.opacity.schema, 'opacity')).toEqual({ min: 0, max: 1, integer: false });
    expect(numberRule(number({ min: -0.5, max: 2.25 }), 'n')).toEqual({
      min: -0.5,
      max: 2.25,
      integer: false,
    });
    expect(() => numberRule(number({ min: 0 }), 'half')).toThrow(
      /half: expected a number schema with a min and a max/,
    );
    expect(lengthRule(PROPS.src.schema, 'src')).toEqual({ minLength: 1, maxLength: 2_000_000 });
    expect(lengthRule(PROPS.text.schema, 'text')).toEqual({ minLength: 0, maxLength: 100_000 });
    expect(() => lengthRule(string(), 'free')).toThrow(/free: accepts \d+ characters/);
    expect(choicesOf(PROPS.fit.schema, 'fit')).toEqual(['cover', 'contain', 'fill']);
    expect(() => choicesOf(boolean(), 'flag')).toThrow(/flag: expected a oneOf schema/);
    expect(characterRule(FOCUS_KEY_PATTERN, 'key')).toEqual({
      ranges: [
        [48, 57],
        [65, 90],
        [97, 122],
      ],
      singles: [95, 46, 58, 45],
      spelled: 'A-Z a-z 0-9 _ . : -',
      minLength: 1,
      maxLength: 128,
    });
    expect(() => characterRule(/^[a-z]+$/, 'loose')).toThrow(/loose: expected a pattern like/);
  });

  it('refuses prop codes the SDK would misread', () => {
    const input = {
      props: PROPS,
      nodeKinds: NODE_KINDS,
      kindCodes: KIND_CODES,
      focusKeyPattern: FOCUS_KEY_PATTERN,
    };
    expect(propsFile(input)).toContain('  BackgroundColor = 5,');
    const textProp = { code: 14, schema: boolean(), kinds: ['text'] as const, doc: '' };
    expect(() => propsFile({ ...input, props: { ...PROPS, underline: textProp } })).toThrow(
      /"underline" \(code 14\) applies to text, but the SDK tells kinds by code \(20-29 text/,
    );
    const twin = { code: 5, schema: oneOf(['a']), kinds: NODE_KINDS, doc: '' };
    expect(() => propsFile({ ...input, props: { ...PROPS, twin } })).toThrow(/share code 0x05/);
  });
});

describe("what hand-written SDK code assumes of bridge's rules", () => {
  it("text has no minimum length (node.ts's text() checks only the maximum, so a page's bytes stay as they were)", () => {
    expect(lengthRule(PROPS.text.schema, 'PROPS.text').minLength).toBe(0);
    expect(readFileSync(join(ROOT, 'wasm-pages/sdk/node.ts'), 'utf8')).toContain(
      'if (value.length > rule.TEXT_MAX_LENGTH) this.fail(Prop.Text, rule.textLengthRule());',
    );
  });
});

// sdk/props.ts's isColor is hand-written (bridge says the rule as a regular expression). This is
// the rule it implements; if bridge's color rule changes, this fails and points at isColor.
function sdkIsColor(value: string): boolean {
  if (value === 'transparent') return true;
  return [4, 5, 7, 9].includes(value.length) && /^#[0-9a-fA-F]+$/.test(value);
}

describe("the SDK's color rule", () => {
  it("is bridge's color rule, on every short string of color characters", () => {
    const colorish = fc.string({
      unit: fc.constantFrom(...'#0123456789abcdefABCDEFgG transpr'.split('')),
      maxLength: 11,
    });
    fc.assert(
      fc.property(fc.oneof(colorish, fc.constant('transparent'), fc.constant('#fff')), (value) => {
        for (const name of ['backgroundColor', 'borderColor', 'color'] as const)
          expect(PROPS[name].schema.check(value).ok).toBe(sdkIsColor(value));
      }),
      { numRuns: 2000 },
    );
    const source = readFileSync(join(ROOT, 'wasm-pages/sdk/props.ts'), 'utf8');
    expect(source).toContain('if (n != 4 && n != 5 && n != 7 && n != 9) return false;');
  });
});
