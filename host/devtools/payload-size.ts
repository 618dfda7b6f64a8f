/** How far `approximateBytes` walks into a value before it stops counting (a bound on its cost). */
const MAX_VISITS = 2000;

/**
 * About how many bytes a value takes as it crosses to or from the worker: binary data by its
 * `byteLength`, strings as UTF-8, numbers as 8 bytes, booleans and null as 1, objects and arrays
 * as the sum of their keys and values. The browser does not expose the structured-clone size, so
 * this is an estimate; it visits at most 2000 values, so a huge message costs a bounded walk.
 *
 * @example
 * approximateBytes({ type: 'scene.batch', page: 'profiles', bytes: new Uint8Array(300) }); // 332
 * approximateBytes(['e3', { type: 'focus', nodeId: 7 }]); // 25
 */
export function approximateBytes(value: unknown): number {
  let visits = 0;
  const walk = (item: unknown): number => {
    if (++visits > MAX_VISITS) return 0;
    if (item === null || item === undefined || typeof item === 'boolean') return 1;
    if (typeof item === 'number' || typeof item === 'bigint') return 8;
    if (typeof item === 'string') return utf8Length(item);
    if (typeof item !== 'object') return 0; // functions, symbols: not cloned
    if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) return item.byteLength;
    let total = 0;
    if (Array.isArray(item)) {
      for (const element of item) total += walk(element);
      return total;
    }
    for (const [key, field] of Object.entries(item)) total += utf8Length(key) + walk(field);
    return total;
  };
  return walk(value);
}

/** The UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
