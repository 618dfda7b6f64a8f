import { expect } from 'vitest';
import { HistorySyncSchema } from '../../../bridge/index.ts';
import { createRouter, type PageRef, type Router } from '../../../router/index.ts';
import { FakePorts, pageId } from './fake-ports.ts';

export interface Harness {
  readonly router: Router;
  readonly ports: FakePorts;
}

/** A router on fake ports, its first navigation (to `home`, or `initial`) sent but maybe not done. */
export function startingRouter(
  setup: (ports: FakePorts) => void = () => {},
  initial?: PageRef,
): Harness & { readonly started: Promise<void> } {
  const ports = new FakePorts();
  setup(ports);
  const router = createRouter(ports, { rootRoute: 'home', ...(initial === undefined ? {} : { initial }) });
  return { router, ports, started: router.start() };
}

/** A router on fake ports, started at `home` (or `initial`) and at rest. */
export async function startedRouter(
  setup: (ports: FakePorts) => void = () => {},
  initial?: PageRef,
): Promise<Harness> {
  const { router, ports, started } = startingRouter(setup, initial);
  await started;
  return { router, ports };
}

/** Routes of the committed history, the current one marked with `*`. */
export function routes(router: Router): string[] {
  const { entries, index } = router.history();
  return entries.map((entry, i) => (i === index ? `${entry.route}*` : entry.route));
}

/**
 * At rest, exactly one page is on screen: the committed current entry, in the world the history
 * records, and it is the only page still mounted. Every history.sync so far was valid, numbered
 * 0, 1, 2, ... and the last one carries the committed history.
 */
export function expectSettledScreen({ router, ports }: Harness): void {
  expect(router.isSwitching()).toBe(false);
  expect(ports.violations).toEqual([]);
  const current = router.history().entries[router.history().index];
  if (current === undefined) throw new Error('nothing committed');
  expect(router.visible()).toEqual(current);
  expect(ports.visible).toBe(pageId(current.world, current.key));
  expect([...ports.mounted]).toEqual([pageId(current.world, current.key)]);
  const syncs = ports.syncs();
  syncs.forEach((sync, i) => {
    expect(HistorySyncSchema.check(sync).ok).toBe(true);
    expect(sync.seq).toBe(i);
  });
  expect(syncs.at(-1)).toEqual({ type: 'history.sync', seq: syncs.length - 1, ...router.history() });
}
