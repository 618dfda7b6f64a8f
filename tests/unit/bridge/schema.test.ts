import { describe, expect, it } from 'vitest';
import {
  array,
  boolean,
  bytes,
  ContractViolation,
  describeIssue,
  describeValue,
  literal,
  nullable,
  number,
  object,
  oneOf,
  optional,
  parse,
  record,
  type Schema,
  type SchemaIssue,
  string,
  taggedUnion,
} from '../../../bridge/index.ts';

/** The issue a schema reports for `input`; fails the test if the input is accepted. */
function issueOf<T>(schema: Schema<T>, input: unknown, path?: string): SchemaIssue {
  const result = schema.check(input, path);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, but it was accepted`);
  return result.issue;
}

function acceptedValue<T>(schema: Schema<T>, input: unknown): T {
  const result = schema.check(input);
  if (!result.ok) throw new Error(`expected the input to be accepted, got ${describeIssue(result.issue)}`);
  return result.value;
}

describe('number()', () => {
  it('accepts finite numbers, including 0, negatives and fractions', () => {
    const schema = number();
    for (const value of [0, -0, 1, -1, 1.5, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE]) {
      expect(acceptedValue(schema, value)).toBe(value);
    }
  });

  it('rejects NaN and ±Infinity even without bounds', () => {
    const schema = number();
    expect(issueOf(schema, Number.NaN)).toEqual({ path: '', message: 'expected a finite number, got NaN' });
    expect(issueOf(schema, Number.POSITIVE_INFINITY).message).toBe('expected a finite number, got Infinity');
    expect(issueOf(schema, Number.NEGATIVE_INFINITY).message).toBe('expected a finite number, got -Infinity');
  });

  it('rejects non-numbers, naming what it got', () => {
    const schema = number();
    expect(issueOf(schema, '1').message).toBe('expected a finite number, got "1"');
    expect(issueOf(schema, null).message).toBe('expected a finite number, got null');
    expect(issueOf(schema, undefined).message).toBe('expected a finite number, got undefined');
    expect(issueOf(schema, [1]).message).toBe('expected a finite number, got an array');
    expect(issueOf(schema, { n: 1 }).message).toBe('expected a finite number, got object');
    expect(issueOf(schema, 1n).message).toBe('expected a finite number, got bigint');
  });

  it('enforces integer and bounds, inclusive at both ends', () => {
    const schema = number({ integer: true, min: -2, max: 5 });
    expect(schema.expected).toBe('an integer from -2 to 5');
    expect(acceptedValue(schema, -2)).toBe(-2);
    expect(acceptedValue(schema, 5)).toBe(5);
    expect(issueOf(schema, 5.5).message).toBe('expected an integer from -2 to 5, got 5.5');
    expect(issueOf(schema, 6).message).toBe('expected an integer from -2 to 5, got 6');
    expect(issueOf(schema, -3).message).toBe('expected an integer from -2 to 5, got -3');
    expect(issueOf(schema, 0.5).message).toBe('expected an integer from -2 to 5, got 0.5');
  });

  it('words one-sided bounds', () => {
    expect(number({ min: 0 }).expected).toBe('a finite number of at least 0');
    expect(number({ max: 9 }).expected).toBe('a finite number of at most 9');
    expect(issueOf(number({ min: 0 }), -1).message).toBe('expected a finite number of at least 0, got -1');
    expect(issueOf(number({ max: 9 }), 10).message).toBe('expected a finite number of at most 9, got 10');
  });

  it('reports the path it was given', () => {
    expect(issueOf(number(), 'x', '.a[3].b').path).toBe('.a[3].b');
  });
});

describe('string()', () => {
  it('accepts strings, including the empty string by default', () => {
    expect(acceptedValue(string(), '')).toBe('');
    expect(acceptedValue(string(), 'héllo 🌳')).toBe('héllo 🌳');
  });

  it('rejects non-strings', () => {
    expect(issueOf(string(), 5).message).toBe('expected a string, got 5');
    expect(issueOf(string(), null).message).toBe('expected a string, got null');
    expect(issueOf(string(), {}).message).toBe('expected a string, got object');
  });

  it('enforces length bounds', () => {
    const schema = string({ minLength: 2, maxLength: 3 });
    expect(acceptedValue(schema, 'ab')).toBe('ab');
    expect(acceptedValue(schema, 'abc')).toBe('abc');
    expect(issueOf(schema, 'a').message).toBe('expected at least 2 characters, got 1');
    expect(issueOf(schema, 'abcd').message).toBe('expected at most 3 characters, got 4');
  });

  it('enforces a pattern and names it in the error', () => {
    const schema = string({ pattern: /^[a-z]+$/, patternName: 'lowercase letters' });
    expect(schema.expected).toBe('lowercase letters');
    expect(acceptedValue(schema, 'abc')).toBe('abc');
    expect(issueOf(schema, 'aBc').message).toBe('expected lowercase letters, got "aBc"');
    expect(issueOf(schema, 3).message).toBe('expected lowercase letters, got 3');
  });

  it('does not echo long (possibly hostile) strings into messages', () => {
    const long = `${'x'.repeat(100)}<script>`;
    const issue = issueOf(string({ pattern: /^y$/ }), long);
    expect(issue.message).toBe('expected a string, got a long string');
    expect(issue.message).not.toContain('<script>');
  });
});

describe('boolean()', () => {
  it('accepts true and false only', () => {
    expect(acceptedValue(boolean(), true)).toBe(true);
    expect(acceptedValue(boolean(), false)).toBe(false);
    expect(issueOf(boolean(), 0).message).toBe('expected a boolean, got 0');
    expect(issueOf(boolean(), 'true').message).toBe('expected a boolean, got "true"');
    expect(issueOf(boolean(), null).message).toBe('expected a boolean, got null');
  });
});

describe('literal()', () => {
  it('accepts exactly its value (no coercion)', () => {
    expect(acceptedValue(literal('hello'), 'hello')).toBe('hello');
    expect(acceptedValue(literal(3), 3)).toBe(3);
    expect(acceptedValue(literal(true), true)).toBe(true);
    expect(issueOf(literal('hello'), 'Hello').message).toBe('expected "hello", got "Hello"');
    expect(issueOf(literal(3), '3').message).toBe('expected 3, got "3"');
    expect(issueOf(literal(true), 1).message).toBe('expected true, got 1');
  });
});

describe('oneOf()', () => {
  const schema = oneOf(['legacy', 'wasm']);

  it('accepts listed strings', () => {
    expect(acceptedValue(schema, 'legacy')).toBe('legacy');
    expect(acceptedValue(schema, 'wasm')).toBe('wasm');
  });

  it('rejects anything else, listing the options', () => {
    expect(issueOf(schema, 'react').message).toBe('expected one of "legacy", "wasm", got "react"');
    expect(issueOf(schema, 'WASM').message).toBe('expected one of "legacy", "wasm", got "WASM"');
    expect(issueOf(schema, 1).message).toBe('expected one of "legacy", "wasm", got 1');
  });

  it('does not accept inherited object keys', () => {
    expect(schema.check('toString').ok).toBe(false);
    expect(schema.check('__proto__').ok).toBe(false);
  });
});

describe('nullable()', () => {
  it('accepts null or the inner value, and rejects undefined', () => {
    const schema = nullable(number());
    expect(acceptedValue(schema, null)).toBeNull();
    expect(acceptedValue(schema, 2)).toBe(2);
    expect(schema.expected).toBe('a finite number or null');
    expect(issueOf(schema, undefined).message).toBe('expected a finite number, got undefined');
    expect(issueOf(schema, 'x').message).toBe('expected a finite number, got "x"');
  });
});

describe('array()', () => {
  it('accepts arrays of valid items', () => {
    expect(acceptedValue(array(number()), [1, 2, 3])).toEqual([1, 2, 3]);
    expect(acceptedValue(array(number()), [])).toEqual([]);
    expect(acceptedValue(array(array(number())), [[1], [], [2, 3]])).toEqual([[1], [], [2, 3]]);
  });

  it('rejects non-arrays, including array-like objects', () => {
    expect(issueOf(array(number()), { length: 0 }).message).toBe('expected an array, got object');
    expect(issueOf(array(number()), 'abc').message).toBe('expected an array, got "abc"');
  });

  it('names the index of the first bad item', () => {
    expect(issueOf(array(number()), [1, 2, 'three', 'four'])).toEqual({
      path: '[2]',
      message: 'expected a finite number, got "three"',
    });
  });

  it('enforces maxLength', () => {
    const schema = array(number(), { maxLength: 2 });
    expect(acceptedValue(schema, [1, 2])).toEqual([1, 2]);
    expect(issueOf(schema, [1, 2, 3]).message).toBe('expected at most 2 items, got 3');
  });

  it('treats holes as undefined items', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this test
    expect(issueOf(array(number()), [1, , 3]).path).toBe('[1]');
  });
});

describe('object()', () => {
  const Point = object({ x: number(), y: number(), label: optional(string()) });

  it('accepts an object with exactly the declared fields', () => {
    expect(acceptedValue(Point, { x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(acceptedValue(Point, { x: 1, y: 2, label: 'a' })).toEqual({ x: 1, y: 2, label: 'a' });
  });

  it('rejects unknown fields, naming the field and the expected ones', () => {
    expect(issueOf(Point, { x: 1, y: 2, z: 3 })).toEqual({
      path: '.z',
      message: 'unknown field (expected only x, y, label)',
    });
  });

  it('rejects an object with both a missing and an unknown field', () => {
    expect(Point.check({ x: 1, z: 3 }).ok).toBe(false);
    expect(['.y', '.z']).toContain(issueOf(Point, { x: 1, z: 3 }).path);
  });

  it('rejects missing required fields, naming the field and its type', () => {
    expect(issueOf(Point, { x: 1 })).toEqual({
      path: '.y',
      message: 'missing required field (expected a finite number)',
    });
    expect(issueOf(Point, { x: 1, y: undefined }).path).toBe('.y');
  });

  it('lets optional fields be absent or undefined, but checks them when present', () => {
    expect(acceptedValue(Point, { x: 1, y: 2, label: undefined })).toEqual({ x: 1, y: 2 });
    expect(issueOf(Point, { x: 1, y: 2, label: 7 })).toEqual({
      path: '.label',
      message: 'expected a string, got 7',
    });
  });

  it('keeps optional() transparent: same expectation and checks as the inner schema', () => {
    const inner = number({ min: 1 });
    const opt = optional(inner);
    expect(opt.expected).toBe(inner.expected);
    expect(opt.check(0, '.p')).toEqual(inner.check(0, '.p'));
    expect(opt.check(3)).toEqual({ ok: true, value: 3 });
  });

  it('rejects non-objects: null, arrays, primitives', () => {
    expect(issueOf(Point, null).message).toBe('expected an object, got null');
    expect(issueOf(Point, [1, 2]).message).toBe('expected an object, got an array');
    expect(issueOf(Point, 'point').message).toBe('expected an object, got "point"');
  });

  it('does not treat inherited properties as fields', () => {
    const withProto = Object.create({ x: 1, y: 2 }) as object;
    expect(issueOf(Point, withProto).path).toBe('.x');
  });

  it('drops nothing and adds nothing: the result has only declared keys', () => {
    const value = acceptedValue(Point, { y: 2, x: 1 });
    expect(Object.keys(value).sort()).toEqual(['x', 'y']);
  });

  it('builds nested paths like .entries[2].route', () => {
    const History = object({
      entries: array(object({ route: string({ pattern: /^[a-z]+$/, patternName: 'a route' }) })),
    });
    expect(issueOf(History, { entries: [{ route: 'a' }, { route: 'b' }, { route: 'Bad' }] })).toEqual({
      path: '.entries[2].route',
      message: 'expected a route, got "Bad"',
    });
    expect(issueOf(History, { entries: [{ route: 'a' }, { route: 'b', extra: 1 }] }).path).toBe(
      '.entries[1].extra',
    );
    expect(issueOf(History, { entries: [{}] }).path).toBe('.entries[0].route');
  });

  it('prefixes the caller-supplied path', () => {
    expect(issueOf(Point, { x: 1, y: 'no' }, 'op 4').path).toBe('op 4.y');
  });
});

describe('taggedUnion()', () => {
  const Shape = taggedUnion('kind', {
    circle: object({ kind: literal('circle'), r: number({ min: 0 }) }),
    square: object({ kind: literal('square'), side: number({ min: 0 }) }),
  });

  it('dispatches by tag', () => {
    expect(acceptedValue(Shape, { kind: 'circle', r: 1 })).toEqual({ kind: 'circle', r: 1 });
    expect(acceptedValue(Shape, { kind: 'square', side: 2 })).toEqual({ kind: 'square', side: 2 });
  });

  it('names the bad tag and the allowed ones', () => {
    expect(issueOf(Shape, { kind: 'triangle', side: 1 })).toEqual({
      path: '.kind',
      message: 'expected one of circle, square, got "triangle"',
    });
    expect(issueOf(Shape, { side: 1 })).toEqual({
      path: '.kind',
      message: 'expected one of circle, square, got undefined',
    });
    expect(issueOf(Shape, { kind: 3 }).message).toBe('expected one of circle, square, got 3');
  });

  it('does not accept inherited keys such as toString or __proto__ as tags', () => {
    expect(issueOf(Shape, { kind: 'toString' }).path).toBe('.kind');
    expect(issueOf(Shape, { kind: 'constructor' }).path).toBe('.kind');
  });

  it("reports the variant's own issue (not a list of every variant)", () => {
    expect(issueOf(Shape, { kind: 'circle', r: 1, side: 1 })).toEqual({
      path: '.side',
      message: 'unknown field (expected only kind, r)',
    });
    expect(issueOf(Shape, { kind: 'circle', r: -1 })).toEqual({
      path: '.r',
      message: 'expected a finite number of at least 0, got -1',
    });
  });

  it('rejects non-objects', () => {
    expect(issueOf(Shape, null)).toEqual({
      path: '',
      message: 'expected an object whose kind is one of "circle", "square", got null',
    });
    expect(issueOf(Shape, ['circle']).message).toContain('got an array');
  });
});

describe('record()', () => {
  const Params = record(string(), { maxEntries: 2 });

  it('accepts dictionaries of valid values', () => {
    expect(acceptedValue(Params, {})).toEqual({});
    expect(acceptedValue(Params, { id: '42', tab: 'cast' })).toEqual({ id: '42', tab: 'cast' });
  });

  it('names the key of a bad value', () => {
    expect(issueOf(Params, { id: 42 })).toEqual({ path: '.id', message: 'expected a string, got 42' });
    expect(issueOf(record(string()), { a: 'x', b: null }, '.params').path).toBe('.params.b');
  });

  it('rejects non-objects and too many entries', () => {
    expect(issueOf(Params, null).message).toBe('expected an object, got null');
    expect(issueOf(Params, ['a']).message).toBe('expected an object, got an array');
    expect(issueOf(Params, { a: '1', b: '2', c: '3' }).message).toBe('expected at most 2 entries, got 3');
  });

  it('keeps every key it validated, including "__proto__" (JSON.parse makes it an own key)', () => {
    const input: unknown = JSON.parse('{"__proto__":"x","a":"b"}');
    const value = acceptedValue(record(string()), input);
    expect(Object.keys(value).sort()).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('bytes()', () => {
  it('accepts Uint8Array (including views) and rejects other binary-ish things', () => {
    const buffer = new Uint8Array([1, 2, 3]);
    expect(acceptedValue(bytes(), buffer)).toBe(buffer);
    expect(acceptedValue(bytes(), buffer.subarray(1))).toEqual(new Uint8Array([2, 3]));
    expect(issueOf(bytes(), buffer.buffer).message).toBe('expected a Uint8Array, got object');
    expect(issueOf(bytes(), [1, 2, 3]).message).toBe('expected a Uint8Array, got an array');
    expect(issueOf(bytes(), new Uint16Array(2)).message).toBe('expected a Uint8Array, got object');
  });
});

describe('describeValue / describeIssue', () => {
  it('describes values briefly', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([])).toBe('an array');
    expect(describeValue('hi')).toBe('"hi"');
    expect(describeValue('x'.repeat(41))).toBe('a long string');
    expect(describeValue('x'.repeat(40))).toBe(JSON.stringify('x'.repeat(40)));
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(-2.5)).toBe('-2.5');
    expect(describeValue(true)).toBe('boolean');
  });

  it('names the root as (root)', () => {
    expect(describeIssue({ path: '', message: 'boom' })).toBe('at (root): boom');
    expect(describeIssue({ path: '.a[1]', message: 'boom' })).toBe('at .a[1]: boom');
  });
});

describe('parse()', () => {
  const Nav = object({
    type: literal('navigate'),
    route: string({ pattern: /^[a-z]+$/, patternName: 'a route' }),
  });

  it('returns the typed value when valid', () => {
    expect(parse(Nav, { type: 'navigate', route: 'home' }, 'navigate request')).toEqual({
      type: 'navigate',
      route: 'home',
    });
  });

  it('throws a ContractViolation with a readable message and the issue', () => {
    let thrown: unknown;
    try {
      parse(Nav, { type: 'navigate', route: 'Home' }, 'navigate request');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolation);
    expect(thrown).toBeInstanceOf(Error);
    const violation = thrown as ContractViolation;
    expect(violation.name).toBe('ContractViolation');
    expect(violation.message).toBe('navigate request is malformed at .route: expected a route, got "Home"');
    expect(violation.issue).toEqual({ path: '.route', message: 'expected a route, got "Home"' });
  });

  it('says (root) when the whole value is wrong', () => {
    expect(() => parse(Nav, 'navigate', 'navigate request')).toThrow(
      'navigate request is malformed at (root): expected an object, got "navigate"',
    );
  });
});
