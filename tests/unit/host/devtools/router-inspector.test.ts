import { describe, expect, it } from 'vitest';
import { createRouterInspector, type InspectionRecord } from '../../../../host/devtools/router-inspector.ts';
import { createRouter } from '../../../../router/index.ts';
import { FakePorts, settle } from '../../router/fake-ports.ts';

describe('the router inspector (?inspect)', () => {
  it("records the navigation machine's events, states and actions as short lines, and logs each", async () => {
    const records: InspectionRecord[] = [];
    const lines: string[] = [];
    let time = 0;
    const inspect = createRouterInspector({ records, log: (line) => lines.push(line), now: () => ++time });
    const router = createRouter(new FakePorts(), { rootRoute: 'home', inspect });
    await router.start();
    router.navigate('details', { id: 't1' });
    await settle();
    router.stop();

    const routerEvents = records
      .filter((r) => r.actor === 'router' && r.kind === 'event')
      .map((r) => r.detail);
    expect(routerEvents).toContain('RESET');
    expect(routerEvents).toContain('NAVIGATE');
    const states = records.filter((r) => r.actor === 'router' && r.kind === 'state').map((r) => r.detail);
    expect(states).toContain('"mountingOffscreen"');
    expect(states.at(-1)).toBe('"idle"');
    expect(records.some((r) => r.kind === 'actor' && r.actor === 'router')).toBe(true);
    // Times in order, one line per record.
    expect(records.map((r) => r.at)).toEqual([...records.map((r) => r.at)].sort((a, b) => a - b));
    expect(lines).toHaveLength(records.length);
    expect(lines).toContain('[router router] event NAVIGATE');
  });

  it('keeps only the most recent records', async () => {
    const records: InspectionRecord[] = [];
    const router = createRouter(new FakePorts(), {
      rootRoute: 'home',
      inspect: createRouterInspector({ records, keep: 5 }),
    });
    await router.start();
    router.navigate('details', {});
    await settle();
    router.stop();
    expect(records).toHaveLength(5);
    expect(records.at(-1)).toMatchObject({ actor: 'router', kind: 'state', detail: '"idle"' });
  });
});
