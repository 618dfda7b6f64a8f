// Reads the rules out of bridge's validators, so the AssemblyScript SDK can check values the way
// the host will. bridge/schema.ts keeps a schema's options private (a Schema is only `expected` and
// `check`), so each rule is read from what the schema says (its `expected` text, or the message of
// a value it refuses) and then proved at its edges with `check`: a misread rule fails the build
// here instead of reaching a page.
import type { Schema } from '../../../bridge/index.ts';

/** The bounds of a number schema. */
export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** The length bounds of a string schema without a pattern. */
export interface LengthRule {
  readonly minLength: number;
  readonly maxLength: number;
}

class RuleError extends Error {
  constructor(where: string, why: string) {
    super(`generate-constants: ${where}: ${why}`);
    this.name = 'RuleError';
  }
}

const NUMBER_EXPECTED = /^(an integer|a finite number) from (-?[0-9.e+-]+) to (-?[0-9.e+-]+)$/;

/** The next double above or below `value` (for proving a bound is exactly where it is said to be). */
function nextDouble(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, bits + BigInt(value > 0 === (direction === 1) ? 1 : -1));
  return view.getFloat64(0);
}

const passes = (schema: Schema<unknown>, value: unknown): boolean => schema.check(value).ok;

/**
 * The min, max and integer-ness of a bounded number schema (`number({ min, max, integer })`).
 *
 * @example
 * numberRule(PROPS.zIndex.schema, 'PROPS.zIndex'); // { min: -100000, max: 100000, integer: true }
 */
export function numberRule(schema: Schema<unknown>, where: string): NumberRule {
  const match = NUMBER_EXPECTED.exec(schema.expected);
  if (match === null)
    throw new RuleError(
      where,
      `expected a number schema with a min and a max, and it says "${schema.expected}"`,
    );
  const rule = { integer: match[1] === 'an integer', min: Number(match[2]), max: Number(match[3]) };
  const proofs: [unknown, boolean][] = [
    [rule.min, true],
    [rule.max, true],
    [nextDouble(rule.min, -1), false],
    [nextDouble(rule.max, 1), false],
  ];
  if (rule.max - rule.min >= 1) {
    const between = rule.min + (rule.max - rule.min) / 2;
    const fraction = Number.isInteger(between) ? between + 0.5 : between;
    if (fraction < rule.max) proofs.push([fraction, !rule.integer]);
  }
  for (const [value, ok] of proofs)
    if (passes(schema, value) !== ok)
      throw new RuleError(
        where,
        `read ${JSON.stringify(rule)} from "${schema.expected}", but check(${value}) is ${!ok}`,
      );
  return rule;
}

/** Longer than any limit a prop has (2,000,000 for image sources), short enough to build at once. */
const PROBE_LENGTH = 1 << 24;

/**
 * The length bounds of a string schema that has no pattern (`string({ minLength, maxLength })`),
 * read from the messages of the strings it refuses.
 *
 * @example
 * lengthRule(PROPS.src.schema, 'PROPS.src'); // { minLength: 1, maxLength: 2000000 }
 */
export function lengthRule(schema: Schema<unknown>, where: string): LengthRule {
  if (schema.expected !== 'a string')
    throw new RuleError(where, `expected a plain string schema, and it says "${schema.expected}"`);
  return fieldLengthRule(schema, where, (text) => text);
}

/**
 * The length bounds of one string field of what `schema` checks: `place(text)` puts a string of
 * x's where the field goes (e.g. a log message's `message`), and the rest must be valid.
 *
 * @example
 * fieldLengthRule(PageMessageSchema, 'log', (message) => ({ type: 'log', level: 'info', message })).maxLength; // 8192
 */
export function fieldLengthRule(
  schema: Schema<unknown>,
  where: string,
  place: (text: string) => unknown,
): LengthRule {
  const check = (length: number) => schema.check(place('x'.repeat(length)));
  const tooShort = check(0);
  const minLength = tooShort.ok ? 0 : Number(/at least (\d+) characters/.exec(tooShort.issue.message)?.[1]);
  const tooLong = check(PROBE_LENGTH);
  if (tooLong.ok)
    throw new RuleError(where, `accepts ${PROBE_LENGTH} characters: it has no length limit to copy`);
  const maxLength = Number(/at most (\d+) characters/.exec(tooLong.issue.message)?.[1]);
  if (!Number.isInteger(minLength) || !Number.isInteger(maxLength))
    throw new RuleError(where, `could not read its length limits from "${tooLong.issue.message}"`);
  const proofs: [number, boolean][] = [
    [minLength, true],
    [maxLength, true],
    [maxLength + 1, false],
  ];
  if (minLength > 0) proofs.push([minLength - 1, false]);
  for (const [length, ok] of proofs)
    if (check(length).ok !== ok)
      throw new RuleError(
        where,
        `read lengths ${minLength}..${maxLength}, but ${length} characters check ${!ok}`,
      );
  return { minLength, maxLength };
}

