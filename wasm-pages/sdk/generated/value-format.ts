// generated from bridge/value-codec/format.ts by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.
// Numbers are `@inline` constants: asc puts the literal where one is used (a plain constant
// can stay a global, as in a `switch` case), so modules come out as they did with literals.

// The value encoding (ABI.md section 4): one tag byte per value.

@inline export const VALUE_TAG_NULL: u8 = 0x00;
@inline export const VALUE_TAG_FALSE: u8 = 0x01;
@inline export const VALUE_TAG_TRUE: u8 = 0x02;
@inline export const VALUE_TAG_NUMBER: u8 = 0x03;
@inline export const VALUE_TAG_STRING: u8 = 0x04;
@inline export const VALUE_TAG_ARRAY: u8 = 0x05;
@inline export const VALUE_TAG_OBJECT: u8 = 0x06;

/** Values nest at most this deep (MAX_VALUE_DEPTH). */
@inline export const MAX_VALUE_DEPTH: i32 = 32;
/** What a crash message says of a value nested deeper. */
export function valueDepthRule(): string { return "values nest deeper than 32 levels"; }
