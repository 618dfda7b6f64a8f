import { describeValue, type Schema, type Validation } from '../schema.ts';
import { MAX_VALUE_DEPTH, type Value } from './format.ts';

const isPlainObject = (input: object): boolean => {
  const proto = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
};

/** Why `input` is not a value at `path`, or null; `depth` counts the containers above it. */
function whyNotValue(input: unknown, path: string, depth: number): { path: string; message: string } | null {
  if (input === null || typeof input === 'boolean' || typeof input === 'number' || typeof input === 'string')
    return null;
  if (typeof input !== 'object')
    return {
      path,
      message: `expected a value (null, boolean, number, string, array or object), got ${describeValue(input)}`,
    };
  if (depth >= MAX_VALUE_DEPTH) return { path, message: `values nest deeper than ${MAX_VALUE_DEPTH} levels` };
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const why = whyNotValue(input[i], `${path}[${i}]`, depth + 1);
      if (why !== null) return why;
    }
    return null;
  }
  if (!isPlainObject(input))
    return { path, message: 'expected a plain object, array or scalar, got an instance of a class' };
  for (const [key, item] of Object.entries(input)) {
    const why = whyNotValue(item, `${path}.${key}`, depth + 1);
    if (why !== null) return why;
  }
  return null;
}

/**
 * Anything the value encoding (format.ts) carries: null, booleans, numbers, strings, arrays and
 * plain objects of them, nested at most MAX_VALUE_DEPTH levels. For a field whose meaning is
 * checked later against a schema of its own (a data request's body, against its operation's).
 *
 * @example
 * ValueSchema.check({ value: true }); // { ok: true, value: { value: true } }
 * ValueSchema.check({ at: new Date() }); // { ok: false, issue: { path: '.at', message: 'expected a plain object, ...' } }
 */
export const ValueSchema: Schema<Value> = {
  expected: 'a value (null, boolean, number, string, array or object)',
  check(input, path = ''): Validation<Value> {
    const why = whyNotValue(input, path, 0);
    return why === null ? { ok: true, value: input as Value } : { ok: false, issue: why };
  },
};
