// wasm-pages/sdk/generated/props.ts: prop codes, node kinds and value rules of bridge/props.ts, in
// the names the SDK has always used (props.ts re-exports them; node.ts checks values with them).
import type { NodeKind, Schema } from '../../../bridge/index.ts';
import {
  asHex,
  asNumber,
  asString,
  docLine,
  generatedHeader,
  pascal,
  stringFunction,
  upperSnake,
} from './as-source.ts';
import { characterRule, choicesOf, lengthRule, numberRule } from './schema-rules.ts';

/** One prop as bridge/props.ts declares it. */
export interface PropInput {
  readonly code: number;
  readonly schema: Schema<unknown>;
  readonly kinds: readonly NodeKind[];
  readonly doc: string;
}

/** What the props file is made from (bridge's values, passed in so a test can pass others). */
export interface PropsInput {
  readonly props: Readonly<Record<string, PropInput>>;
  readonly nodeKinds: readonly NodeKind[];
  readonly kindCodes: Readonly<Record<NodeKind, number>>;
  readonly focusKeyPattern: RegExp;
}

/**
 * The SDK tells a prop's node kinds by its code's decade (node.ts's error message, propAppliesTo):
 * 20-29 text only, 30-39 image only, any other code every kind. The generator proves bridge's
 * codes follow it, so a new prop that does not is a build error, not a wrong check in a page.
 */
const KIND_DECADES = { text: 20, image: 30 } as const satisfies Partial<Record<NodeKind, number>>;

/** The setters that take a color or a focus key, each with one rule and one message in node.ts. */
const COLOR_PROPS = ['backgroundColor', 'borderColor', 'color'] as const;
const FOCUS_KEY_PROPS = ['focusKey', 'preferredChild'] as const;

const fail = (why: string): never => {
  throw new Error(`generate-constants: bridge/props.ts: ${why}`);
};

function spec(input: PropsInput, name: string): PropInput {
  return input.props[name] ?? fail(`the SDK has a setter for "${name}", which PROPS does not declare`);
}

function sameSchema(input: PropsInput, names: readonly string[]): Schema<unknown> {
  const first = spec(input, names[0] ?? fail('no props named')).schema;
  for (const name of names)
    if (spec(input, name).schema !== first)
      fail(`the SDK checks ${names.join(', ')} with one rule, and "${name}" has a schema of its own`);
  return first;
}

function kindLines(input: PropsInput): string[] {
  const [first, ...rest] = input.nodeKinds;
  if (first === undefined) return fail('NODE_KINDS is empty');
  return [
    '/** Node kinds (the `u8 kind` of a create op). */',
    'export enum NodeKind {',
    ...input.nodeKinds.map(
      (kind) => `  ${pascal(kind)} = ${asNumber(input.kindCodes[kind], `KIND_CODES.${kind}`)},`,
    ),
    '}',
    '',
    `/** ${input.nodeKinds.map((k) => asString(k)).join(', ')}: a kind's name, for messages. */`,
    'export function kindName(kind: NodeKind): string {',
    ...rest.map((kind) => `  if (kind == NodeKind.${pascal(kind)}) return ${asString(kind)};`),
    `  return ${asString(first)};`,
    '}',
  ];
}

function propLines(input: PropsInput, names: readonly string[]): string[] {
  return [
    '/** The one-byte prop codes of bridge/props.ts. Use them with `Node.clear(prop)` and the readers. */',
    'export enum Prop {',
    ...names.flatMap((name) => [
      ...docLine(spec(input, name).doc, '  '),
      `  ${pascal(name)} = ${asNumber(spec(input, name).code, `PROPS.${name}.code`)},`,
    ]),
    '}',
    '',
    '/** A prop\'s name in bridge/props.ts (as in "x", "backgroundColor"), for messages. */',
    'export function propName(prop: Prop): string {',
    '  switch (prop) {',
    ...names.map((name) => `    case Prop.${pascal(name)}: return ${asString(name)};`),
    '  }',
    '  return "prop " + (<i32>prop).toString();',
    '}',
  ];
}

function appliesToLines(input: PropsInput, names: readonly string[]): string[] {
  const all = input.nodeKinds;
  for (const name of names) {
    const { code, kinds } = spec(input, name);
    const only = kinds.length === 1 ? (kinds[0] as NodeKind) : undefined;
    const decade = Object.entries(KIND_DECADES).find(([, start]) => code >= start && code < start + 10)?.[0];
    if (kinds.length !== all.length && (only === undefined || !(only in KIND_DECADES)))
      fail(
        `"${name}" applies to ${kinds.join(', ')}: the SDK knows props of one kind (text, image) or of all`,
      );
    if (decade !== only)
      fail(
        `"${name}" (code ${code}) applies to ${kinds.length === all.length ? 'every kind' : only}, but the SDK ` +
          'tells kinds by code (20-29 text, 30-39 image, others all): pick a code that says it, or teach ' +
          'wasm-pages/build/constants/props-file.ts a table',
      );
  }
  return [
    '/** Codes 20-29 are text props and 30-39 image props; the others apply to every kind. */',
    `@inline export const TEXT_PROP_FIRST: i32 = ${KIND_DECADES.text};`,
    `@inline export const TEXT_PROP_END: i32 = ${KIND_DECADES.text + 10};`,
    `@inline export const IMAGE_PROP_FIRST: i32 = ${KIND_DECADES.image};`,
    `@inline export const IMAGE_PROP_END: i32 = ${KIND_DECADES.image + 10};`,
    '',
    '/** Which node kinds a prop applies to, as in bridge/props.ts: text props on text, image props on image. */',
    'export function propAppliesTo(prop: Prop, kind: NodeKind): bool {',
    '  const code = <i32>prop;',
    '  if (code >= TEXT_PROP_FIRST && code < TEXT_PROP_END) return kind == NodeKind.Text;',
    '  if (code >= IMAGE_PROP_FIRST && code < IMAGE_PROP_END) return kind == NodeKind.Image;',
    '  return true;',
    '}',
  ];
}

