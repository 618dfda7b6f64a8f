import { describe, expect, it } from 'vitest';
import { encodeSceneBatch, type SceneOp } from '../../../../bridge/index.ts';
import { SceneOutbox } from '../../../../wasm-pages/runtime/scene-outbox.ts';
import { decodeOps } from './world-recorder.ts';

const batch = (ops: SceneOp[]) => ({ bytes: encodeSceneBatch(ops), ops });

describe('SceneOutbox', () => {
  it('is empty until something is pushed, and empty again after take', () => {
    const outbox = new SceneOutbox();
    expect(outbox.isEmpty).toBe(true);
    expect(outbox.take()).toBeNull();
    outbox.pushOps([{ op: 'remove', id: 5 }]);
    expect(outbox.isEmpty).toBe(false);
    expect(outbox.take()).not.toBeNull();
    expect(outbox.take()).toBeNull();
  });

  it('passes a single batch through untouched: the very bytes the page wrote', () => {
    const outbox = new SceneOutbox();
    const only = batch([{ op: 'create', id: 2, kind: 'view' }]);
    outbox.push(only);
    expect(outbox.take()).toBe(only.bytes);
  });

  it('merges several batches into one, in order', () => {
    const outbox = new SceneOutbox();
    outbox.push(batch([{ op: 'create', id: 2, kind: 'text' }]));
    outbox.push(batch([{ op: 'setProp', id: 2, name: 'text', value: 'hi' }]));
    outbox.pushOps([{ op: 'append', parent: 1, child: 2 }]);
    const merged = outbox.take();
    if (merged === null) throw new Error('expected a batch');
    expect(decodeOps(merged)).toEqual([
      { op: 'create', id: 2, kind: 'text' },
      { op: 'setProp', id: 2, name: 'text', value: 'hi' },
      { op: 'append', parent: 1, child: 2 },
    ]);
    expect(merged.byteOffset === 0 && merged.byteLength === merged.buffer.byteLength).toBe(true); // transferable as is
  });

  it('takes over another outbox in front of its own batches', () => {
    const leaving = new SceneOutbox();
    leaving.pushOps([{ op: 'remove', id: 1 }]);
    const next = new SceneOutbox();
    next.pushOps([{ op: 'create', id: 9, kind: 'view' }]);
    next.takeOver(leaving);
    expect(leaving.isEmpty).toBe(true);
    const merged = next.take();
    expect(merged === null ? [] : decodeOps(merged)).toEqual([
      { op: 'remove', id: 1 },
      { op: 'create', id: 9, kind: 'view' },
    ]);
  });
});
