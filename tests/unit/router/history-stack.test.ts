import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HistoryEntry, HistorySyncSchema } from '../../../bridge/index.ts';
import {
  back,
  canGoBack,
  canGoForward,
  currentEntry,
  EMPTY_STACK,
  forward,
  goTo,
  type HistoryStack,
  indexOfKey,
  keyCounter,
  MAX_HISTORY_ENTRIES,
  newEntry,
  push,
  replace,
  resetToRoot,
  takeKey,
  toHistorySync,
  withFocusKey,
  withWorld,
} from '../../../router/index.ts';

const entry = (key: string, route = 'home'): HistoryEntry => ({
  key,
  route,
  params: {},
  world: 'legacy',
  focusKey: null,
});
const keysOf = (stack: HistoryStack) => stack.entries.map((e) => e.key);

describe('entry keys', () => {
  it('come from the injected counter, one after the other', () => {
    const [first, rest] = takeKey(keyCounter('k', 7));
    expect(first).toBe('k7');
    expect(takeKey(rest)[0]).toBe('k8');
  });

  it('newEntry gives a fresh entry with no saved focus and the next counter', () => {
    const made = newEntry(keyCounter(), { route: 'details', params: { id: 't1' }, world: 'wasm' });
    expect(made.entry).toEqual({
      key: 'e1',
      route: 'details',
      params: { id: 't1' },
      world: 'wasm',
      focusKey: null,
    });
    expect(made.keys).toEqual({ prefix: 'e', next: 2 });
  });
});

