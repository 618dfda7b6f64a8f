import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevtools, type Devtools } from '../../host/devtools/devtools.ts';
import { findPage, REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { setupMockBackend } from '../support/backend-harness.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { type RunningApp, startApp } from './app-host-harness.ts';

// The devtools over the whole app (both worlds, the WASM one in a real worker thread): what the
// overlay shows after each step of a journey, that it updates on change at most four times a
// second, and that closed it holds no timer. The overlay's clock is fake; the app runs for real.

setupMockBackend();
let app: RunningApp | undefined;
let devtools: Devtools | undefined;
afterEach(async () => {
  devtools?.dispose();
  await app?.stop();
  app = undefined;
});

function overlayText(doc: Document, section: string): string[] {
  const block = doc.querySelector(`[data-devtools-section="${section}"]`);
  return [...(block?.querySelectorAll('[data-devtools-row]') ?? [])].map((row) => row.textContent ?? '');
}
const row = (doc: Document, name: string) => doc.querySelector(`[data-devtools-row="${name}"]`)?.textContent;

describe('the devtools over a running app', () => {
  it('show the page, its world and why, and the history with worlds and focus keys, updating on change', async () => {
    app = await startApp();
    await app.settled('profiles');
    const clock = new FakeClock();
    const doc = new Window().document as unknown as Document;
    devtools = createDevtools(
      {
        host: app.host,
        pageOf: (route) => findPage(REFERENCE_PLAN, route),
        device: { storageKey: 'ficus.device', id: 'test-device' },
      },
      { document: doc, timer: clock },
    );

    // Closed: not in the document, and a navigation arms no timer of its own.
    app.host.input({ kind: 'select' });
    await app.settled('collections');
    expect(doc.querySelector('[data-ficus-devtools]')).toBeNull();
    expect(clock.armed).toBe(0);

    devtools.open();
    expect(doc.querySelector('[data-ficus-devtools][data-open]')).not.toBeNull();
    expect(row(doc, 'page')).toBe('page: collections profile=p1 (e2)');
    expect(row(doc, 'world')).toBe('world: wasm');
    expect(row(doc, 'reason')).toBe('reason: rollout (rollout: cohort 0 < 100%)');
    expect(row(doc, 'cohort')).toBe('cohort: 0 (from localStorage["ficus.device"] = test-device)');
    expect(row(doc, 'breaker')).toBe('breaker: closed');
    expect(overlayText(doc, 'history')).toEqual([
      '  0 e1 profiles · wasm · focus profile:p1',
      `▶ 1 e2 collections profile=p1 · wasm · focus ${app.focusedKey()}`,
    ]);
    expect(row(doc, 'focused')).toBe(`focused: ${app.focusedKey()}`);
    expect(row(doc, 'path')).toMatch(new RegExp(`^path: wasm: view#0 › .*\\[${app.focusedKey()}\\] at `));

    // A burst of changes (the switch to details) is drawn once, after the interval.
    const tile = app.focusedKey();
    app.host.input({ kind: 'select' });
    await app.settled('details');
    expect(clock.pending).toBe(1);
    expect(row(doc, 'page')).toBe('page: collections profile=p1 (e2)'); // not yet redrawn
    await clock.advance(250);
    expect(clock.pending).toBe(0);
    expect(row(doc, 'page')).toMatch(/^page: details id=t\d+ \(e3\)$/);
    expect(row(doc, 'world')).toBe('world: legacy');
    expect(row(doc, 'reason')).toBe("reason: default (the plan's default world)");
    expect(row(doc, 'rollout')).toBe('rollout: WASM exists, React by default (not rolled out)');
    const history = overlayText(doc, 'history');
    expect(history.slice(0, 2)).toEqual([
      '  0 e1 profiles · wasm · focus profile:p1',
      `  1 e2 collections profile=p1 · wasm · focus ${tile}`,
    ]);
    expect(history[2]).toMatch(/^▶ 2 e3 details id=t\d+ · legacy · focus details:play$/);

    // Closed again: changes arm nothing.
    devtools.close();
    const armed = clock.armed;
    app.host.input({ kind: 'back' });
    await app.settled('collections again');
    expect(clock.armed).toBe(armed);
    expect(doc.querySelector('[data-ficus-devtools][data-open]')).toBeNull();
  });
});
