import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_VERSION,
  decodeSceneBatch,
  encodeSceneBatch,
  PROP_NAME_BY_CODE,
  PROP_NAMES,
  PROPS,
  type PropName,
  type SceneOp,
  SceneOpSchema,
  type SceneProps,
  type SetPropOp,
} from '../../../bridge/index.ts';
import { assemble, MAGIC } from './batch-bytes.ts';
import { PROP_NAME_LIST, PROP_VALUE_ARBS, sceneBatchArb, sceneOpArb } from './scene-arbitraries.ts';

function roundTrip(ops: readonly SceneOp[]): readonly SceneOp[] {
  const result = decodeSceneBatch(encodeSceneBatch(ops));
  if (!result.ok) throw new Error(`decode failed: ${result.error.code} ${result.error.message}`);
  return result.ops;
}

const setProp = <K extends PropName>(id: number, name: K, value: SceneProps[K] | null): SetPropOp =>
  ({ op: 'setProp', id, name, value }) as SetPropOp;

/** Several valid values per prop, including the edges of each schema. */
const SAMPLE_VALUES: { readonly [K in PropName]: readonly SceneProps[K][] } = {
  x: [0, 1, -3, 1.5, -1_000_000, 1_000_000, 0.1, 123456.789],
  y: [0, 7, -7.25, 1_000_000, -1_000_000],
  width: [0, 1920, 0.5, 1_000_000],
  height: [0, 1080, 33.3333, 1_000_000],
  backgroundColor: ['#000', '#fff8', '#1a2b3c', '#1A2B3C80', 'transparent'],
  opacity: [0, 1, 0.5, Number.MIN_VALUE, 0.1 + 0.2],
  zIndex: [0, -100_000, 100_000, 42, -1],
  clip: [true, false],
  visible: [true, false],
  borderRadius: [0, 8, 12.5],
  borderColor: ['#abc', '#00000000'],
  borderWidth: [0, 100, 2.5],
  text: ['', 'Hello', 'a'.repeat(1000), '<b>not html</b>', 'line 1\nline 2\ttab'],
  color: ['#ffffff', 'transparent'],
  fontSize: [1, 500, 24, 13.5],
  fontWeight: ['normal', 'bold'],
  textAlign: ['left', 'center', 'right'],
  maxLines: [1, 2, 100],
  src: ['https://img.example/poster.jpg', 'x', 'data:image/png;base64,AAAA'],
  fit: ['cover', 'contain', 'fill'],
  focusKey: ['tile-1', 'a', 'rail:3.tile_7', 'k'.repeat(128)],
  focusGroup: [true, false],
  preferredChild: ['tile-0', 'X'],
  boundary: [0, 1, 12, 15],
  role: ['button', 'heading', 'text', 'image', 'list', 'listitem', 'dialog', 'group'],
  label: ['Play', 'é', 'l'.repeat(500), '<b>not html</b>'],
  description: ['Starts the film from the beginning', 'd'.repeat(2000)],
  scale: [0, 1, 1.08, 100],
  animate: [0, 1, 3, 15],
  animateDuration: [0, 200, 10_000],
  animateEasing: ['linear', 'ease', 'ease-in', 'ease-out', 'ease-in-out'],
  animateDelay: [0, 50, 10_000],
};