/**
 * The most characters one string field may have, where the field must start with `prefix` (like a
 * request path's "/api/"): read from the message of a longer one, proved with one at the limit
 * and one past it.
 *
 * @example
 * maxFieldLength(PageMessageSchema, 'path', '/api/', (path) => ({ type: 'data.request', requestId: 1, path })); // 2048
 */
export function maxFieldLength(
  schema: Schema<unknown>,
  where: string,
  prefix: string,
  place: (text: string) => unknown,
): number {
  const check = (length: number) => schema.check(place(prefix + 'x'.repeat(length - prefix.length)));
  const tooLong = check(PROBE_LENGTH);
  if (tooLong.ok)
    throw new RuleError(where, `accepts ${PROBE_LENGTH} characters: it has no length limit to copy`);
  const maxLength = Number(/at most (\d+) characters/.exec(tooLong.issue.message)?.[1]);
  if (!Number.isInteger(maxLength) || maxLength < prefix.length)
    throw new RuleError(where, `could not read its length limit from "${tooLong.issue.message}"`);
  if (!check(maxLength).ok || check(maxLength + 1).ok)
    throw new RuleError(where, `read at most ${maxLength} characters, which its check does not hold to`);
  return maxLength;
}

/**
 * The strings a `oneOf([...])` schema allows, in their declared order.
 *
 * @example
 * choicesOf(PROPS.fit.schema, 'PROPS.fit'); // ["cover", "contain", "fill"]
 */
export function choicesOf(schema: Schema<unknown>, where: string): string[] {
  const match = /^one of (.+)$/.exec(schema.expected);
  let values: unknown;
  try {
    values = match === null ? undefined : JSON.parse(`[${match[1]}]`);
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || !values.every((v): v is string => typeof v === 'string'))
    throw new RuleError(where, `expected a oneOf schema, and it says "${schema.expected}"`);
  for (const value of values)
    if (!passes(schema, value)) throw new RuleError(where, `read choice "${value}", which it refuses`);
  if (passes(schema, `${values.join('')}?`)) throw new RuleError(where, 'accepts strings beyond its choices');
  return values;
}

/** A character class with a length, the shape of FOCUS_KEY_PATTERN: `^[A-Za-z0-9_.:-]{1,128}$`. */
export interface CharacterRule {
  /** Inclusive code point ranges, ascending. */
  readonly ranges: readonly (readonly [number, number])[];
  /** Single allowed characters, as the pattern lists them. */
  readonly singles: readonly number[];
  /** The class as the pattern spells it, spaced out: "A-Z a-z 0-9 _ . : -". */
  readonly spelled: string;
  readonly minLength: number;
  readonly maxLength: number;
}

/**
 * Reads a pattern of one character class repeated `{min,max}` times, and proves it against the
 * pattern on every ASCII character.
 *
 * @example
 * characterRule(/^[a-c_]{1,8}$/, 'X'); // { ranges: [[97, 99]], singles: [95], spelled: 'a-c _', minLength: 1, maxLength: 8 }
 */
export function characterRule(pattern: RegExp, where: string): CharacterRule {
  const match = /^\^\[([^\]\\]+)\]\{(\d+),(\d+)\}\$$/.exec(pattern.source);
  if (match === null || pattern.flags !== '')
    throw new RuleError(
      where,
      `expected a pattern like ^[a-z0-9_]{1,128}$, and it is /${pattern.source}/${pattern.flags}`,
    );
  const body = match[1] ?? '';
  const ranges: [number, number][] = [];
  const singles: number[] = [];
  const spelled: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const from = body.charCodeAt(i);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      ranges.push([from, body.charCodeAt(i + 2)]);
      spelled.push(body.slice(i, i + 3));
      i += 2;
    } else {
      singles.push(from);
      spelled.push(body.charAt(i));
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const rule = {
    ranges,
    singles,
    spelled: spelled.join(' '),
    minLength: Number(match[2]),
    maxLength: Number(match[3]),
  };
  const allowed = (c: number) => ranges.some(([a, b]) => c >= a && c <= b) || singles.includes(c);
  for (let c = 0; c < 128; c++)
    if (pattern.test(String.fromCharCode(c).repeat(Math.max(1, rule.minLength))) !== allowed(c))
      throw new RuleError(where, `misread /${pattern.source}/ at character ${c}`);
  return rule;
}
