import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReleaseIndexSchema } from '../../bridge/index.ts';
import { MOCK_CHANNEL_KEY } from '../../host/mock-backend/release-channel.ts';
import { BAD_RELEASES_KEY, KNOWN_GOOD_KEY } from '../../host/releases/release-cache.ts';
import { launchChromium, screenState, screenshot, waitForScreen } from './browser.ts';

// Releases over the air and the backend's kill switch, in the built app in Chromium, each on a
// fresh device (a new browser context: empty storage, caches and cohort). The mock backend keeps
// what mock-admin calls set in the device's localStorage, so it outlives the reload that makes
// "the next visit".

const appUrl = inject('appUrl').replace(/\/$/, '');
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

async function freshDevice(): Promise<void> {
  errors.length = 0;
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
}

/** The newest release `npm run build:wasm` wrote (the one the channel serves by default). */
function latestRelease(): string {
  const index = ReleaseIndexSchema.check(
    JSON.parse(readFileSync(new URL('../../dist/app/wasm/releases/index.json', import.meta.url), 'utf8')),
  );
  if (!index.ok) throw new Error('dist/app/wasm/releases/index.json is malformed: run npm run build');
  return index.value.latest;
}

const admin = (path: string, body: unknown) =>
  page.evaluate(
    async ([url, json]) =>
      (
        await fetch(url, {
          method: 'PUT',
          body: JSON.stringify(json),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    [path, body] as const,
  );
const appState = () =>
  page.evaluate(() => {
    const app = (
      globalThis as {
        __ficus?: { release(): string | null; rollout(): { source: string; killed: string[] } };
      }
    ).__ficus;
    return { release: app?.release() ?? null, rollout: app?.rollout() ?? null };
  });
const stored = (key: string) => page.evaluate((name) => localStorage.getItem(name), key);

async function expectWorld(pageId: string, world: 'legacy' | 'wasm', focusKey: RegExp): Promise<void> {
  await waitForScreen(page, pageId, focusKey);
  expect((await screenState(page)).visibleWorlds, `${pageId} served by ${world}`).toEqual([world]);
}

describe('releases over the air', () => {
  it('a device keeps its last known-good release when the channel moves to one with a broken module', async () => {
    await freshDevice();
    const good = latestRelease();
    await page.goto(`${appUrl}/`);
    await expectWorld('profiles', 'wasm', /^profile:/);
    await expect.poll(async () => (await appState()).release, { timeout: 30_000 }).toBe(good);
    // The first WASM page that mounted made the release known-good on this device.
    await expect.poll(() => stored(KNOWN_GOOD_KEY), { timeout: 30_000 }).toContain(good);

    expect(await admin('/mock/releases/channel', { serve: 'tampered' })).toBe(200);
    await page.reload();
    await expectWorld('profiles', 'wasm', /^profile:/);
    await screenshot(page, 'release-fallback-known-good');
    expect((await appState()).release).toBe(good);
    const bad = JSON.parse((await stored(BAD_RELEASES_KEY)) ?? '[]') as string[];
    expect(bad).toHaveLength(1);
    expect(bad[0]).not.toBe(good);
    expect(errors).toEqual([]);
  });

  it('a device with no known-good release serves the page from React when the release is broken', async () => {
    await freshDevice();
    // The channel serves the broken release before this device's first start.
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      MOCK_CHANNEL_KEY,
      JSON.stringify({ kind: 'tampered' }),
    ] as const);
    await page.goto(`${appUrl}/profiles?world.collections=legacy`);
    await expectWorld('profiles', 'legacy', /^profile:/);
    expect(await stored(KNOWN_GOOD_KEY)).toBeNull();
    // The app kept working: the next page still opens.
    await page.keyboard.press('Enter');
    await expectWorld('collections', 'legacy', /^tile:/);
    expect(errors).toEqual([]);
  });
});

describe('rollout from the backend', () => {
  it('the kill switch sends the next visit of a WASM page to React, without a rebuild', async () => {
    await freshDevice();
    await page.goto(`${appUrl}/`);
    await expectWorld('profiles', 'wasm', /^profile:p1$/);
    await page.keyboard.press('Enter');
    await expectWorld('collections', 'wasm', /^tile:/);

    expect(await admin('/mock/rollout', { pages: { collections: { killSwitch: true } } })).toBe(200);
    await page.goto(`${appUrl}/`);
    await expectWorld('profiles', 'wasm', /^profile:p1$/);
    await expect
      .poll(async () => (await appState()).rollout, { timeout: 30_000 })
      .toEqual({ source: 'backend', killed: ['collections'] });
    await page.keyboard.press('Enter');
    await expectWorld('collections', 'legacy', /^tile:/);
    await screenshot(page, 'kill-switch-collections-in-react');

    // Lifted again: the next visit is WASM again; the device's cohort never changed.
    expect(await admin('/mock/rollout', { pages: {} })).toBe(200);
    await page.goto(`${appUrl}/`);
    await expect.poll(async () => (await appState()).rollout?.killed, { timeout: 30_000 }).toEqual([]);
    await expectWorld('profiles', 'wasm', /^profile:p1$/);
    await page.keyboard.press('Enter');
    await expectWorld('collections', 'wasm', /^tile:/);
    expect(errors).toEqual([]);
  });
});