describe('encodeSceneBatch: layout', () => {
  it('writes exactly the bytes documented in format.ts', () => {
    const ops: SceneOp[] = [
      { op: 'create', id: 1, kind: 'text' },
      setProp(1, 'text', 'Hi'),
      setProp(1, 'opacity', 0.5),
      setProp(1, 'zIndex', -3),
      setProp(1, 'clip', true),
      setProp(1, 'focusGroup', false),
      setProp(1, 'x', null),
      { op: 'append', parent: 0, child: 1 },
      { op: 'create', id: 0x01020304, kind: 'image' },
      { op: 'insertBefore', parent: 0, child: 0x01020304, before: 1 },
      { op: 'remove', id: 0xffffffff },
      { op: 'create', id: 2, kind: 'view' },
    ];
    const expected = assemble({
      strings: ['Hi'],
      opCount: ops.length,
      ops: (b) => {
        b.u8(0x01).u32(1).u8(1);
        b.u8(0x02).u32(1).u8(20).u8(0x05).u32(0);
        b.u8(0x02).u32(1).u8(6).u8(0x04).f64(0.5);
        b.u8(0x02).u32(1).u8(7).u8(0x03).i32(-3);
        b.u8(0x02).u32(1).u8(8).u8(0x02);
        b.u8(0x02).u32(1).u8(41).u8(0x01);
        b.u8(0x02).u32(1).u8(1).u8(0x00);
        b.u8(0x03).u32(0).u32(1);
        b.u8(0x01).u32(0x01020304).u8(2);
        b.u8(0x04).u32(0).u32(0x01020304).u32(1);
        b.u8(0x05).u32(0xffffffff);
        b.u8(0x01).u32(2).u8(0);
      },
    });
    expect(encodeSceneBatch(ops)).toEqual(expected);
  });

  it('starts with the magic "FCSB", the contract version and zero flags', () => {
    const bytes = encodeSceneBatch([]);
    expect(Array.from(bytes)).toEqual([
      0x46,
      0x43,
      0x53,
      0x42,
      CONTRACT_VERSION,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(new DataView(bytes.buffer).getUint32(0, true)).toBe(MAGIC);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('FCSB');
  });

  it('writes string lengths in UTF-8 bytes, not UTF-16 code units', () => {
    const bytes = encodeSceneBatch([setProp(1, 'text', '€🌳')]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(8, true)).toBe(1);
    expect(view.getUint32(16, true)).toBe(3 + 4);
    expect(Array.from(bytes.subarray(20, 27))).toEqual(Array.from(new TextEncoder().encode('€🌳')));
  });

  it('picks i32 for 32-bit integers and f64 for everything else', () => {
    const tagOf = (value: number): number => {
      // create-less batch: header (16) + opcode (1) + id (4) + prop code (1), then the tag
      const bytes = encodeSceneBatch([setProp(1, 'x', value)]);
      return bytes[22] ?? -1;
    };
    expect(tagOf(-3)).toBe(0x03);
    expect(tagOf(0)).toBe(0x03);
    expect(tagOf(2 ** 31 - 1)).toBe(0x03);
    expect(tagOf(-(2 ** 31))).toBe(0x03);
    expect(tagOf(2 ** 31)).toBe(0x04);
    expect(tagOf(-(2 ** 31) - 1)).toBe(0x04);
    expect(tagOf(1.5)).toBe(0x04);
    expect(tagOf(2 ** 53)).toBe(0x04);
  });

  it('is deterministic', () => {
    const ops: SceneOp[] = [setProp(3, 'text', 'b'), setProp(3, 'text', 'a'), { op: 'remove', id: 3 }];
    expect(encodeSceneBatch(ops)).toEqual(encodeSceneBatch(structuredClone(ops)));
  });
});

describe('scene codec round trip', () => {
  it('round-trips the empty batch', () => {
    const bytes = encodeSceneBatch([]);
    expect(bytes.length).toBe(16);
    expect(decodeSceneBatch(bytes)).toEqual({ ok: true, ops: [] });
  });

  it('round-trips every op kind', () => {
    const ops: SceneOp[] = [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'create', id: 2, kind: 'text' },
      { op: 'create', id: 0xffffffff, kind: 'image' },
      setProp(2, 'text', 'Hello'),
      { op: 'append', parent: 0, child: 1 },
      { op: 'insertBefore', parent: 1, child: 2, before: 0xffffffff },
      { op: 'remove', id: 0 },
    ];
    expect(roundTrip(ops)).toEqual(ops);
  });

  it('covers every prop in PROPS with a sample table and a generator', () => {
    expect([...PROP_NAME_LIST].sort()).toEqual([...PROP_NAMES].sort());
    expect(Object.keys(SAMPLE_VALUES).sort()).toEqual([...PROP_NAMES].sort());
  });

  it('gives every prop its own code', () => {
    expect(PROP_NAME_BY_CODE.size).toBe(PROP_NAMES.length);
    for (const name of PROP_NAMES) {
      expect(PROP_NAME_BY_CODE.get(PROPS[name].code)).toBe(name);
      expect(PROPS[name].code).toBeGreaterThan(0);
      expect(PROPS[name].code).toBeLessThan(256);
    }
  });

  for (const name of PROP_NAMES) {
    it(`round-trips prop ${name} with valid values and with null`, () => {
      const samples: readonly unknown[] = SAMPLE_VALUES[name];
      expect(samples.length).toBeGreaterThan(0);
      const ops = [...samples, null].map(
        (value, i) => ({ op: 'setProp', id: i + 1, name, value }) as SetPropOp,
      );
      for (const op of ops) expect(SceneOpSchema.check(op).ok).toBe(true);
      expect(roundTrip(ops)).toEqual(ops);
    });
  }

  it('round-trips integers and floats exactly', () => {
    const values = [
      1.5,
      -3,
      0.1,
      0.1 + 0.2,
      1 / 3,
      -999_999.999_999,
      1_000_000,
      2 ** -30,
      5e-324,
      123_456_789e-3,
    ];
    const ops = values.map((value, i) => setProp(i, 'x', value));
    const decoded = roundTrip(ops);
    expect(decoded.map((op) => (op.op === 'setProp' ? op.value : 'not a setProp'))).toEqual(values);
    decoded.forEach((op, i) => {
      expect(op.op === 'setProp' ? op.value : 'not a setProp').toBe(values[i]);
    });
  });

  it('round-trips -0 exactly (Object.is), rather than turning it into 0', () => {
    const [op] = roundTrip([setProp(1, 'x', -0)]);
    expect(op?.op === 'setProp' ? op.value : 'not a setProp').toBe(-0); // toBe compares with Object.is
  });

  it('round-trips unicode text: emoji, CJK, combining characters, RTL, NUL, astral symbols', () => {
    const texts = [
      '🌳',
      '👨‍👩‍👧‍👦 family',
      '🇫🇷🇯🇵',
      '你好，世界',
      '日本語のテキスト',
      '한국어',
      'e\u0301 (e + combining acute) vs é',
      'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
      'مرحبا بالعالم',
      'nul:\u0000:end',
      '𝄞 𝟘 𐍈',
      'zero\u200bwidth\u200djoin',
      'trailing bom\uFEFF',
    ];
    const ops = texts.map((text, i) => setProp(i + 1, 'text', text));
    expect(roundTrip(ops)).toEqual(ops);
  });

  it('round-trips text that starts with U+FEFF (a BOM is content, not a marker, inside a string)', () => {
    const ops = [setProp(1, 'text', '\uFEFFhello'), setProp(2, 'text', '\uFEFF')];
    expect(roundTrip(ops)).toEqual(ops);
  });

  it('round-trips a large batch of 10,000 ops', () => {
    const ops: SceneOp[] = [];
    for (let i = 1; ops.length < 10_000; i++) {
      ops.push({ op: 'create', id: i, kind: 'text' });
      ops.push(setProp(i, 'text', `title ${i % 500}`));
      ops.push(setProp(i, 'x', (i % 7) * 1.25));
      ops.push({ op: 'append', parent: 0, child: i });
    }
    const bytes = encodeSceneBatch(ops);
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(500);
    expect(new DataView(bytes.buffer).getUint32(12, true)).toBe(10_000);
    expect(roundTrip(ops)).toEqual(ops);
  });

  it('decodes a batch that sits at an offset inside a larger buffer', () => {
    const ops: SceneOp[] = [
      setProp(9, 'text', 'offset'),
      setProp(9, 'opacity', 0.25),
      { op: 'remove', id: 9 },
    ];
    const encoded = encodeSceneBatch(ops);
    const big = new Uint8Array(encoded.length + 13).fill(0xee);
    big.set(encoded, 7);
    expect(decodeSceneBatch(big.subarray(7, 7 + encoded.length))).toEqual({ ok: true, ops });
  });
});

describe('string table', () => {
  const sizeOf = (ops: readonly SceneOp[]): number => encodeSceneBatch(ops).length;

  it('stores a repeated string once', () => {
    const same = [setProp(1, 'text', 'same'), setProp(2, 'text', 'same')];
    const different = [setProp(1, 'text', 'same'), setProp(2, 'text', 'diff')];
    expect(sizeOf(same)).toBeLessThan(sizeOf(different));
    // exactly one table entry (u32 length + 4 bytes) saved
    expect(sizeOf(different) - sizeOf(same)).toBe(8);
    expect(new DataView(encodeSceneBatch(same).buffer).getUint32(8, true)).toBe(1);
    expect(roundTrip(same)).toEqual(same);
  });

  it('shares strings across props and op positions', () => {
    const ops: SceneOp[] = [
      setProp(1, 'focusKey', 'tile-1'),
      setProp(2, 'preferredChild', 'tile-1'),
      setProp(3, 'text', 'tile-1'),
      setProp(4, 'src', 'tile-1'),
    ];
    const bytes = encodeSceneBatch(ops);
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(1);
    expect(roundTrip(ops)).toEqual(ops);
  });

  it('keeps strings that differ only in normalization apart', () => {
    const ops = [setProp(1, 'text', 'é'), setProp(2, 'text', 'e\u0301')];
    expect(new DataView(encodeSceneBatch(ops).buffer).getUint32(8, true)).toBe(2);
    expect(roundTrip(ops)).toEqual(ops);
  });
});

describe('transferable result', () => {
  const batches: Record<string, SceneOp[]> = {
    empty: [],
    small: [{ op: 'create', id: 1, kind: 'view' }],
    'growing body': Array.from({ length: 3000 }, (_, i) => setProp(i, 'text', `t${i}`)),
    'growing strings': [setProp(1, 'text', 'x'.repeat(100_000)), setProp(2, 'src', 'y'.repeat(70_000))],
  };

  for (const [label, ops] of Object.entries(batches)) {
    it(`owns a buffer of exactly its length (${label})`, () => {
      const bytes = encodeSceneBatch(ops);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
    });

    it(`can be transferred with structuredClone (${label})`, () => {
      const bytes = encodeSceneBatch(ops);
      const length = bytes.length;
      const moved = structuredClone(bytes, { transfer: [bytes.buffer] });
      expect(moved.length).toBe(length);
      expect(bytes.buffer.byteLength).toBe(0); // the original was detached, not copied
      expect(decodeSceneBatch(moved)).toEqual({ ok: true, ops });
    });
  }
});

describe('scene codec properties', () => {
  it('every generated prop value is valid for its prop (guards the generators)', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...PROP_NAME_LIST)
          .chain((name) =>
            (PROP_VALUE_ARBS[name] as fc.Arbitrary<unknown>).map((value) => ({ name, value })),
          ),
        ({ name, value }) => {
          const result = PROPS[name].schema.check(value);
          if (!result.ok)
            throw new Error(`${name}: ${JSON.stringify(value)} rejected: ${result.issue.message}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decode(encode(ops)) deep-equals ops for any valid batch', () => {
    fc.assert(
      fc.property(sceneBatchArb(40), (ops) => {
        expect(decodeSceneBatch(encodeSceneBatch(ops))).toEqual({ ok: true, ops });
      }),
      { numRuns: 1000 },
    );
  });

  it('a batch of one op is never larger than the op needs (no hidden padding)', () => {
    fc.assert(
      fc.property(sceneOpArb(), (op) => {
        const bytes = encodeSceneBatch([op]);
        const strings =
          op.op === 'setProp' && typeof op.value === 'string'
            ? 4 + new TextEncoder().encode(op.value).length
            : 0;
        const fixed = { create: 6, append: 9, insertBefore: 13, remove: 5, setProp: 7 }[op.op];
        const value =
          op.op !== 'setProp'
            ? 0
            : op.value === null || typeof op.value === 'boolean'
              ? 0
              : typeof op.value === 'string'
                ? 4
                : Number.isInteger(op.value) && Math.abs(op.value) <= 2 ** 31 - 1
                  ? 4
                  : 8;
        expect(bytes.length).toBe(16 + strings + fixed + value);
      }),
      { numRuns: 500 },
    );
  });
});
