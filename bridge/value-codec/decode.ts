import { MAX_VALUE_DEPTH, VALUE_TAG, type Value } from './format.ts';

export interface ValueDecodeError {
  readonly offset: number;
  readonly message: string;
}

export type ValueDecodeResult =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: ValueDecodeError };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class Failure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Decodes one value (see `format.ts`) from untrusted bytes, e.g. a message a WASM page wrote. Never
 * throws: returns the value, or the byte offset and what was wrong there.
 *
 * @example
 * const result = decodeValue(bytes);
 * if (!result.ok) report(`page sent a bad message: byte ${result.error.offset}: ${result.error.message}`);
 */
export function decodeValue(bytes: Uint8Array): ValueDecodeResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (count: number, what: string) => {
    if (bytes.length - offset < count) {
      throw new Failure(
        offset,
        `message ends in the middle of ${what} (needs ${count} bytes, has ${bytes.length - offset})`,
      );
    }
  };
  const u32 = (what: string) => {
    need(4, what);
    const value = view.getUint32(offset, true);
    offset += 4;
    return value;
  };
  const string = (what: string) => {
    const length = u32(`the length of ${what}`);
    need(length, what);
    const start = offset;
    offset += length;
    try {
      return utf8.decode(bytes.subarray(start, start + length));
    } catch {
      throw new Failure(start, `${what} is not valid UTF-8`);
    }
  };
  const read = (depth: number): Value => {
    if (depth > MAX_VALUE_DEPTH)
      throw new Failure(offset, `values nest deeper than ${MAX_VALUE_DEPTH} levels`);
    need(1, 'a value tag');
    const at = offset;
    const tag = view.getUint8(offset++);
    switch (tag) {
      case VALUE_TAG.null:
        return null;
      case VALUE_TAG.false:
        return false;
      case VALUE_TAG.true:
        return true;
      case VALUE_TAG.number: {
        need(8, 'a number');
        const value = view.getFloat64(offset, true);
        offset += 8;
        return value;
      }
      case VALUE_TAG.string:
        return string('a string');
      case VALUE_TAG.array: {
        const count = u32('an array length');
        // Each item takes at least one byte: a larger count cannot be honest.
        if (count > bytes.length - offset)
          throw new Failure(
            at,
            `array of ${count} items cannot fit in the ${bytes.length - offset} bytes left`,
          );
        const items: Value[] = [];
        for (let i = 0; i < count; i++) items.push(read(depth + 1));
        return items;
      }
      case VALUE_TAG.object: {
        const count = u32('an object size');
        if (count * 5 > bytes.length - offset)
          throw new Failure(
            at,
            `object of ${count} fields cannot fit in the ${bytes.length - offset} bytes left`,
          );
        const record: Record<string, Value> = Object.create(null);
        for (let i = 0; i < count; i++) {
          const keyAt = offset;
          const key = string('an object key');
          if (Object.hasOwn(record, key))
            throw new Failure(keyAt, `object key "${key.slice(0, 40)}" appears twice`);
          record[key] = read(depth + 1);
        }
        return record;
      }
      default:
        throw new Failure(at, `unknown value tag 0x${tag.toString(16).padStart(2, '0')}`);
    }
  };
  try {
    const value = read(0);
    if (offset !== bytes.length)
      throw new Failure(offset, `${bytes.length - offset} unexpected bytes after the value`);
    return { ok: true, value };
  } catch (failure) {
    if (failure instanceof Failure)
      return {
        ok: false,
        error: { offset: failure.offset, message: `byte ${failure.offset}: ${failure.message}` },
      };
    throw failure;
  }
}
