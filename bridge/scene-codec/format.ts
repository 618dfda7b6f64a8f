/**
 * The binary layout of a scene-op batch: one batch per world per frame, sent as a transferable
 * buffer. WASM pages write this same layout, so it is part of the page ABI: change it only with
 * a CONTRACT_VERSION bump. All integers are little-endian (WebAssembly's native order).
 *
 *   offset  type  field
 *   0       u32   magic 0x42534346 (the bytes "FCSB")
 *   4       u16   contract version
 *   6       u16   flags, must be 0
 *   8       u32   S = number of strings in the string table
 *   12      u32   N = number of ops
 *   16      S × { u32 byteLength, UTF-8 bytes }       the string table
 *   ...     N × { u8 opcode, fields }                 the ops
 *
 *   opcode  op            fields
 *   0x01    create        u32 id, u8 kind (0 view, 1 text, 2 image)
 *   0x02    setProp       u32 id, u8 prop code (see PROPS), value
 *   0x03    append        u32 parent, u32 child
 *   0x04    insertBefore  u32 parent, u32 child, u32 before
 *   0x05    remove        u32 id
 *
 *   value = u8 tag, then: 0x00 null | 0x01 false | 0x02 true | 0x03 i32 | 0x04 f64
 *                         | 0x05 u32 index into the string table
 *
 * The batch ends exactly after its last op; trailing bytes are an error.
 */
export const BATCH_MAGIC = 0x42_53_43_46;
export const HEADER_BYTES = 16;

export const OPCODES = {
  create: 0x01,
  setProp: 0x02,
  append: 0x03,
  insertBefore: 0x04,
  remove: 0x05,
} as const;

export const KIND_CODES = { view: 0, text: 1, image: 2 } as const;

export const VALUE_TAGS = {
  null: 0x00,
  false: 0x01,
  true: 0x02,
  i32: 0x03,
  f64: 0x04,
  string: 0x05,
} as const;

/** The smallest op (remove: opcode + u32): bounds how many ops a batch of a given size can hold. */
export const MIN_OP_BYTES = 5;