/** Per prop, the bounds its setter checks: numbers, lengths, choices. */
function ruleLines(input: PropsInput, names: readonly string[]): string[] {
  const lines: string[] = [];
  const choices: string[] = [];
  for (const name of names) {
    const { schema } = spec(input, name);
    const where = `PROPS.${name}`;
    const id = upperSnake(name);
    if (schema.expected.startsWith('an integer') || schema.expected.startsWith('a finite number')) {
      const rule = numberRule(schema, where);
      lines.push(
        `@inline export const ${id}_MIN: f64 = ${asNumber(rule.min, where)};`,
        `@inline export const ${id}_MAX: f64 = ${asNumber(rule.max, where)};`,
        `@inline export const ${id}_INTEGER: bool = ${rule.integer};`,
      );
    } else if (schema.expected === 'a string') {
      const rule = lengthRule(schema, where);
      const message =
        rule.minLength === 0
          ? `is longer than ${rule.maxLength} characters`
          : `must be ${rule.minLength} to ${rule.maxLength} characters`;
      lines.push(
        `@inline export const ${id}_MIN_LENGTH: i32 = ${rule.minLength};`,
        `@inline export const ${id}_MAX_LENGTH: i32 = ${rule.maxLength};`,
        `/** What a crash message says of a ${name} outside those lengths. */`,
        stringFunction(`${name}LengthRule`, message),
      );
    } else if (schema.expected.startsWith('one of ')) {
      const values = choicesOf(schema, where);
      choices.push(
        `/** The values of ${name}. */`,
        `export namespace ${pascal(name)} {`,
        ...values.map((value) => `  export const ${upperSnake(value)} = ${asString(value)};`),
        '}',
        // A list too long for node.ts's three-way setChoice (role) is checked with these.
        `/** Whether \`value\` is one of the values of ${name}. */`,
        `export function is${pascal(name)}(value: string): bool {`,
        `  return ${values.map((value) => `value == ${asString(value)}`).join(' || ')};`,
        '}',
        `/** The values of ${name}, for messages. */`,
        stringFunction(`${name}Choices`, values.join(', ')),
      );
    }
  }
  const color = sameSchema(input, COLOR_PROPS);
  const key = sameSchema(input, FOCUS_KEY_PROPS);
  return [
    '// Number bounds (f64, as the setters take them) and string lengths, per prop.',
    ...lines,
    '',
    ...choices,
    '',
    `/** After a quoted value: why it is no color (${COLOR_PROPS.join(', ')}). */`,
    stringFunction('notAColor', `" is not ${color.expected}`),
    `/** After a quoted value: why it is no focus key (${FOCUS_KEY_PROPS.join(', ')}). */`,
    stringFunction('notAFocusKey', `" is not ${key.expected}`),
  ];
}

function focusKeyLines(input: PropsInput): string[] {
  const rule = characterRule(input.focusKeyPattern, 'FOCUS_KEY_PATTERN');
  const key = sameSchema(input, FOCUS_KEY_PROPS);
  const probe = String.fromCharCode(rule.ranges[0]?.[0] ?? rule.singles[0] ?? 97);
  if (!key.check(probe.repeat(rule.maxLength)).ok || key.check(probe.repeat(rule.maxLength + 1)).ok)
    fail(`the focus key schema and FOCUS_KEY_PATTERN (${input.focusKeyPattern}) disagree`);
  const tests = [
    ...rule.ranges.map(([from, to]) => `(c >= ${from} && c <= ${to})`),
    ...rule.singles.map((c) => `c == ${c}`),
  ];
  return [
    `/** ${rule.minLength} to ${rule.maxLength} of \`${rule.spelled}\` (FOCUS_KEY_PATTERN in bridge/props.ts). */`,
    'export function isFocusKey(value: string): bool {',
    '  const n = value.length;',
    `  if (n < ${rule.minLength} || n > ${rule.maxLength}) return false;`,
    '  for (let i = 0; i < n; i++) {',
    '    const c = value.charCodeAt(i);',
    `    const ok = ${tests.join(' || ')};`,
    '    if (!ok) return false;',
    '  }',
    '  return true;',
    '}',
  ];
}

/**
 * The AssemblyScript text of sdk/generated/props.ts.
 *
 * @example
 * propsFile({ props: PROPS, nodeKinds: NODE_KINDS, kindCodes: KIND_CODES, focusKeyPattern: FOCUS_KEY_PATTERN });
 */
export function propsFile(input: PropsInput): string {
  const names = Object.keys(input.props).sort((a, b) => spec(input, a).code - spec(input, b).code);
  for (const [i, name] of names.entries()) {
    const code = spec(input, name).code;
    const next = names[i + 1];
    if (!Number.isInteger(code) || code < 1 || code > 255)
      fail(`"${name}" has code ${code}, not a byte above 0`);
    if (next !== undefined && spec(input, next).code === code)
      fail(`"${name}" and "${next}" share code ${asHex(code, 2, name)}`);
  }
  return [
    generatedHeader(['bridge/props.ts', 'bridge/scene-codec/format.ts (KIND_CODES)'], true),
    ...kindLines(input),
    '',
    ...propLines(input, names),
    '',
    ...appliesToLines(input, names),
    '',
    ...ruleLines(input, names),
    '',
    ...focusKeyLines(input),
    '',
  ].join('\n');
}