describe('history stack', () => {
  const [a, b, c, d] = [entry('a'), entry('b', 'details'), entry('c', 'search'), entry('d', 'playback')];
  const abc = push(push(resetToRoot(a), b), c);

  it('push opens an entry after the current one; on the empty stack it is the first', () => {
    expect(push(EMPTY_STACK, a)).toEqual({ entries: [a], index: 0 });
    expect(abc).toEqual({ entries: [a, b, c], index: 2 });
  });

  it('push drops the forward part', () => {
    const pushed = push(back(back(abc)), d);
    expect(keysOf(pushed)).toEqual(['a', 'd']);
    expect(pushed.index).toBe(1);
  });

  it('push past the limit forgets the oldest entries, so a history.sync stays within its contract', () => {
    expect(keysOf(push(abc, d, 3))).toEqual(['b', 'c', 'd']);
    expect(push(abc, d, 3).index).toBe(2);
    expect(keysOf(push(back(abc), d, 2))).toEqual(['b', 'd']);
    let stack = resetToRoot(a);
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 5; i += 1) stack = push(stack, entry(`k${i}`));
    expect(stack.entries).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(stack.index).toBe(MAX_HISTORY_ENTRIES - 1);
    expect(HistorySyncSchema.check(toHistorySync(stack, 0)).ok).toBe(true);
  });

  it('replace swaps the current entry and keeps the forward part, like replaceState', () => {
    const replaced = replace(back(abc), d);
    expect(keysOf(replaced)).toEqual(['a', 'd', 'c']);
    expect(replaced.index).toBe(1);
    expect(replace(EMPTY_STACK, a)).toEqual({ entries: [a], index: 0 });
  });

  it('back and forward move the index and keep the entries', () => {
    expect(back(abc)).toEqual({ entries: abc.entries, index: 1 });
    expect(forward(back(abc))).toEqual(abc);
    expect(canGoBack(abc)).toBe(true);
    expect(canGoForward(abc)).toBe(false);
    expect(canGoForward(back(abc))).toBe(true);
  });

  it('back at the root and forward at the end return the same stack (nothing to do)', () => {
    const root = resetToRoot(a);
    expect(back(root)).toBe(root);
    expect(forward(abc)).toBe(abc);
    expect(back(EMPTY_STACK)).toBe(EMPTY_STACK);
    expect(canGoForward(EMPTY_STACK)).toBe(false);
  });

  it('goTo jumps to an index found by key (browser back/forward over several entries)', () => {
    expect(goTo(abc, indexOfKey(abc, 'a'))).toEqual({ entries: abc.entries, index: 0 });
    expect(goTo(abc, 2)).toBe(abc);
    expect(indexOfKey(abc, 'zz')).toBe(-1);
    expect(() => goTo(abc, 3)).toThrow(/index 3 is outside the 3 entries/);
    expect(() => goTo(abc, -1)).toThrow(RangeError);
  });

  it('resetToRoot leaves one entry', () => {
    expect(resetToRoot(d)).toEqual({ entries: [d], index: 0 });
  });

  it('refuses a key that is already in the stack', () => {
    expect(() => push(abc, entry('b'))).toThrow(/key "b" is already in the stack/);
    expect(() => replace(abc, entry('a'))).toThrow(RangeError);
    // Replacing an entry by one with its own key is allowed (the same entry, served again).
    expect(keysOf(replace(abc, entry('c', 'other')))).toEqual(['a', 'b', 'c']);
  });

  it('withFocusKey and withWorld change one entry in a new stack and leave the old one alone', () => {
    const focused = withFocusKey(abc, 0, 'rail-1.tile-3');
    expect(focused.entries[0]?.focusKey).toBe('rail-1.tile-3');
    expect(abc.entries[0]?.focusKey).toBeNull();
    const moved = withWorld(abc, 1, 'wasm');
    expect(moved.entries.map((e) => e.world)).toEqual(['legacy', 'wasm', 'legacy']);
    expect(abc.entries[1]?.world).toBe('legacy');
    expect(() => withWorld(abc, 5, 'wasm')).toThrow(RangeError);
    expect(() => withFocusKey(EMPTY_STACK, 0, 'x')).toThrow(RangeError);
  });

  it('currentEntry is the entry at index, and nothing for the empty stack', () => {
    expect(currentEntry(back(abc))).toBe(b);
    expect(currentEntry(EMPTY_STACK)).toBeUndefined();
  });

  it('toHistorySync is a valid history.sync carrying the whole stack', () => {
    const sync = toHistorySync(back(abc), 4);
    expect(sync).toEqual({ type: 'history.sync', seq: 4, entries: abc.entries, index: 1 });
    expect(HistorySyncSchema.check(sync).ok).toBe(true);
    expect(() => toHistorySync(EMPTY_STACK, 0)).toThrow(/empty history stack/);
  });

  it('keeps index valid and keys unique under any sequence of operations (property)', () => {
    const op = fc.oneof(
      fc.constant('push' as const),
      fc.constant('replace' as const),
      fc.constant('back' as const),
      fc.constant('forward' as const),
      fc.constant('reset' as const),
      fc.nat(20).map((n) => ({ goTo: n })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let keys = keyCounter();
        let stack = EMPTY_STACK;
        for (const step of ops) {
          const made = newEntry(keys, { route: 'home', params: {}, world: 'legacy' });
          keys = made.keys;
          const before = stack;
          const beforeEntries = [...stack.entries];
          if (step === 'push') stack = push(stack, made.entry);
          else if (step === 'replace') stack = replace(stack, made.entry);
          else if (step === 'back') stack = back(stack);
          else if (step === 'forward') stack = forward(stack);
          else if (step === 'reset') stack = resetToRoot(made.entry);
          else if (step.goTo < stack.entries.length) stack = goTo(stack, step.goTo);
          // Immutable: the previous stack is untouched.
          expect(before.entries).toEqual(beforeEntries);
          if (stack.entries.length > 0) {
            expect(stack.index).toBeGreaterThanOrEqual(0);
            expect(stack.index).toBeLessThan(stack.entries.length);
          }
          expect(new Set(keysOf(stack)).size).toBe(stack.entries.length);
        }
      }),
    );
  });
});
