import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { REFERENCE_PLAN } from '../../migration-plan/reference-plan.ts';
import { launchChromium, screenState, screenshot, waitForScreen } from './browser.ts';
import { type CspViolation, describeCspViolation, recordCspViolations } from './csp-violations.ts';

// Every page of Ficus TV served by its WASM port (`?world.<page>=wasm` for each page the plan
// has), walked as a viewer would in the built app: profiles, collections, details, playback
// (ticking, seek, pause), search (typing updates the results) and settings, where a save that the
// backend fails is rolled back and said, and the next save reaches the backend and is read back.

let browser: Browser;
let page: Page;
const errors: string[] = [];
let cspViolations: CspViolation[] = [];
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
  cspViolations = await recordCspViolations(page);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // The failed save is the backend's answer this test asks for; the browser logs the 500.
    if (message.type() === 'error' && !message.text().includes('500')) errors.push(message.text());
  });
});

const allInWasm = Object.keys(REFERENCE_PLAN.pages)
  .map((id) => `world.${id}=wasm`)
  .join('&');

/** The page shown, in the WASM world, with focus on a key matching `focusKey`. */
async function expectWasmScreen(pageId: string, focusKey: RegExp, shot: string): Promise<void> {
  await waitForScreen(page, pageId, focusKey);
  const state = await screenState(page);
  expect(state.visibleWorlds, `${pageId} is drawn by the WASM world`).toEqual(['wasm']);
  expect(state.focused).toHaveLength(1);
  expect(state.focusedInVisibleWorld).toBe(true);
  await screenshot(page, `every-page-wasm-${shot}`);
}

const wasmText = () => page.locator('[data-ficus-world="wasm"]').innerText();

/** Waits until the WASM world's text passes `test` (the page answers in its own time). */
async function waitForText(what: string, test: (text: string) => boolean): Promise<string> {
  const deadline = 30_000;
  const started = Date.now();
  for (;;) {
    const text = await wasmText();
    if (test(text)) return text;
    if (Date.now() - started > deadline)
      throw new Error(`timed out waiting for ${what}; the page says:\n${text}`);
    await page.waitForTimeout(100);
  }
}

async function press(key: string, focusKey: RegExp): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForFunction(
    (pattern) =>
      new RegExp(pattern).test(
        document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') ?? '',
      ),
    focusKey.source,
    { timeout: 30_000 },
  );
}

/** The playback position the progress bar shows, in seconds (its first `m:ss` or `h:mm:ss`). */
const position = (text: string): number => {
  const time = /(\d+:)?\d+:\d\d/.exec(text)?.[0] ?? '';
  return time.split(':').reduce((seconds, part) => seconds * 60 + Number(part), 0);
};

/** What the backend holds for the subtitles setting, read through the app's own backend (msw). */
const subtitlesInBackend = () =>
  page.evaluate(async () => {
    const answer = await fetch('/api/settings');
    const body = (await answer.json()) as { settings: { id: string; value: boolean }[] };
    return body.settings.find((setting) => setting.id === 'subtitles')?.value;
  });

describe('every page in the WASM world, in a browser', () => {
  it('walks all six pages with ?world.<page>=wasm, saving a setting and rolling back a failed save', async () => {
    expect(Object.keys(REFERENCE_PLAN.pages)).toHaveLength(6);
    // The first PUT to settings fails with 500 (the mock backend's ?fail= rule); later ones save.
    await page.goto(`${appUrl}/?${allInWasm}&fail=settings.PUT:500*1`);
    await expectWasmScreen('profiles', /^profile:p1$/, 'profiles');

    await page.keyboard.press('Enter');
    await expectWasmScreen('collections', /^tile:/, 'collections');

    await page.keyboard.press('Enter');
    await expectWasmScreen('details', /^details:play$/, 'details');
    expect(await wasmText()).toContain('Play');

    // Playback: it plays at once and ticks; right seeks +10 s; OK on the bar pauses.
    await page.keyboard.press('Enter');
    await expectWasmScreen('playback', /^playback:scrubber$/, 'playback');
    const started = position(await waitForText('the progress to tick', (text) => position(text) >= 1));
    await page.keyboard.press('ArrowRight');
    await waitForText('the seek', (text) => position(text) >= started + 10);
    await page.keyboard.press('Enter');
    await press('ArrowDown', /^playback:toggle$/);
    await waitForText('the player to pause', (text) => /\bPlay\b/.test(text) && !/\bPause\b/.test(text));

    await page.keyboard.press('Escape');
    await expectWasmScreen('details', /^details:play$/, 'details-after-back');
    await page.keyboard.press('Escape');
    await expectWasmScreen('collections', /^tile:/, 'collections-after-back');

    // Search: the on-screen keyboard, results updating as the query is typed.
    await press('ArrowUp', /^nav:search$/);
    await page.keyboard.press('Enter');
    await expectWasmScreen('search', /^key:a$/, 'search');
    for (const key of ['b', 'c', 'd']) await press('ArrowRight', new RegExp(`^key:${key}$`));
    await page.keyboard.press('Enter');
    await waitForText('results for "d"', (text) => text.includes('results for “d”'));
    await screenshot(page, 'every-page-wasm-search-typed');
    await page.keyboard.press('Escape');
    await expectWasmScreen('collections', /^nav:search$/, 'collections-after-search');

    // Settings: the first save fails and is rolled back, the second reaches the backend.
    await press('ArrowRight', /^nav:settings$/);
    await page.keyboard.press('Enter');
    await expectWasmScreen('settings', /^setting:subtitles$/, 'settings');
    const before = await subtitlesInBackend();
    expect(typeof before).toBe('boolean');
    const label = (on: boolean | undefined) => (on ? 'On' : 'Off');

    await page.keyboard.press('Enter');
    await waitForText('the failed save to be said', (text) =>
      text.includes(`Couldn't save “Subtitles”. It is ${label(before)} again; please try later.`),
    );
    await screenshot(page, 'every-page-wasm-settings-rolled-back');
    expect(await subtitlesInBackend()).toBe(before);

    await page.keyboard.press('Enter');
    await expect.poll(subtitlesInBackend, { timeout: 30_000 }).toBe(!before);
    await waitForText('the error to clear', (text) => !text.includes("Couldn't save"));

    // Read back: leave the page and open it again; the new page loads the saved value.
    await page.keyboard.press('Escape');
    await expectWasmScreen('collections', /^nav:settings$/, 'collections-after-settings');
    await page.keyboard.press('Enter');
    await expectWasmScreen('settings', /^setting:subtitles$/, 'settings-read-back');
    const reopened = await waitForText('the settings rows', (text) => text.includes('Subtitles'));
    const afterLabel = reopened.split('\n').map((line) => line.trim());
    expect(afterLabel[afterLabel.indexOf('Subtitles') + 1]).toBe(label(!before));

    expect(errors).toEqual([]);
    expect(cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
  });
});
