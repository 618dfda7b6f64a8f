import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue, VALUE_TAG } from '../../../bridge/index.ts';

const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const utf8 = (s: string) => [...new TextEncoder().encode(s)];

/** JSON-like values the encoding carries: no undefined, no -0 ambiguity issues (f64 keeps -0). */
const valueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('value codec', () => {
  it('round-trips any JSON-like value (property)', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const result = decodeValue(encodeValue(value));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the documented layout', () => {
    expect([...encodeValue({ a: [true, 'é'] })]).toEqual([
      VALUE_TAG.object,
      ...u32(1),
      ...u32(1),
      ...utf8('a'),
      VALUE_TAG.array,
      ...u32(2),
      VALUE_TAG.true,
      VALUE_TAG.string,
      ...u32(2),
      ...utf8('é'),
    ]);
    const number = encodeValue(1.5);
    expect(number[0]).toBe(VALUE_TAG.number);
    expect(new DataView(number.buffer).getFloat64(1, true)).toBe(1.5);
  });

  it('refuses values with no encoding, naming where they are', () => {
    expect(() => encodeValue({ a: { b: () => 1 } })).toThrow('.a.b is function');
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => encodeValue(cycle)).toThrow('.self refers back to itself');
  });

  it.each([
    ['empty input', [], 'byte 0: message ends in the middle of a value tag'],
    ['an unknown tag', [0x09], 'byte 0: unknown value tag 0x09'],
    ['a truncated number', [VALUE_TAG.number, 0, 0], 'byte 1: message ends in the middle of a number'],
    [
      'a string longer than the message',
      [VALUE_TAG.string, ...u32(50), 65],
      'byte 5: message ends in the middle of a string',
    ],
    ['invalid UTF-8', [VALUE_TAG.string, ...u32(1), 0xff], 'byte 5: a string is not valid UTF-8'],
    [
      'a huge array count',
      [VALUE_TAG.array, ...u32(0xffffffff)],
      'byte 0: array of 4294967295 items cannot fit',
    ],
    [
      'a duplicate key',
      [VALUE_TAG.object, ...u32(2), ...u32(1), 97, VALUE_TAG.null, ...u32(1), 97, VALUE_TAG.null],
      'byte 11: object key "a" appears twice',
    ],
    ['trailing bytes', [VALUE_TAG.null, 0], 'byte 1: 1 unexpected bytes after the value'],
  ])('rejects %s with the offset and reason', (_name, bytes, message) => {
    const result = decodeValue(Uint8Array.from(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('refuses nesting deeper than 32 levels', () => {
    const deep = Uint8Array.from([
      ...Array.from({ length: 40 }, () => [VALUE_TAG.array, ...u32(1)]).flat(),
      VALUE_TAG.null,
    ]);
    const result = decodeValue(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('nest deeper than 32');
  });

  it('never throws on random or mutated bytes (10,000 inputs)', () => {
    const valid = encodeValue({
      type: 'data',
      requestId: 3,
      ok: true,
      body: { rails: [{ id: 'r1', items: [1, 2, 'x'] }] },
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
            const copy = valid.slice();
            copy[at] = byte;
            return copy;
          }),
          fc.nat(valid.length).map((cut) => valid.slice(0, cut)),
        ),
        (bytes) => {
          const result = decodeValue(bytes);
          if (!result.ok) {
            expect(result.error.offset).toBeGreaterThanOrEqual(0);
            expect(result.error.offset).toBeLessThanOrEqual(bytes.length);
            expect(result.error.message.startsWith(`byte ${result.error.offset}:`)).toBe(true);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
