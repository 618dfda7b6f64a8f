import { MAX_VALUE_DEPTH, VALUE_TAG } from './format.ts';

const utf8 = new TextEncoder();

/**
 * Encodes a JSON-like value (see `format.ts`). Throws a TypeError naming the path for values that
 * have no encoding (undefined, functions, NaN is allowed as a number, cycles are not).
 *
 * @example
 * const bytes = encodeValue({ type: 'focus', nodeId: 7, focusKey: 'tile:r1:0' });
 */
export function encodeValue(value: unknown): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    size += chunk.length;
  };
  const header = (tag: number, count?: number) => {
    const chunk = new Uint8Array(count === undefined ? 1 : 5);
    chunk[0] = tag;
    if (count !== undefined) new DataView(chunk.buffer).setUint32(1, count, true);
    push(chunk);
  };
  const text = (tag: number | null, s: string) => {
    const bytes = utf8.encode(s);
    const head = new Uint8Array(tag === null ? 4 : 5);
    const view = new DataView(head.buffer);
    if (tag === null) view.setUint32(0, bytes.length, true);
    else {
      head[0] = tag;
      view.setUint32(1, bytes.length, true);
    }
    push(head);
    push(bytes);
  };
  const seen = new Set<object>();
  const write = (v: unknown, path: string, depth: number): void => {
    if (depth > MAX_VALUE_DEPTH)
      throw new TypeError(`encodeValue: ${path} nests deeper than ${MAX_VALUE_DEPTH} levels`);
    if (v === null) header(VALUE_TAG.null);
    else if (v === true) header(VALUE_TAG.true);
    else if (v === false) header(VALUE_TAG.false);
    else if (typeof v === 'number') {
      const chunk = new Uint8Array(9);
      chunk[0] = VALUE_TAG.number;
      new DataView(chunk.buffer).setFloat64(1, v, true);
      push(chunk);
    } else if (typeof v === 'string') text(VALUE_TAG.string, v);
    else if (typeof v === 'object') {
      if (seen.has(v)) throw new TypeError(`encodeValue: ${path} refers back to itself`);
      seen.add(v);
      if (Array.isArray(v)) {
        header(VALUE_TAG.array, v.length);
        for (const [i, item] of v.entries()) write(item, `${path}[${i}]`, depth + 1);
      } else {
        const entries = Object.entries(v).filter(([, item]) => item !== undefined);
        header(VALUE_TAG.object, entries.length);
        for (const [key, item] of entries) {
          text(null, key);
          write(item, `${path}.${key}`, depth + 1);
        }
      }
      seen.delete(v);
    } else {
      throw new TypeError(
        `encodeValue: ${path === '' ? 'the value' : path} is ${typeof v}, which has no encoding`,
      );
    }
  };
  write(value, '', 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
