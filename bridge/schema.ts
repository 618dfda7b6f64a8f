/**
 * Declare a message shape once and get both its TypeScript type and its runtime validator.
 *
 * Data that crosses a world boundary is `unknown` until a schema says otherwise. Each schema
 * checks a value and, on failure, names the path inside the value and what was expected, so a
 * malformed message from another world produces an error a developer can act on.
 *
 * @example
 * const Point = object({ x: number(), y: number() });
 * type Point = Infer<typeof Point>;           // { x: number; y: number }
 * const result = Point.check(JSON.parse(text));
 * if (!result.ok) console.error(describeIssue(result.issue)); // "at .y: expected a number, got string"
 */

/** Where a value failed validation (a path like `.entries[2].route`) and why. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issue: SchemaIssue };

export interface Schema<T> {
  /** A short human description of what is expected, used in error messages. */
  readonly expected: string;
  check(input: unknown, path?: string): Validation<T>;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Thrown by {@link parse} when a value does not match its schema. */
export class ContractViolation extends Error {
  readonly issue: SchemaIssue;
  constructor(what: string, issue: SchemaIssue) {
    super(`${what} is malformed ${describeIssue(issue)}`);
    this.name = 'ContractViolation';
    this.issue = issue;
  }
}

export function describeIssue(issue: SchemaIssue): string {
  return `at ${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`;
}

/** Validates `input` and returns it typed, or throws a {@link ContractViolation} naming `what`. */
export function parse<T>(schema: Schema<T>, input: unknown, what: string): T {
  const result = schema.check(input, '');
  if (!result.ok) throw new ContractViolation(what, result.issue);
  return result.value;
}

const pass = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = (path: string, message: string): Validation<never> => ({ ok: false, issue: { path, message } });

/**
 * Composite schemas check their parts with an empty path and only build the full path when a
 * part fails: building path strings for every valid field would dominate the hot path.
 */
function within<T>(result: Validation<T>, prefix: string): Validation<T> {
  return result.ok
    ? result
    : { ok: false, issue: { path: `${prefix}${result.issue.path}`, message: result.issue.message } };
}

/** Describes what was received, without echoing large or hostile values into logs. */
export function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return input.length > 40 ? 'a long string' : JSON.stringify(input);
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : String(input);
  return typeof input;
}

export interface NumberOptions {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** A finite number (NaN and ±Infinity never pass), optionally an integer within bounds. */
export function number(options: NumberOptions = {}): Schema<number> {
  const { min, max, integer = false } = options;
  const bounds =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : '';
  const expected = `${integer ? 'an integer' : 'a finite number'}${bounds}`;
  return {
    expected,
    check(input, path = '') {
      if (typeof input !== 'number' || !Number.isFinite(input)) {
        return fail(path, `expected ${expected}, got ${describeValue(input)}`);
      }
      if (
        (integer && !Number.isInteger(input)) ||
        (min !== undefined && input < min) ||
        (max !== undefined && input > max)
      ) {
        return fail(path, `expected ${expected}, got ${input}`);
      }
      return pass(input);
    },
  };
}

export interface StringOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: RegExp;
  /** Said in errors when `pattern` fails, e.g. "a color like #1a2b3c". */
  readonly patternName?: string;
}

export function string(options: StringOptions = {}): Schema<string> {
  const { minLength = 0, maxLength = Number.POSITIVE_INFINITY, pattern, patternName } = options;
  const expected = patternName ?? 'a string';
  return {
    expected,
    check(input, path = '') {
      if (typeof input !== 'string') return fail(path, `expected ${expected}, got ${describeValue(input)}`);
      if (input.length < minLength)
        return fail(path, `expected at least ${minLength} characters, got ${input.length}`);
      if (input.length > maxLength)
        return fail(path, `expected at most ${maxLength} characters, got ${input.length}`);
      if (pattern !== undefined && !pattern.test(input)) {
        return fail(path, `expected ${expected}, got ${describeValue(input)}`);
      }
      return pass(input);
    },
  };
}

export function boolean(): Schema<boolean> {
  return {
    expected: 'a boolean',
    check: (input, path = '') =>
      typeof input === 'boolean'
        ? pass(input)
        : fail(path, `expected a boolean, got ${describeValue(input)}`),
  };
}

export function literal<const T extends string | number | boolean>(value: T): Schema<T> {
  const expected = JSON.stringify(value);
  return {
    expected,
    check: (input, path = '') =>
      input === value ? pass(value) : fail(path, `expected ${expected}, got ${describeValue(input)}`),
  };
}

/** One of a fixed set of strings, e.g. `oneOf(['legacy', 'wasm'])`. */
export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  const allowed = new Set<string>(values);
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return {
    expected,
    check: (input, path = '') =>
      typeof input === 'string' && allowed.has(input)
        ? pass(input as T[number])
        : fail(path, `expected ${expected}, got ${describeValue(input)}`),
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return {
    expected: `${inner.expected} or null`,
    check: (input, path = '') => (input === null ? pass(null) : within(inner.check(input), path)),
  };
}

export interface ArrayOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
}

