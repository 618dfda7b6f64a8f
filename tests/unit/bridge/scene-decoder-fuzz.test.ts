import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONTRACT_VERSION,
  decodeSceneBatch,
  encodeSceneBatch,
  type SceneDecodeErrorCode,
  type SceneDecodeResult,
  type SceneOp,
  SceneOpSchema,
} from '../../../bridge/index.ts';
import { assemble, Bytes, HEADER, MAGIC, stringLengthOffsets } from './batch-bytes.ts';
import { sceneBatchArb } from './scene-arbitraries.ts';

const ERROR_CODES: ReadonlySet<SceneDecodeErrorCode> = new Set<SceneDecodeErrorCode>([
  'truncated',
  'bad-magic',
  'version-mismatch',
  'bad-flags',
  'bad-count',
  'bad-utf8',
  'unknown-opcode',
  'unknown-kind',
  'unknown-prop',
  'unknown-value-tag',
  'bad-string-index',
  'invalid-op',
  'trailing-bytes',
]);

const hexOf = (bytes: Uint8Array): string =>
  Array.from(bytes.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join(' ') +
  (bytes.length > 64 ? ` … (${bytes.length} bytes)` : '');

/** Every input the fuzz tests fed to the decoder, and what came out (for coverage checks). */
const stats = { inputs: 0, ok: 0, codes: new Map<string, number>() };

/**
 * The decoder's contract for untrusted bytes: it never throws; it returns ops that each pass the
 * op schema, or an error with a known code, an integer offset inside the input and a message that
 * starts with `byte <offset>:`. Throws (failing the property) with the input if not.
 */
function checkDecodeContract(bytes: Uint8Array): SceneDecodeResult {
  stats.inputs++;
  let result: SceneDecodeResult;
  try {
    result = decodeSceneBatch(bytes);
  } catch (error) {
    throw new Error(`decodeSceneBatch threw ${String(error)} on [${hexOf(bytes)}]`);
  }
  if (result.ok) {
    stats.ok++;
    result.ops.forEach((op, i) => {
      const checked = SceneOpSchema.check(op);
      if (!checked.ok)
        throw new Error(
          `op ${i} ${JSON.stringify(op)} is invalid (${checked.issue.message}) in [${hexOf(bytes)}]`,
        );
    });
    // Whatever the decoder accepts, the encoder can write back in a form the decoder accepts.
    const again = decodeSceneBatch(encodeSceneBatch(result.ops));
    if (!again.ok || again.ops.length !== result.ops.length) {
      throw new Error(`re-encoding the decoded ops of [${hexOf(bytes)}] does not decode`);
    }
    return result;
  }
  const { code, offset, message } = result.error;
  stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
  if (!ERROR_CODES.has(code)) throw new Error(`unknown error code ${String(code)} for [${hexOf(bytes)}]`);
  if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) {
    throw new Error(`offset ${offset} is outside [0, ${bytes.length}] for [${hexOf(bytes)}] (${message})`);
  }
  if (!message.startsWith(`byte ${offset}: `) || message.length <= `byte ${offset}: `.length) {
    throw new Error(
      `message ${JSON.stringify(message)} does not start with "byte ${offset}: " for [${hexOf(bytes)}]`,
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Mutations of valid batches

type CountValue = { readonly absolute: number } | { readonly delta: number };

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'overwrite'; readonly at: number; readonly value: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly count: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly count: number }
  | { readonly kind: 'stringCount'; readonly count: CountValue }
  | { readonly kind: 'opCount'; readonly count: CountValue }
  | { readonly kind: 'stringLength'; readonly which: number; readonly count: CountValue };

const countValueArb: fc.Arbitrary<CountValue> = fc.oneof(
  fc.record({ delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ absolute: fc.constantFrom(0, 1, 2, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x3333_3334) }),
  fc.record({ absolute: fc.nat(100) }),
  fc.record({ absolute: fc.integer({ min: 0, max: 0xffff_ffff }) }),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), value: fc.nat(255) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      count: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      at: fc.nat(),
      count: fc.integer({ min: 1, max: 14 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stringCount' as const), count: countValueArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('opCount' as const), count: countValueArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stringLength' as const),
      which: fc.nat(),
      count: countValueArb,
    }),
  },
);

