/**
 * A small self-describing binary encoding of JSON-like values, used across the WASM page ABI for
 * everything that is not a scene batch: mount params, events, data results, and the page's
 * requests. It needs no JSON parser inside the page. Little-endian throughout.
 *
 *   value = u8 tag, then
 *     0x00 null
 *     0x01 false
 *     0x02 true
 *     0x03 number   f64
 *     0x04 string   u32 byteLength, UTF-8 bytes
 *     0x05 array    u32 count, count × value
 *     0x06 object   u32 count, count × { u32 keyByteLength, key UTF-8 bytes, value }
 *
 * A message is exactly one value; trailing bytes are an error. Object keys are unique.
 */
export const VALUE_TAG = {
  null: 0x00,
  false: 0x01,
  true: 0x02,
  number: 0x03,
  string: 0x04,
  array: 0x05,
  object: 0x06,
} as const;

/** Nesting deeper than this is refused: no legitimate message needs it, and it bounds recursion. */
export const MAX_VALUE_DEPTH = 32;

export type Value = null | boolean | number | string | readonly Value[] | { readonly [key: string]: Value };
