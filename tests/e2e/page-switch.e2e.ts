import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, waitForScreen } from './browser.ts';

// Issue 13, page switches fade: moving from collections to details cross-fades (the page arriving
// fades in over the page leaving, an opacity animation the painter starts on the page's container
// or on the world's root), in one world and across worlds; with prefers-reduced-motion the switch
// is instant. Fades are counted as the painter starts them (a MutationObserver reads
// document.getAnimations() right after each paint), so nothing here depends on catching a frame.

let browser: Browser;
let page: Page;
const errors: string[] = [];
const appUrl = inject('appUrl').replace(/\/$/, '');

interface TransitionLog {
  /** Page fades started: opacity 0 → 1 on a world root or a page container. */
  started: number;
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
    const log = { started: 0 };
    (window as { __transitions?: typeof log }).__transitions = log;
    const seen = new WeakSet<Animation>();
    const isPage = (target: Element | null) =>
      target !== null &&
      (target.hasAttribute('data-ficus-world') ||
        target.parentElement?.getAttribute('data-ficus-node') === '0');
    new MutationObserver(() => {
      for (const animation of document.getAnimations()) {
        if (seen.has(animation)) continue;
        seen.add(animation);
        const effect = animation.effect;
        if (!(effect instanceof KeyframeEffect) || !isPage(effect.target)) continue;
        const frames = effect.getKeyframes().map((frame) => frame['opacity']);
        if (frames[0] === '0' && frames.at(-1) === '1') log.started++;
      }
    }).observe(document, { attributes: true, attributeFilter: ['style'], subtree: true, childList: true });
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
  // The fade starts in the paint that shows the page arriving, which may come after its focus.
  if (fades)
    await p.waitForFunction(
      (started) => ((window as { __transitions?: TransitionLog }).__transitions?.started ?? 0) > started,
      before.started,
      { timeout: 30_000 },
    );
  const after = await transitions(p);
  return { started: after.started - before.started };
}

describe('page switches', () => {
  const cases = [
    ['in the WASM world', 'world.collections=wasm&world.details=wasm'],
    ['in the React world', 'world.collections=legacy&world.details=legacy'],
    ['from the WASM world to the React world', 'world.collections=wasm&world.details=legacy'],
  ] as const;
  for (const [where, query] of cases) {
    it(`cross-fade ${where}: the page arriving fades in once`, async () => {
      expect(await openDetails(page, query)).toEqual({ started: 1 });
      expect(errors).toEqual([]);
    });
  }

  it('are instant with prefers-reduced-motion: no fade at all', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const log = await openDetails(page, 'world.collections=wasm&world.details=wasm', false);
    expect(log.started).toBe(0);
    expect(errors).toEqual([]);
  });
});