const u32At = (bytes: Uint8Array, at: number): number =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);

function setU32(bytes: Uint8Array, at: number, count: CountValue): Uint8Array {
  if (at + 4 > bytes.length) return bytes;
  const out = bytes.slice();
  const value = 'absolute' in count ? count.absolute : (u32At(bytes, at) + count.delta) >>> 0;
  new DataView(out.buffer).setUint32(at, value, true);
  return out;
}

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const len = bytes.length;
  switch (m.kind) {
    case 'flip': {
      if (len === 0) return bytes;
      const out = bytes.slice();
      const at = m.at % len;
      out[at] = (out[at] ?? 0) ^ (1 << m.bit);
      return out;
    }
    case 'overwrite': {
      if (len === 0) return bytes;
      const out = bytes.slice();
      out[m.at % len] = m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, m.at % (len + 1));
    case 'insert': {
      const at = m.at % (len + 1);
      const out = new Uint8Array(len + m.bytes.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(m.bytes, at);
      out.set(bytes.subarray(at), at + m.bytes.length);
      return out;
    }
    case 'delete': {
      const at = m.at % (len + 1);
      const out = new Uint8Array(len - Math.min(m.count, len - at));
      out.set(bytes.subarray(0, at), 0);
      out.set(bytes.subarray(at + m.count), at);
      return out;
    }
    case 'duplicate': {
      const at = m.at % (len + 1);
      const chunk = bytes.subarray(at, at + m.count);
      const out = new Uint8Array(len + chunk.length);
      out.set(bytes.subarray(0, at + chunk.length), 0);
      out.set(bytes.subarray(at), at + chunk.length);
      return out;
    }
    case 'stringCount':
      return setU32(bytes, 8, m.count);
    case 'opCount':
      return setU32(bytes, 12, m.count);
    case 'stringLength': {
      if (len < HEADER) return bytes;
      let offsets: number[];
      try {
        offsets = stringLengthOffsets(bytes);
      } catch {
        return bytes; // an earlier mutation made the table unreadable; leave it for the decoder
      }
      const valid = offsets.filter((at) => at + 4 <= len);
      if (valid.length === 0) return bytes;
      return setU32(bytes, valid[m.which % valid.length] ?? HEADER, m.count);
    }
  }
}

// ---------------------------------------------------------------------------------------------

const RANDOM_RUNS = 10_000;
const HEADER_PREFIXED_RUNS = 5_000;
const MUTATION_RUNS = 20_000;

afterAll(() => {
  // Printed so the total is visible in the test log; not asserted on.
  console.info(
    `scene decoder fuzz: ${stats.inputs} inputs, ${stats.ok} decoded ok, errors by code:`,
    stats.codes,
  );
});

