import { describe, expect, it } from 'vitest';
import { clip, formatBytes, formatMs, formatParams } from '../../../../host/devtools/format.ts';

describe('devtools formatting', () => {
  it('formats byte counts in B, KB and MB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3_500_000)).toBe('3.3 MB');
    expect(formatBytes(-1)).toBe('?');
    expect(formatBytes(Number.NaN)).toBe('?');
  });

  it('formats durations in ms below 10 s and in s above', () => {
    expect(formatMs(3.24)).toBe('3.2 ms');
    expect(formatMs(0)).toBe('0.0 ms');
    expect(formatMs(9_999)).toBe('9999.0 ms');
    expect(formatMs(12_500)).toBe('12.50 s');
    expect(formatMs(Number.POSITIVE_INFINITY)).toBe('?');
  });

  it('formats params in key order, clipping long values', () => {
    expect(formatParams({ profile: 'p1', id: 't0042' })).toBe('id=t0042 profile=p1');
    expect(formatParams({})).toBe('');
    expect(formatParams({ q: 'a'.repeat(30) })).toBe(`q=${'a'.repeat(23)}…`);
  });

  it('clips text with an ellipsis only when it is too long', () => {
    expect(clip('collections', 6)).toBe('colle…');
    expect(clip('home', 6)).toBe('home');
  });
});
