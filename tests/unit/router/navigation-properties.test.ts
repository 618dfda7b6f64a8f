import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistorySyncSchema, type WorldId } from '../../../bridge/index.ts';
import { createRouter, type Router } from '../../../router/index.ts';
import { FakePorts, pageId, settle } from './fake-ports.ts';

const ROUTES = ['home', 'details', 'search', 'playback'] as const;

type Step =
  | { readonly kind: 'navigate' | 'replace'; readonly route: string }
  | { readonly kind: 'back' | 'forward' | 'reset' | 'crashVisible' | 'crashPending' | 'settle' }
  | { readonly kind: 'popstate'; readonly pick: number }
  | { readonly kind: 'answer'; readonly pick: number; readonly fail: boolean; readonly settle: boolean };

const world = fc.constantFrom<WorldId>('legacy', 'wasm');
const kind = <K extends Step['kind']>(...kinds: K[]) => fc.record({ kind: fc.constantFrom(...kinds) });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('navigate' as const), route: fc.constantFrom(...ROUTES) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), route: fc.constantFrom(...ROUTES) }),
  },
  { weight: 4, arbitrary: kind('back', 'forward') },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('popstate' as const), pick: fc.nat(6) }) },
  { weight: 1, arbitrary: kind('reset') },
  { weight: 2, arbitrary: kind('crashVisible', 'crashPending') },
  { weight: 2, arbitrary: kind('settle') },
  // World answers (a load or a mount settling): more often than requests, mostly the newest call
  // but any of them, mostly successes, mostly let through at once (an answer not yet processed
  // when the next request arrives is a race worth having too).
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(5) }),
      fail: fc.nat(7).map((n) => n === 0),
      settle: fc.nat(4).map((n) => n !== 0),
    }),
  },
);

function apply(s: Step, router: Router, ports: FakePorts): Promise<void> | undefined {
  switch (s.kind) {
    case 'navigate':
      router.navigate(s.route, { id: s.route });
      return;
    case 'replace':
      router.replace(s.route, {});
      return;
    case 'back':
      router.back();
      return;
    case 'forward':
      router.forward();
      return;
    case 'reset':
      router.reset();
      return;
    case 'popstate':
      router.popstate(router.history().entries[s.pick]?.key ?? 'not-a-key');
      return;
    case 'crashVisible': {
      const [crashedWorld, key] = (ports.visible ?? '').split(':');
      if ((crashedWorld === 'legacy' || crashedWorld === 'wasm') && key !== undefined) {
        router.pageCrashed(crashedWorld, key, 'trap');
      }
      return;
    }
    case 'crashPending': {
      const mounting = ports.mounts.filter(
        (m) => !m.deferred.settled && ports.mounted.has(pageId(m.world, m.entry.key)),
      );
      const crashed = mounting.at(-1);
      if (crashed !== undefined) router.pageCrashed(crashed.world, crashed.entry.key, 'abort');
      return;
    }
    case 'answer': {
      const open = [...ports.loads, ...ports.mounts].filter((call) => !call.deferred.settled);
      const call = open[open.length - 1 - (s.pick % Math.max(open.length, 1))];
      if (call === undefined) return;
      if (s.fail) call.deferred.reject(new Error('the world said no'));
      else call.deferred.resolve();
      return s.settle ? settle() : undefined;
    }
    case 'settle':
      return settle();
  }
}

/** What must hold after every step, whatever the order of requests and answers. */
function checkInvariants(router: Router, ports: FakePorts): void {
  expect(ports.violations).toEqual([]);
  const { entries, index } = router.history();
  if (entries.length === 0) expect(index).toBe(-1);
  else {
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(entries.length);
  }
  expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);

  const syncs = ports.syncs();
  syncs.forEach((sync, i) => {
    expect(sync.seq).toBe(i); // strictly increasing, by one per commit
    expect(HistorySyncSchema.check(sync).ok).toBe(true);
  });
  // At most one page revealed and not unmounted; exactly one once something was committed.
  expect(ports.shown.size).toBeLessThanOrEqual(1);
  if (syncs.length > 0) expect(ports.shown.size).toBe(1);
  // The visible page, plus at most one page being mounted offscreen.
  expect(ports.mounted.size).toBeLessThanOrEqual(2);

  if (!router.isSwitching()) {
    const visible = router.visible();
    if (visible === undefined) {
      expect(ports.mounted.size).toBe(0);
    } else {
      expect(visible).toEqual(entries[index]);
      expect(ports.visible).toBe(pageId(visible.world, visible.key));
      expect([...ports.mounted]).toEqual([pageId(visible.world, visible.key)]);
      expect(syncs.at(-1)).toMatchObject({ entries, index });
    }
  }
}

describe('navigation under random input and random answer order (property)', () => {
  it('keeps one valid history and exactly one visible page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ home: world, details: world, search: world, playback: world }),
        fc.array(step, { minLength: 20, maxLength: 120 }),
        async (worlds, steps) => {
          const ports = new FakePorts();
          ports.autoLoad = false;
          ports.autoMount = false;
          ports.worldFor = (route) => (route in worlds ? worlds[route as keyof typeof worlds] : 'legacy');
          const router = createRouter(ports, { rootRoute: 'home' });
          void router.start();
          for (const [i, s] of steps.entries()) {
            ports.focusKey = `focus-${i}`;
            await apply(s, router, ports);
            checkInvariants(router, ports);
          }

          // Let every world answer until the router comes to rest.
          for (let round = 0; round < 20; round += 1) {
            await settle();
            const open = [...ports.loads, ...ports.mounts].filter((call) => !call.deferred.settled);
            if (open.length === 0 && !router.isSwitching()) break;
            for (const call of open) call.deferred.resolve();
          }
          await settle();
          expect(router.isSwitching()).toBe(false);
          checkInvariants(router, ports);
          const { entries, index } = router.history();
          if (router.failure() === null) expect(router.visible()).toEqual(entries[index]);
          router.stop();
        },
      ),
      { numRuns: 400 },
    );
  });
});
