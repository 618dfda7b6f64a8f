// generated from bridge/scene-codec/format.ts, bridge/version.ts by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.
// Numbers are `@inline` constants: asc puts the literal where one is used (a plain constant
// can stay a global, as in a `switch` case), so modules come out as they did with literals.

// The scene batch layout (ABI.md section 5): header, opcodes and the tags of prop values.

/** The header's first u32: the bytes "FCSB". */
@inline export const BATCH_MAGIC: u32 = 0x42534346;
@inline export const HEADER_BYTES: i32 = 16;
/** The header's u16 contract version (CONTRACT_VERSION of bridge/version.ts). */
@inline export const CONTRACT_VERSION: u16 = 1;

@inline export const OP_CREATE: u8 = 0x01;
@inline export const OP_SET_PROP: u8 = 0x02;
@inline export const OP_APPEND: u8 = 0x03;
@inline export const OP_INSERT_BEFORE: u8 = 0x04;
@inline export const OP_REMOVE: u8 = 0x05;

@inline export const TAG_NULL: u8 = 0x00;
@inline export const TAG_FALSE: u8 = 0x01;
@inline export const TAG_TRUE: u8 = 0x02;
@inline export const TAG_I32: u8 = 0x03;
@inline export const TAG_F64: u8 = 0x04;
@inline export const TAG_STRING: u8 = 0x05;
