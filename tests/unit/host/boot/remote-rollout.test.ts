import { describe, expect, it } from 'vitest';
import { RemoteRollout, ROLLOUT_CACHE_KEY } from '../../../../host/boot/remote-rollout.ts';
import { legacyPage, planOf, wasmPage } from '../../migration-plan/plan-fixtures.ts';

const plan = planOf([wasmPage('home'), legacyPage('classic')]);

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}
const answering =
  (body: unknown, status = 200): typeof fetch =>
  async () =>
    Response.json(body, { status });

describe('RemoteRollout', () => {
  it("applies the backend's kill switch and keeps it for a start without the backend", async () => {
    const storage = memoryStorage();
    const warnings: string[] = [];
    const rollout = new RemoteRollout({
      plan,
      fetch: answering({ pages: { home: { killSwitch: true } } }),
      apiBase: 'http://tv.test',
      storage,
      warn: (m) => warnings.push(m),
    });
    expect(rollout.source()).toBe('plan');
    await rollout.refresh();
    expect(rollout.source()).toBe('backend');
    expect([...(rollout.current()?.killed ?? [])]).toEqual(['home']);
    const offline = new RemoteRollout({
      plan,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      apiBase: '',
      storage,
      warn: (m) => warnings.push(m),
    });
    expect(offline.source()).toBe('cache');
    expect([...(offline.current()?.killed ?? [])]).toEqual(['home']);
    await offline.refresh();
    expect(offline.source()).toBe('cache');
    expect(warnings).toEqual([
      'the rollout from /api/rollout could not be read (Failed to fetch); keeping the last one',
    ]);
  });

  it.each([
    [
      'malformed',
      { pages: { home: { wasmPercent: 'ten' } } },
      200,
      'is malformed at .pages.home.wasmPercent',
    ],
    ['an error status', { error: { code: 'x', message: 'x' } }, 503, 'the backend answered 503'],
  ])(
    'keeps the last sound rollout when the answer is %s, and says why',
    async (_what, body, status, said) => {
      const storage = memoryStorage({
        [ROLLOUT_CACHE_KEY]: JSON.stringify({ pages: { home: { killSwitch: true } } }),
      });
      const warnings: string[] = [];
      const rollout = new RemoteRollout({
        plan,
        fetch: answering(body, status),
        apiBase: '',
        storage,
        warn: (m) => warnings.push(m),
      });
      await rollout.refresh();
      expect(rollout.source()).toBe('cache');
      expect([...(rollout.current()?.killed ?? [])]).toEqual(['home']);
      expect(warnings.join('\n')).toContain(said);
      expect(storage.items.get(ROLLOUT_CACHE_KEY)).toContain('killSwitch');
    },
  );

  it('ignores a cached rollout that is not sound (hand-edited storage)', () => {
    const storage = memoryStorage({ [ROLLOUT_CACHE_KEY]: '{"pages": 3' });
    expect(
      new RemoteRollout({
        plan,
        fetch: answering({ pages: {} }),
        apiBase: '',
        storage,
        warn: () => undefined,
      }).current(),
    ).toBeUndefined();
  });
});
