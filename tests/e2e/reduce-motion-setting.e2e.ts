import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { REFERENCE_PLAN } from '../../migration-plan/reference-plan.ts';
import { launchChromium, waitForScreen } from './browser.ts';

// Issue 13, reduced motion from the app's own setting: in each world, the viewer moves along a
// rail (animations run), opens Settings, switches on "Reduce motion" (saved to the mock backend),
// goes Back, and moves again: no animation starts any more, and focus still lands. Animations are
// counted as the painter starts them (a MutationObserver on styles reads document.getAnimations()
// right after each paint), so a slow machine cannot make one pass unseen.

let browser: Browser;
let page: Page;
const errors: string[] = [];
const appUrl = inject('appUrl').replace(/\/$/, '');

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
    const seen = new WeakSet<Animation>();
    const state = { count: 0 };
    (window as { __animationsSeen?: typeof state }).__animationsSeen = state;
    new MutationObserver(() => {
      for (const animation of document.getAnimations())
        if (!seen.has(animation)) {
          seen.add(animation);
          state.count++;
        }
    }).observe(document, { attributes: true, attributeFilter: ['style'], subtree: true, childList: true });
  });
});

const inWorld = (world: 'legacy' | 'wasm'): string =>
  Object.keys(REFERENCE_PLAN.pages)
    .map((id) => `world.${id}=${world}`)
    .join('&');

const animationsSeen = (p: Page): Promise<number> =>
  p.evaluate(() => (window as { __animationsSeen?: { count: number } }).__animationsSeen?.count ?? -1);

const focusedKey = (p: Page): Promise<string> =>
  p.evaluate(
    () => document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') ?? '',
  );

/** Presses `key` until the focused key matches `target` (at most `limit` presses). */
async function pressUntil(p: Page, key: string, target: RegExp, limit = 10): Promise<void> {
  for (let i = 0; i < limit && !target.test(await focusedKey(p)); i++) {
    const before = await focusedKey(p);
    await p.keyboard.press(key);
    await p.waitForFunction(
      (was) =>
        (document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') ?? '') !== was,
      before,
      { timeout: 30_000 },
    );
  }
  expect(await focusedKey(p)).toMatch(target);
}

describe('the Reduce motion setting', () => {
  for (const world of ['legacy', 'wasm'] as const) {
    it(`turns animations off in the ${world} world once saved, and focus still lands`, async () => {
      await page.goto(`${appUrl}/collections?profile=p1&${inWorld(world)}`);
      await waitForScreen(page, 'collections', /^tile:/);
      const start = await focusedKey(page);
      const atStart = await animationsSeen(page);
      await pressUntil(page, 'ArrowRight', /^tile:/, 1);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (was) => document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') !== was,
        start,
        { timeout: 30_000 },
      );
      expect(await animationsSeen(page), 'animations while motion is on').toBeGreaterThan(atStart);

      await pressUntil(page, 'ArrowUp', /^nav:/);
      await pressUntil(page, 'ArrowRight', /^nav:settings$/);
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'settings', /^setting:/);
      await pressUntil(page, 'ArrowDown', /^setting:reduce-motion$/);
      const saved = page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/settings/reduce-motion') && response.request().method() === 'PUT',
        { timeout: 30_000 },
      );
      await page.keyboard.press('Enter');
      expect((await saved).ok()).toBe(true);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'collections', /^nav:settings$/);

      const before = await animationsSeen(page);
      await pressUntil(page, 'ArrowDown', /^tile:/);
      const tile = await focusedKey(page);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (was) => document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') !== was,
        tile,
        { timeout: 30_000 },
      );
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.getAnimations().length === 0, null, { timeout: 30_000 });
      expect(await animationsSeen(page), 'animations started with Reduce motion on').toBe(before);
      // Everything stands where the scene says: the rail strip's shown translate is its target.
      const strips = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-ficus-node]')]
          .filter((e) => e.style.translate !== '')
          .map((e) => [getComputedStyle(e).translate, e.style.translate]),
      );
      // Computed values drop a trailing zero y: "-300px 0px" is shown as "-300px".
      const short = (value = '') => value.replace(/ 0px$/, '');
      for (const [shown, target] of strips) expect(short(shown)).toBe(short(target));
      expect(errors).toEqual([]);
    });
  }
});