describe('decodeSceneBatch fuzzing (untrusted bytes)', () => {
  it(`survives ${RANDOM_RUNS} purely random byte arrays`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        checkDecodeContract(bytes);
      }),
      { numRuns: RANDOM_RUNS },
    );
  });

  it(`survives ${HEADER_PREFIXED_RUNS} random bodies behind a valid header`, () => {
    const before = { ok: stats.ok, inputs: stats.inputs };
    fc.assert(
      fc.property(fc.nat(4), fc.nat(40), fc.uint8Array({ maxLength: 400 }), (stringCount, opCount, body) => {
        const bytes = new Bytes()
          .u32(MAGIC)
          .u16(CONTRACT_VERSION)
          .u16(0)
          .u32(stringCount)
          .u32(opCount)
          .raw(body)
          .build();
        const result = checkDecodeContract(bytes);
        if (!result.ok)
          expect(['bad-magic', 'version-mismatch', 'bad-flags']).not.toContain(result.error.code);
      }),
      { numRuns: HEADER_PREFIXED_RUNS },
    );
    expect(stats.inputs - before.inputs).toBe(HEADER_PREFIXED_RUNS);
  });

  it(`survives ${MUTATION_RUNS} mutations of valid batches (flips, overwrites, truncation, insertion, count and length tampering)`, () => {
    const seen = new Map<string, number>();
    let decodedOk = 0;
    fc.assert(
      fc.property(
        sceneBatchArb(12),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (ops, mutations) => {
          const original = encodeSceneBatch(ops);
          const mutated = mutations.reduce(mutate, original);
          const result = checkDecodeContract(mutated);
          if (result.ok) decodedOk++;
          else seen.set(result.error.code, (seen.get(result.error.code) ?? 0) + 1);
        },
      ),
      { numRuns: MUTATION_RUNS },
    );
    // The mutations must reach deep into the decoder, not just trip over the header.
    for (const code of [
      'truncated',
      'bad-count',
      'bad-utf8',
      'unknown-opcode',
      'unknown-kind',
      'unknown-prop',
      'unknown-value-tag',
      'bad-string-index',
      'invalid-op',
      'trailing-bytes',
    ]) {
      expect(seen.get(code) ?? 0, `mutations never produced ${code}`).toBeGreaterThan(0);
    }
    expect(decodedOk).toBeGreaterThan(0);
  });

  describe('exhaustive edits of one representative batch', () => {
    // One of each op and value tag, two strings (one multi-byte).
    const ops: SceneOp[] = [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'setProp', id: 1, name: 'text', value: 'héllo 🌳' },
      { op: 'setProp', id: 1, name: 'focusKey', value: 'tile-1' },
      { op: 'setProp', id: 1, name: 'x', value: 12 },
      { op: 'setProp', id: 1, name: 'opacity', value: 0.5 },
      { op: 'setProp', id: 1, name: 'clip', value: true },
      { op: 'setProp', id: 1, name: 'focusGroup', value: false },
      { op: 'setProp', id: 1, name: 'y', value: null },
      { op: 'append', parent: 0, child: 1 },
      { op: 'insertBefore', parent: 0, child: 2, before: 1 },
      { op: 'remove', id: 1 },
    ];
    const valid = encodeSceneBatch(ops);

    it('rejects every truncation (each prefix), as truncated or bad-count', () => {
      expect(decodeSceneBatch(valid)).toEqual({ ok: true, ops });
      for (let length = 0; length < valid.length; length++) {
        const result = checkDecodeContract(valid.slice(0, length));
        expect(result.ok, `prefix of ${length} bytes decoded`).toBe(false);
        if (!result.ok) expect(['truncated', 'bad-count']).toContain(result.error.code);
      }
    });

    it('never throws for any single-byte overwrite at any position', () => {
      const values = [0x00, 0x01, 0x05, 0x7f, 0x80, 0xc0, 0xff];
      for (let at = 0; at < valid.length; at++) {
        for (const value of values) {
          const mutated = valid.slice();
          mutated[at] = value;
          checkDecodeContract(mutated);
        }
        const incremented = valid.slice();
        incremented[at] = ((incremented[at] ?? 0) + 1) & 0xff;
        checkDecodeContract(incremented);
      }
    });

    it('never throws for any single bit flip', () => {
      for (let at = 0; at < valid.length; at++) {
        for (let bit = 0; bit < 8; bit++) {
          const mutated = valid.slice();
          mutated[at] = (mutated[at] ?? 0) ^ (1 << bit);
          checkDecodeContract(mutated);
        }
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Specific decode errors

function decodeError(bytes: Uint8Array): { code: SceneDecodeErrorCode; offset: number; message: string } {
  const result = checkDecodeContract(bytes);
  if (result.ok) throw new Error(`expected a decode error, got ops ${JSON.stringify(result.ops)}`);
  return result.error;
}

/** One setProp op on node 1 with prop code `prop`, then `writeValue` writes the tag and value. */
const setPropBatch = (prop: number, writeValue: (b: Bytes) => void, strings: string[] = []): Uint8Array =>
  assemble({ strings, opCount: 1, ops: (b) => writeValue(b.u8(0x02).u32(1).u8(prop)) });

describe('decodeSceneBatch errors', () => {
  it('empty input: truncated at 0', () => {
    const error = decodeError(new Uint8Array(0));
    expect(error.code).toBe('truncated');
    expect(error.offset).toBe(0);
    expect(error.message).toBe('byte 0: batch is 0 bytes, shorter than its 16-byte header');
  });

  it('a header cut short: truncated at 0', () => {
    for (let length = 1; length < HEADER; length++) {
      const error = decodeError(encodeSceneBatch([]).slice(0, length));
      expect(error.code).toBe('truncated');
      expect(error.offset).toBe(0);
    }
  });

  it('bad magic: names what it found and what it expected', () => {
    const error = decodeError(assemble({ magic: 0x41_53_43_46 }));
    expect(error).toMatchObject({ code: 'bad-magic', offset: 0 });
    expect(error.message).toContain('0x41534346');
    expect(error.message).toContain('0x42534346');
    // a big-endian writer
    expect(decodeError(assemble({ magic: 0x46_43_53_42 })).code).toBe('bad-magic');
  });

  it('wrong contract version: names both versions', () => {
    const error = decodeError(assemble({ version: CONTRACT_VERSION + 1 }));
    expect(error).toMatchObject({ code: 'version-mismatch', offset: 4 });
    expect(error.message).toContain(`version ${CONTRACT_VERSION + 1}`);
    expect(error.message).toContain(`version ${CONTRACT_VERSION}`);
    expect(decodeError(assemble({ version: 0 })).code).toBe('version-mismatch');
    expect(decodeError(assemble({ version: 0xffff })).message).toContain('version 65535');
  });

  it('nonzero flags', () => {
    for (const flags of [1, 0x8000, 0xffff]) {
      expect(decodeError(assemble({ flags }))).toMatchObject({ code: 'bad-flags', offset: 6 });
    }
  });

  it('huge string count: bad-count, without allocating or looping', () => {
    for (const stringCount of [0xffff_ffff, 0x8000_0000, 0x4000_0000]) {
      expect(decodeError(assemble({ stringCount }))).toMatchObject({ code: 'bad-count', offset: 8 });
    }
    // 2 strings need at least 8 bytes of lengths; only 4 follow
    expect(decodeError(assemble({ stringCount: 2, ops: (b) => b.u32(0) }))).toMatchObject({
      code: 'bad-count',
      offset: 8,
    });
  });

  it('huge op count: bad-count, without allocating or looping', () => {
    for (const opCount of [0xffff_ffff, 0x3333_3334, 1]) {
      expect(decodeError(assemble({ opCount }))).toMatchObject({ code: 'bad-count', offset: 12 });
    }
    // two ops declared but only one 5-byte op present
    expect(decodeError(assemble({ opCount: 2, ops: (b) => b.u8(0x05).u32(1) }))).toMatchObject({
      code: 'bad-count',
      offset: 12,
    });
  });

  it('unknown opcode, at the op it was found in', () => {
    for (const opcode of [0x00, 0x06, 0x7f, 0xff]) {
      expect(decodeError(assemble({ opCount: 1, ops: (b) => b.u8(opcode).u32(0) }))).toMatchObject({
        code: 'unknown-opcode',
        offset: 16,
      });
    }
    const second = decodeError(assemble({ opCount: 2, ops: (b) => b.u8(0x05).u32(1).u8(0x09).u32(0) }));
    expect(second).toMatchObject({ code: 'unknown-opcode', offset: 21 });
    expect(second.message).toBe('byte 21: unknown opcode 0x09');
  });

  it('unknown node kind', () => {
    const error = decodeError(assemble({ opCount: 1, ops: (b) => b.u8(0x01).u32(1).u8(3) }));
    expect(error).toMatchObject({ code: 'unknown-kind', offset: 21 });
    expect(decodeError(assemble({ opCount: 1, ops: (b) => b.u8(0x01).u32(1).u8(0xff) })).code).toBe(
      'unknown-kind',
    );
  });

  it('unknown prop code', () => {
    for (const code of [0, 14, 19, 26, 99, 255]) {
      const error = decodeError(setPropBatch(code, (b) => b.u8(0x00)));
      expect(error).toMatchObject({ code: 'unknown-prop', offset: 21 });
      expect(error.message).toBe(`byte 21: unknown prop code ${code}`);
    }
  });

  it('unknown value tag', () => {
    for (const tag of [0x06, 0x10, 0xff]) {
      expect(decodeError(setPropBatch(1, (b) => b.u8(tag).u32(0)))).toMatchObject({
        code: 'unknown-value-tag',
        offset: 22,
      });
    }
  });

  it('string index out of range', () => {
    // table: "hi" → ops start at 16 + 4 + 2 = 22; index sits after opcode, id, prop code, tag
    const error = decodeError(setPropBatch(20, (b) => b.u8(0x05).u32(1), ['hi']));
    expect(error).toMatchObject({ code: 'bad-string-index', offset: 22 + 7 });
    expect(error.message).toContain('string index 1');
    expect(decodeError(setPropBatch(20, (b) => b.u8(0x05).u32(0)))).toMatchObject({
      code: 'bad-string-index',
      offset: 16 + 7,
    });
    expect(decodeError(setPropBatch(20, (b) => b.u8(0x05).u32(0xffff_ffff), ['a'])).code).toBe(
      'bad-string-index',
    );
  });

  it('invalid UTF-8 in the string table, at the start of the bad string', () => {
    const bad = [
      [0xff],
      [0xc0, 0x80], // overlong NUL
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xe2, 0x82], // truncated sequence
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0x80], // lone continuation byte
    ];
    for (const raw of bad) {
      expect(decodeError(assemble({ strings: [Uint8Array.from(raw)] }))).toMatchObject({
        code: 'bad-utf8',
        offset: 20,
      });
    }
    // second string bad: 16 + (4 + 2) + 4
    const second = decodeError(assemble({ strings: ['ok', Uint8Array.from([0xff, 0xfe])] }));
    expect(second).toMatchObject({ code: 'bad-utf8', offset: 26 });
    expect(second.message).toBe('byte 26: string 1 is not valid UTF-8');
  });

  it('trailing bytes after the last op', () => {
    const valid = encodeSceneBatch([{ op: 'remove', id: 3 }]);
    const withExtra = new Uint8Array(valid.length + 2);
    withExtra.set(valid);
    const error = decodeError(withExtra);
    expect(error).toMatchObject({ code: 'trailing-bytes', offset: valid.length });
    expect(error.message).toContain('2 unexpected bytes');
    expect(decodeError(assemble({ ops: (b) => b.u8(0x05).u32(1) }))).toMatchObject({
      code: 'trailing-bytes',
      offset: 16,
    });
  });

  it('truncated in the middle of an op, at the field that is cut', () => {
    // create (6 bytes) + the first 5 bytes of a setProp: passes the count check (2 × 5 ≤ 11)
    const error = decodeError(assemble({ opCount: 2, ops: (b) => b.u8(0x01).u32(1).u8(1).u8(0x02).u32(1) }));
    expect(error).toMatchObject({ code: 'truncated', offset: 27 });
    expect(error.message).toContain('prop code');
    // an f64 value cut after 3 of its 8 bytes
    const f64 = decodeError(setPropBatch(1, (b) => b.u8(0x04).raw([0, 0, 0])));
    expect(f64).toMatchObject({ code: 'truncated', offset: 23 });
    // insertBefore missing its sibling id
    const ib = decodeError(assemble({ opCount: 1, ops: (b) => b.u8(0x04).u32(0).u32(1) }));
    expect(ib).toMatchObject({ code: 'truncated', offset: 25 });
    expect(ib.message).toContain('sibling');
  });

  it('truncated inside a string', () => {
    const error = decodeError(assemble({ stringCount: 1, ops: (b) => b.u32(10).raw([0x61, 0x62, 0x63]) }));
    expect(error).toMatchObject({ code: 'truncated', offset: 20 });
  });

  it('invalid-op: values the prop schema rejects', () => {
    const cases: Array<[string, Uint8Array]> = [
      ['opacity 2 as f64', setPropBatch(6, (b) => b.u8(0x04).f64(2))],
      ['opacity 2 as i32', setPropBatch(6, (b) => b.u8(0x03).i32(2))],
      ['x NaN', setPropBatch(1, (b) => b.u8(0x04).f64(Number.NaN))],
      ['x Infinity', setPropBatch(1, (b) => b.u8(0x04).f64(Number.POSITIVE_INFINITY))],
      ['width -Infinity', setPropBatch(3, (b) => b.u8(0x04).f64(Number.NEGATIVE_INFINITY))],
      ['width -1', setPropBatch(3, (b) => b.u8(0x03).i32(-1))],
      ['zIndex 1.5', setPropBatch(7, (b) => b.u8(0x04).f64(1.5))],
      ['x as a string', setPropBatch(1, (b) => b.u8(0x05).u32(0), ['12'])],
      ['x as a boolean', setPropBatch(1, (b) => b.u8(0x02))],
      ['text as a number', setPropBatch(20, (b) => b.u8(0x03).i32(7))],
      ['clip as a number', setPropBatch(8, (b) => b.u8(0x03).i32(1))],
      ['color with injected CSS', setPropBatch(21, (b) => b.u8(0x05).u32(0), ['red;background:url(x)'])],
      ['empty src', setPropBatch(30, (b) => b.u8(0x05).u32(0), [''])],
      ['fontWeight heavy', setPropBatch(23, (b) => b.u8(0x05).u32(0), ['heavy'])],
      ['boundary 16', setPropBatch(43, (b) => b.u8(0x03).i32(16))],
      ['focusKey with a space', setPropBatch(40, (b) => b.u8(0x05).u32(0), ['a b'])],
    ];
    for (const [label, bytes] of cases) {
      const error = decodeError(bytes);
      expect(error.code, label).toBe('invalid-op');
      expect(error.offset, label).toBe(HEADER + stringTableSize(bytes));
      expect(error.message, label).toContain('op 0');
    }
    const opacity = decodeError(setPropBatch(6, (b) => b.u8(0x04).f64(2)));
    expect(opacity.message).toBe(
      'byte 16: at op 0.value: prop opacity: expected a finite number from 0 to 1, got 2',
    );
  });

  it('invalid-op names the op index and points at its first byte', () => {
    const bytes = assemble({
      opCount: 3,
      ops: (b) => b.u8(0x01).u32(1).u8(0).u8(0x05).u32(1).u8(0x02).u32(1).u8(6).u8(0x04).f64(-0.5),
    });
    const error = decodeError(bytes);
    expect(error).toMatchObject({ code: 'invalid-op', offset: 16 + 6 + 5 });
    expect(error.message).toContain('op 2');
  });

  it('accepts any numeric encoding the schema allows: integers as f64, in-range floats as i32', () => {
    const result = decodeSceneBatch(
      assemble({
        opCount: 2,
        ops: (b) => b.u8(0x02).u32(1).u8(7).u8(0x04).f64(5).u8(0x02).u32(1).u8(6).u8(0x03).i32(1),
      }),
    );
    expect(result).toEqual({
      ok: true,
      ops: [
        { op: 'setProp', id: 1, name: 'zIndex', value: 5 },
        { op: 'setProp', id: 1, name: 'opacity', value: 1 },
      ],
    });
  });

  it('accepts unused strings in the table', () => {
    expect(decodeSceneBatch(assemble({ strings: ['unused', ''] }))).toEqual({ ok: true, ops: [] });
  });
});

function stringTableSize(bytes: Uint8Array): number {
  const offsets = stringLengthOffsets(bytes);
  const last = offsets[offsets.length - 1];
  return last === undefined ? 0 : last + 4 + u32At(bytes, last) - HEADER;
}
