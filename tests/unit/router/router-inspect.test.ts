import { describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { createRouter } from '../../../router/index.ts';
import { FakePorts, settle } from './fake-ports.ts';

describe("the router's inspect option (XState's inspection API)", () => {
  it('sees every event the navigation machine gets and the states it passes through', async () => {
    const seen: InspectionEvent[] = [];
    const router = createRouter(new FakePorts(), { rootRoute: 'home', inspect: (event) => seen.push(event) });
    await router.start();
    router.navigate('details', { id: 't1' });
    await settle();

    const events = seen.flatMap((e) => (e.type === '@xstate.event' ? [e.event.type] : []));
    expect(events).toContain('RESET');
    expect(events).toContain('NAVIGATE');
    const states = seen.flatMap((e) => (e.type === '@xstate.snapshot' ? [JSON.stringify(e.snapshot)] : []));
    expect(states.some((s) => s.includes('mountingOffscreen'))).toBe(true);
    expect(router.history().entries.map((entry) => entry.route)).toEqual(['home', 'details']);
    router.stop();
  });
});