export function array<T>(item: Schema<T>, options: ArrayOptions = {}): Schema<readonly T[]> {
  const { minLength = 0, maxLength = Number.POSITIVE_INFINITY } = options;
  return {
    expected: `an array of ${item.expected}`,
    check(input, path = '') {
      if (!Array.isArray(input)) return fail(path, `expected an array, got ${describeValue(input)}`);
      if (input.length > maxLength)
        return fail(path, `expected at most ${maxLength} items, got ${input.length}`);
      if (input.length < minLength)
        return fail(path, `expected at least ${minLength} items, got ${input.length}`);
      for (let i = 0; i < input.length; i++) {
        const result = item.check(input[i]);
        if (!result.ok) return within(result, `${path}[${i}]`);
      }
      return pass(input as T[]);
    },
  };
}

const OPTIONAL = Symbol('optional');

/** Marks an object field as optional: it may be absent, but if present it must match. */
export interface OptionalSchema<T> extends Schema<T> {
  readonly [OPTIONAL]: true;
}

export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return { expected: inner.expected, check: (input, path) => inner.check(input, path), [OPTIONAL]: true };
}

function isOptional(schema: Schema<unknown>): boolean {
  return OPTIONAL in schema;
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never;
}[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { readonly [K in RequiredKeys<S>]: Infer<S[K]> } & { readonly [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

export interface ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>> {
  readonly shape: S;
}

/**
 * A plain object with exactly these fields. Unknown fields are rejected rather than ignored:
 * a field we do not know is a sign the two sides disagree about the contract.
 */
export function object<const S extends Shape>(shape: S): ObjectSchema<S> {
  const keys = Object.keys(shape);
  return {
    shape,
    expected: 'an object',
    check(input, path = '') {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return fail(path, `expected an object, got ${describeValue(input)}`);
      }
      const record = input as Record<string, unknown>;
      let present = 0;
      for (const key of keys) {
        const field = shape[key] as Schema<unknown>;
        const value = record[key];
        if (value === undefined || !Object.hasOwn(record, key)) {
          if (isOptional(field)) continue;
          return fail(`${path}.${key}`, `missing required field (expected ${field.expected})`);
        }
        present++;
        const result = field.check(value);
        if (!result.ok) return within(result, `${path}.${key}`);
      }
      // Counting is enough to know no unknown field is there; find it only to name it.
      let own = 0;
      for (const key in record) if (Object.hasOwn(record, key)) own++;
      if (own !== present) {
        const unknown = Object.keys(record).find(
          (key) => !Object.hasOwn(shape, key) && record[key] !== undefined,
        );
        if (unknown !== undefined)
          return fail(`${path}.${unknown}`, `unknown field (expected only ${keys.join(', ')})`);
      }
      // Schemas only check, never transform, so a valid input is returned as it is (no copy on the hot path).
      return pass(record as ObjectOf<S>);
    },
  };
}

type TaggedShapes<K extends string> = Record<string, Schema<{ readonly [P in K]: string }>>;

/**
 * A union of object shapes told apart by one string field (`type`, `op`, ...), so an error can
 * name the variant that failed instead of listing every variant.
 */
export function taggedUnion<const K extends string, const V extends TaggedShapes<K>>(
  tag: K,
  variants: V,
): Schema<{ [T in keyof V]: Infer<V[T]> }[keyof V]> {
  const names = Object.keys(variants);
  const expected = `an object whose ${tag} is one of ${names.map((n) => JSON.stringify(n)).join(', ')}`;
  return {
    expected,
    check(input, path = '') {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return fail(path, `expected ${expected}, got ${describeValue(input)}`);
      }
      const tagValue = (input as Record<string, unknown>)[tag];
      if (typeof tagValue !== 'string' || !Object.hasOwn(variants, tagValue)) {
        return fail(`${path}.${tag}`, `expected one of ${names.join(', ')}, got ${describeValue(tagValue)}`);
      }
      const variant = variants[tagValue] as Schema<{ [T in keyof V]: Infer<V[T]> }[keyof V]>;
      return within(variant.check(input), path);
    },
  };
}

export interface RecordOptions {
  readonly maxEntries?: number;
}

/** An object used as a dictionary, e.g. route params: `record(string())`. */
export function record<T>(
  value: Schema<T>,
  options: RecordOptions = {},
): Schema<Readonly<Record<string, T>>> {
  const { maxEntries = Number.POSITIVE_INFINITY } = options;
  return {
    expected: `an object of ${value.expected}`,
    check(input, path = '') {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return fail(path, `expected an object, got ${describeValue(input)}`);
      }
      const entries = Object.entries(input);
      if (entries.length > maxEntries)
        return fail(path, `expected at most ${maxEntries} entries, got ${entries.length}`);
      for (const [key, item] of entries) {
        const result = value.check(item);
        if (!result.ok) return within(result, `${path}.${key}`);
      }
      return pass(input as Record<string, T>);
    },
  };
}

/** Binary payloads (scene batches) travel as Uint8Array; anything else is rejected. */
export function bytes(): Schema<Uint8Array> {
  return {
    expected: 'a Uint8Array',
    check: (input, path = '') =>
      input instanceof Uint8Array
        ? pass(input)
        : fail(path, `expected a Uint8Array, got ${describeValue(input)}`),
  };
}
