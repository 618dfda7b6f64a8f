import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenState, screenshot, waitForScreen } from './browser.ts';
import { type CspViolation, describeCspViolation, recordCspViolations } from './csp-violations.ts';

let browser: Browser;
let page: Page;
const errors: string[] = [];
let cspViolations: CspViolation[] = [];
const appUrl = inject('appUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  errors.length = 0;
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  cspViolations = await recordCspViolations(page);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
});

/** After every step: one visible world showing the expected page, one focused node inside it. */
async function expectScreen(pageId: string, world: 'legacy' | 'wasm', focusKey: RegExp, shot: string) {
  await waitForScreen(page, pageId, focusKey);
  const state = await screenState(page);
  expect(state.visibleWorlds).toEqual([world]);
  expect(state.page).toBe(pageId);
  expect(state.focused).toHaveLength(1);
  expect(state.focusedInVisibleWorld).toBe(true);
  expect(new URL(page.url()).pathname).toBe(`/${pageId}`);
  await screenshot(page, shot);
}

describe('the viewer journey in a browser', () => {
  it('profiles → collections → details → playback → back → back, and the browser back button', async () => {
    await page.goto(appUrl);
    await expectScreen('profiles', 'wasm', /^profile:p1$/, 'profiles');

    await page.keyboard.press('Enter');
    await expectScreen('collections', 'wasm', /^tile:/, 'collections');
    expect(new URL(page.url()).searchParams.get('profile')).toBe('p1');
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(100);
    }
    const tileKey = (await screenState(page)).focused[0] ?? '';
    expect(tileKey).toMatch(/^tile:[^:]+:2$/);

    await page.keyboard.press('Enter');
    await expectScreen('details', 'legacy', /^details:play$/, 'details');
    const titleId = new URL(page.url()).searchParams.get('id');
    expect(titleId).toMatch(/^t\d+$/);

    await page.keyboard.press('Enter');
    await expectScreen('playback', 'legacy', /^playback:scrubber$/, 'playback');

    await page.keyboard.press('Escape');
    await expectScreen('details', 'legacy', /^details:play$/, 'details-after-back');
    await page.keyboard.press('Escape');
    // Focus comes back to the tile the viewer left, in the other world.
    await expectScreen('collections', 'wasm', new RegExp(`^${tileKey}$`), 'collections-after-back');

    await page.goBack();
    await expectScreen('profiles', 'wasm', /^profile:/, 'profiles-after-browser-back');
    expect(errors).toEqual([]);
    expect(cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
  });

  it('opens a deep link on its page with its params', async () => {
    await page.goto(`${appUrl.replace(/\/$/, '')}/details?id=t0042`);
    await expectScreen('details', 'legacy', /^details:play$/, 'deep-link-details');
    expect(await page.locator('[data-ficus-world="legacy"]').innerText()).toContain('Play');
    expect(errors).toEqual([]);
    expect(cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
  });

  it('serves a page from the other world when QA asks for it in the URL', async () => {
    await page.goto(`${appUrl.replace(/\/$/, '')}/profiles?world.profiles=legacy`);
    await expectScreen('profiles', 'legacy', /^profile:p1$/, 'profiles-forced-legacy');
    expect(errors).toEqual([]);
    expect(cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
  });
});
