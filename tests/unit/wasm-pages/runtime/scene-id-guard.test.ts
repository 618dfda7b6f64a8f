import { describe, expect, it } from 'vitest';
import { PAGE_ID_SPAN, type SceneOp } from '../../../../bridge/index.ts';
import { PageIdAllocator } from '../../../../wasm-pages/runtime/page-ids.ts';
import { findForeignId } from '../../../../wasm-pages/runtime/scene-id-guard.ts';

const ids = { rootId: 100, firstId: 101 };
const last = 101 + PAGE_ID_SPAN - 1;

describe('findForeignId', () => {
  it('accepts ops on the page range, and the root as a parent', () => {
    const ops: SceneOp[] = [
      { op: 'create', id: 101, kind: 'view' },
      { op: 'create', id: last, kind: 'text' },
      { op: 'setProp', id: last, name: 'text', value: 'edge' },
      { op: 'append', parent: 101, child: last },
      { op: 'append', parent: 100, child: 101 },
      { op: 'insertBefore', parent: 100, child: 102, before: 101 },
      { op: 'remove', id: 102 },
    ];
    expect(findForeignId(ops, ids)).toBeNull();
  });

  it.each<[string, SceneOp, RegExp]>([
    [
      'below the range',
      { op: 'create', id: 7, kind: 'view' },
      /^op 1, create\(node 7, view\): node 7 is not the page's/,
    ],
    ['past the range', { op: 'setProp', id: last + 1, name: 'x', value: 1 }, /node \d+ is not the page's/],
    [
      'the world root',
      { op: 'append', parent: 0, child: 101 },
      /append\(parent 0, child 101\): node 0 is not the page's/,
    ],
    ['creating the root', { op: 'create', id: 100, kind: 'view' }, /node 100 is the page's root/],
    ['removing the root', { op: 'remove', id: 100 }, /remove\(node 100\): node 100 is the page's root/],
    ['moving the root', { op: 'append', parent: 101, child: 100 }, /node 100 is the page's root/],
    [
      'the root as a sibling',
      { op: 'insertBefore', parent: 101, child: 102, before: 100 },
      /node 100 is the page's root/,
    ],
  ])('refuses %s, naming the op', (_, op, message) => {
    expect(findForeignId([op], ids)).toMatch(message);
  });

  it('numbers the offending op within its batch', () => {
    const ops: SceneOp[] = [
      { op: 'create', id: 101, kind: 'view' },
      { op: 'remove', id: 100 },
    ];
    expect(findForeignId(ops, ids)).toMatch(/^op 2, remove\(node 100\)/);
  });
});

describe('PageIdAllocator', () => {
  it('starts where ABI.md shows and never overlaps a container with a page range', () => {
    const allocator = new PageIdAllocator();
    const first = allocator.allocate();
    const second = allocator.allocate();
    expect(first).toEqual({ rootId: 16_777_216, firstId: 16_777_217 });
    expect(second.rootId).toBeGreaterThan(first.firstId + PAGE_ID_SPAN - 1);
    expect(second.firstId).toBe(second.rootId + 1);
  });

  it('says so when too many pages are mounted at once for the u32 id space', () => {
    const allocator = new PageIdAllocator();
    let mounts = 0;
    expect(() => {
      for (;;) {
        allocator.allocate();
        mounts++;
      }
    }).toThrow(/used up its node ids .*start a new worker/);
    expect(mounts).toBeGreaterThan(200);
  });

  it('recycles released ranges, so mounting and unmounting can go on for ever', () => {
    const allocator = new PageIdAllocator();
    const first = allocator.allocate();
    for (let i = 0; i < 10_000; i++) allocator.release(allocator.allocate());
    const again = allocator.allocate();
    expect(again.rootId).toBeGreaterThan(first.rootId);
    expect(again.rootId).toBeLessThan(first.rootId + 3 * (PAGE_ID_SPAN + 1));
  });
});
