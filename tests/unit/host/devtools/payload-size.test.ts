import { describe, expect, it } from 'vitest';
import { approximateBytes } from '../../../../host/devtools/payload-size.ts';

describe('approximateBytes', () => {
  it('counts binary data by its byte length, strings as UTF-8, numbers as 8 bytes', () => {
    expect(approximateBytes({ type: 'scene.batch', page: 'profiles', bytes: new Uint8Array(300) })).toBe(332);
    expect(approximateBytes(['e3', { type: 'focus', nodeId: 7 }])).toBe(25);
    expect(approximateBytes(new ArrayBuffer(64))).toBe(64);
    expect(approximateBytes(new Float64Array(4))).toBe(32);
    expect(approximateBytes('é')).toBe(2);
    expect(approximateBytes('€')).toBe(3);
    expect(approximateBytes('😀')).toBe(4);
    expect(approximateBytes([true, null, undefined])).toBe(3);
  });

  it('stops counting after a bounded walk, so a huge message costs little', () => {
    const huge = Array.from({ length: 100_000 }, () => 1);
    expect(approximateBytes(huge)).toBeLessThan(2000 * 8);
  });
});
