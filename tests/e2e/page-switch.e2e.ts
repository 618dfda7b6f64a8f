import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, waitForScreen } from './browser.ts';

// Issue 13, page switches fade: moving from collections to details cross-fades with Chromium's
// View Transitions (the painter starts one as the page arriving is painted), in one world and
// across worlds; with prefers-reduced-motion the switch is instant. Each transition the app starts
// is counted when the browser says its animation is ready (or that it skipped it), so nothing
// here depends on catching a frame.

let browser: Browser;
let page: Page;
const errors: string[] = [];
const appUrl = inject('appUrl').replace(/\/$/, '');

interface TransitionLog {
  started: number;
  animated: number;
  skipped: number;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  errors.length = 0;
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    const log = { started: 0, animated: 0, skipped: 0 };
    (window as { __transitions?: typeof log }).__transitions = log;
    const start = document.startViewTransition?.bind(document);
    if (start === undefined) return;
    document.startViewTransition = ((update: () => void) => {
      log.started++;
      const transition = start(update);
      transition.ready.then(
        () => log.animated++,
        () => log.skipped++,
      );
      return transition;
    }) as typeof document.startViewTransition;
  });
});

const transitions = (p: Page): Promise<TransitionLog> =>
  p.evaluate(
    () =>
      (window as { __transitions?: TransitionLog }).__transitions ?? { started: -1, animated: 0, skipped: 0 },
  );

async function openDetails(p: Page, query: string, fades = true): Promise<TransitionLog> {
  await p.goto(`${appUrl}/collections?profile=p1&${query}`);
  await waitForScreen(p, 'collections', /^tile:/);
  const before = await transitions(p);
  await p.keyboard.press('Enter');
  await waitForScreen(p, 'details', /^details:play$/);
  // The transition the switch started has settled: its animation began, or the browser skipped it.
  if (fades)
    await p.waitForFunction(
      (started) => {
        const log = (window as { __transitions?: TransitionLog }).__transitions;
        return log !== undefined && log.started > started && log.animated + log.skipped >= log.started;
      },
      before.started,
      { timeout: 30_000 },
    );
  const after = await transitions(p);
  return {
    started: after.started - before.started,
    animated: after.animated - before.animated,
    skipped: after.skipped - before.skipped,
  };
}

describe('page switches', () => {
  const cases = [
    ['in the WASM world', 'world.collections=wasm&world.details=wasm'],
    ['in the React world', 'world.collections=legacy&world.details=legacy'],
    ['from the WASM world to the React world', 'world.collections=wasm&world.details=legacy'],
  ] as const;
  for (const [where, query] of cases) {
    it(`cross-fade ${where}: one view transition, animated`, async () => {
      expect(await openDetails(page, query)).toEqual({ started: 1, animated: 1, skipped: 0 });
      expect(errors).toEqual([]);
    });
  }

  it('are instant with prefers-reduced-motion: no transition at all', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const log = await openDetails(page, 'world.collections=wasm&world.details=wasm', false);
    expect(log.started).toBe(0);
    expect(errors).toEqual([]);
  });
});
