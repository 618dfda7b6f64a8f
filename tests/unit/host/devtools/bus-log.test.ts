import { describe, expect, it } from 'vitest';
import { BusLog, summarizeCrossing } from '../../../../host/devtools/bus-log.ts';
import type { BusCrossing } from '../../../../host/devtools/bus-tap.ts';

const call = (name: string, payload: unknown[], at = 1): BusCrossing => ({
  direction: 'to-worker',
  kind: 'call',
  name,
  payload,
  at,
});
const message = (payload: unknown, at = 1): BusCrossing => ({
  direction: 'from-worker',
  kind: 'message',
  name: 'message',
  payload,
  at,
});

describe('summaries of bus crossings', () => {
  it('names calls by what they carry', () => {
    const focus = { type: 'focus', world: 'wasm', nodeId: 7, focusKey: 'tile:r0:2' };
    expect(summarizeCrossing(call('event', ['e3', focus]))).toMatchObject({
      what: 'event',
      detail: 'e3 focus tile:r0:2',
    });
    const blur = { type: 'blur', world: 'wasm', nodeId: 6, focusKey: 'tile:r0:1' };
    expect(summarizeCrossing(call('events', ['e3', [blur, focus]]))).toMatchObject({
      what: 'events',
      detail: 'e3 blur,focus',
    });
    expect(
      summarizeCrossing(call('mount', ['e2', 'collections', { profile: 'p1' }, { hidden: true }])),
    ).toMatchObject({
      detail: 'e2 collections',
    });
    expect(summarizeCrossing(call('setVisible', ['e2', true])).detail).toBe('e2 true');
    expect(summarizeCrossing(call('load', ['collections', { kind: 'url' }])).detail).toBe('collections');
    expect(summarizeCrossing(call('frame', [16])).detail).toBe('');
  });

  it('names replies by their status and messages by type and page', () => {
    const reply: BusCrossing = {
      direction: 'from-worker',
      kind: 'reply',
      name: 'mount',
      payload: { status: 'mounted', rootId: 4 },
      at: 2,
    };
    expect(summarizeCrossing(reply)).toMatchObject({ what: 'reply to mount', detail: 'mounted' });
    expect(summarizeCrossing({ ...reply, name: 'load', payload: { ok: false, error: {} } }).detail).toBe(
      'failed',
    );
    const batch = message({
      type: 'scene.batch',
      page: 'collections',
      key: 'e2',
      bytes: new Uint8Array(1200),
    });
    const summary = summarizeCrossing(batch);
    expect(summary).toMatchObject({ direction: 'from-worker', what: 'scene.batch', detail: 'collections' });
    expect(summary.bytes).toBeGreaterThanOrEqual(1200);
    expect(
      summarizeCrossing(
        message({ type: 'data.request', page: 'collections', key: 'e2', requestId: 1, path: '/api/home' }),
      ).detail,
    ).toBe('collections /api/home');
    expect(
      summarizeCrossing(message({ type: 'navigate', page: 'profiles', route: 'collections' })).detail,
    ).toBe('profiles → collections');
  });

  it('summarizes a malformed message to less, never throws (the tap sees messages before they are checked)', () => {
    for (const junk of [null, 3, 'text', [], { type: 42 }, { page: {} }]) {
      expect(() => summarizeCrossing(message(junk))).not.toThrow();
    }
    expect(summarizeCrossing(message(null)).what).toBe('(no type)');
  });
});

describe('BusLog', () => {
  it('keeps the last crossings each way, newest first, and totals since it started', () => {
    const log = new BusLog(2);
    for (let i = 0; i < 5; i++) log.add(call('frame', [i], i));
    log.add(message({ type: 'scene.batch', page: 'profiles', bytes: new Uint8Array(100) }, 9));
    expect(log.last('to-worker').map((entry) => entry.at)).toEqual([4, 3]);
    expect(log.last('from-worker').map((entry) => entry.what)).toEqual(['scene.batch']);
    expect(log.totals('to-worker')).toEqual({ count: 5, bytes: 5 * 8 });
    expect(log.totals('from-worker').count).toBe(1);
  });
});
