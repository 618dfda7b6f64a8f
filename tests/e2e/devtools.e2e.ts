// The in-app devtools (host/devtools/) in the production build, in Chromium under the app's CSP:
// without ?devtools a start loads none of their code and the key does nothing; with it the overlay
// follows a walk profiles → collections → details (page, world, reason, history with worlds and
// focus keys, focus path, timings, bus traffic), never takes the viewer's focus, and the key
// toggles it. Also: ?inspect records the router's machine, and React DevTools' hook sees the
// React world.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppSession, openAppSession } from './app-session.ts';
import { launchChromium, screenState, screenshot } from './browser.ts';
import { describeCspViolation } from './csp-violations.ts';
import { waitForScreenAtRest } from './screen-probe.ts';

const appUrl = inject('appUrl').replace(/\/$/, '');
const ASSETS = fileURLToPath(new URL('../../dist/app/assets/', import.meta.url));
const AT_REST_MS = 60_000;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of one overlay row (`data-devtools-row`), or null when it is not there. */
function row(page: Page, name: string): Promise<string | null> {
  return page.evaluate((rowName) => {
    const element = document.querySelector(`[data-ficus-devtools] [data-devtools-row="${rowName}"]`);
    return element === null ? null : (element.textContent ?? '');
  }, name);
}

/** Waits until the overlay's row `name` matches `pattern` (the overlay redraws on change, ≤ 4/s). */
async function waitForRow(page: Page, name: string, pattern: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      ([rowName, source]) => {
        const element = document.querySelector(`[data-ficus-devtools] [data-devtools-row="${rowName}"]`);
        return new RegExp(source).test(element?.textContent ?? '');
      },
      [name, pattern.source] as const,
      { timeout: AT_REST_MS },
    );
  } catch (error) {
    throw new Error(
      `overlay row "${name}" never matched ${pattern}; it says ${await row(page, name)} (${error})`,
    );
  }
}

/** Every row of one overlay section, in order. */
function section(page: Page, id: string): Promise<string[]> {
  return page.evaluate(
    (sectionId) =>
      [
        ...document.querySelectorAll(
          `[data-ficus-devtools] [data-devtools-section="${sectionId}"] [data-devtools-row]`,
        ),
      ].map((element) => element.textContent ?? ''),
    id,
  );
}

function expectCleanSession(session: AppSession): void {
  expect(session.pageErrors, 'page errors').toEqual([]);
  expect(
    session.consoleErrors.map((e) => e.text),
    'console errors',
  ).toEqual([]);
  expect(session.cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
}

describe('the in-app devtools', () => {
  it('are a chunk of their own that a production start without ?devtools never loads', async () => {
    const chunks = readdirSync(ASSETS).filter((file) => /^devtools-.*\.js$/.test(file));
    expect(chunks).toHaveLength(1);
    const html = readFileSync(new URL('../../dist/app/index.html', import.meta.url), 'utf8');
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)?.[1];
    expect(entry, 'the entry script of index.html').toBeDefined();
    const main = readFileSync(`${ASSETS}${entry}`, 'utf8');
    const chunk = readFileSync(`${ASSETS}${chunks[0]}`, 'utf8');
    for (const marker of ['data-devtools-section', 'why this world', 'data-ficus-devtools']) {
      expect(chunk.includes(marker), `the devtools chunk has ${marker}`).toBe(true);
      expect(main.includes(marker), `the main bundle has ${marker}`).toBe(false);
    }
    expect(html, 'nothing of the devtools is preloaded').not.toContain('devtools');

    const session = await openAppSession(browser);
    try {
      const requests: string[] = [];
      session.page.on('request', (request) => requests.push(request.url()));
      await session.page.goto(appUrl);
      await waitForScreenAtRest(
        session.page,
        { page: 'profiles', world: 'wasm', focus: /^profile:p1$/ },
        AT_REST_MS,
      );
      await session.page.keyboard.press('Backquote'); // no listener in this start
      await session.page.keyboard.press('Enter');
      await waitForScreenAtRest(
        session.page,
        { page: 'collections', world: 'wasm', focus: /^tile:/ },
        AT_REST_MS,
      );
      expect(requests.filter((url) => /devtools|router-inspector/.test(url))).toEqual([]);
      expect(await session.page.locator('[data-ficus-devtools]').count()).toBe(0);
      expectCleanSession(session);
    } finally {
      await session.close();
    }
  });

  it('with ?devtools, follow profiles → collections → details: page, world, reason, history, focus, timings, bus', async () => {
    const session = await openAppSession(browser);
    const { page } = session;
    try {
      await page.goto(`${appUrl}/?devtools`);
      await waitForScreenAtRest(page, { page: 'profiles', world: 'wasm', focus: /^profile:p1$/ }, AT_REST_MS);
      await waitForRow(page, 'page', /^page: profiles devtools= \(e1\)$/);
      expect(await row(page, 'world')).toBe('world: wasm');
      expect(await row(page, 'reason')).toMatch(/^reason: rollout \(rollout: cohort \d+ < 100%\)$/);
      expect(await row(page, 'cohort')).toMatch(
        /^cohort: \d+ \(from localStorage\["ficus\.device"\] = [0-9a-f-]{36}\)$/,
      );
      expect(await row(page, 'breaker')).toBe('breaker: closed');
      await waitForRow(page, 'release', /ABI \d+/);

      await page.keyboard.press('Enter');
      await waitForScreenAtRest(page, { page: 'collections', world: 'wasm', focus: /^tile:/ }, AT_REST_MS);
      await waitForRow(page, 'page', /^page: collections profile=p1 \(e2\)$/);
      expect(await row(page, 'world')).toBe('world: wasm');
      expect(await row(page, 'reason')).toMatch(/^reason: rollout /);
      await page.keyboard.press('ArrowRight');
      await waitForScreenAtRest(
        page,
        { page: 'collections', world: 'wasm', focus: /^tile:[^:]+:1$/ },
        AT_REST_MS,
      );
      const tile = (await screenState(page)).focused[0] ?? '';
      await waitForRow(page, 'focused', new RegExp(`^focused: ${tile}$`));
      expect(await row(page, 'path')).toMatch(
        new RegExp(`^path: wasm: view#0 › .*\\[${tile}\\] at \\d+,\\d+ \\d+×\\d+$`),
      );
      await waitForRow(page, 'input-wasm', /^input wasm: last [\d.]+ ms .*\(\d+\)$/);
      await waitForRow(page, 'frame-wasm', /^frame wasm: last [\d.]+ ms .*\(\d+\)$/);
      // The key press went to the worker as an event, and the page's answer came back as a batch.
      await waitForRow(page, 'to-worker', /^→ worker: [1-9]\d* since open, /);
      const bus = await section(page, 'bus');
      expect(
        bus.some((line) => /^ {2}[\d.]+ s event(s)? e2 .* · \d+ B$/.test(line)),
        bus.join('\n'),
      ).toBe(true);
      expect(
        bus.some((line) => /^ {2}[\d.]+ s scene\.batch collections · [\d.]+ (B|KB)$/.test(line)),
        bus.join('\n'),
      ).toBe(true);

      await page.keyboard.press('Enter');
      await waitForScreenAtRest(
        page,
        { page: 'details', world: 'legacy', focus: /^details:play$/ },
        AT_REST_MS,
      );
      await waitForRow(page, 'page', /^page: details id=t\d+ \(e3\)$/);
      expect(await row(page, 'world')).toBe('world: legacy');
      expect(await row(page, 'reason')).toBe("reason: default (the plan's default world)");
      expect(await row(page, 'rollout')).toBe('rollout: WASM exists, React by default (not rolled out)');
      const history = await section(page, 'history');
      expect(history).toHaveLength(3);
      expect(history[0]).toBe('  0 e1 profiles devtools= · wasm · focus profile:p1');
      expect(history[1]).toBe(`  1 e2 collections profile=p1 · wasm · focus ${tile}`);
      expect(history[2]).toMatch(/^▶ 2 e3 details id=t\d+ · legacy · focus details:play$/);
      await waitForRow(page, 'input-legacy', /^input legacy: /);
      await screenshot(page, 'devtools-details');

      // Host UI, outside the worlds: not in the stage, no pointer target, the viewer's focus untouched.
      const placement = await page.evaluate(() => {
        const overlay = document.querySelector<HTMLElement>('[data-ficus-devtools]');
        return {
          inStage: overlay?.closest('#app') !== null,
          pointerEvents: overlay === null ? null : getComputedStyle(overlay).pointerEvents,
          focusables: overlay?.querySelectorAll('[tabindex], a, button, input').length ?? -1,
          activeInOverlay: overlay?.contains(document.activeElement) ?? false,
          ficusMarks: overlay?.querySelectorAll('[data-ficus-world], [data-ficus-focus-key]').length ?? -1,
        };
      });
      expect(placement).toEqual({
        inStage: false,
        pointerEvents: 'none',
        focusables: 0,
        activeInOverlay: false,
        ficusMarks: 0,
      });
      const screen = await screenState(page);
      expect(screen).toMatchObject({ visibleWorlds: ['legacy'], page: 'details', focused: ['details:play'] });

      // The key closes and opens it; keys still reach the page while it is open.
      await page.keyboard.press('Backquote');
      await page.waitForFunction(() => document.querySelector('[data-ficus-devtools][data-open]') === null);
      await page.keyboard.press('Backquote');
      await page.waitForFunction(() => document.querySelector('[data-ficus-devtools][data-open]') !== null);
      await page.keyboard.press('Escape');
      await waitForScreenAtRest(
        page,
        { page: 'collections', world: 'wasm', focus: new RegExp(`^${tile}$`) },
        AT_REST_MS,
      );
      await waitForRow(page, 'page', /^page: collections profile=p1 \(e2\)$/);
      expect((await section(page, 'history')).at(-1)).toMatch(/^› 2 e3 details /);
      expectCleanSession(session);
    } finally {
      await session.close();
    }
  });

  it('with ?inspect, record what the router machine does; React DevTools see the React world', async () => {
    const session = await openAppSession(browser);
    const { page } = session;
    try {
      // What the React DevTools extension installs before a page runs: the global hook.
      await session.context.addInitScript(`(() => {
        const renderers = [];
        let commits = 0;
        window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
          supportsFiber: true,
          renderers: new Map(),
          inject(renderer) { renderers.push(renderer); this.renderers.set(renderers.length, renderer); return renderers.length; },
          onCommitFiberRoot() { commits++; },
          onCommitFiberUnmount() {},
          onPostCommitFiberRoot() {},
          checkDCE() {},
        };
        window.__seenByReactDevtools = () => ({
          renderers: renderers.map((r) => ({ name: r.rendererPackageName, version: r.version })),
          commits,
        });
      })();`);
      await page.goto(`${appUrl}/?inspect`);
      await waitForScreenAtRest(page, { page: 'profiles', world: 'wasm', focus: /^profile:p1$/ }, AT_REST_MS);
      await page.keyboard.press('Enter');
      await waitForScreenAtRest(page, { page: 'collections', world: 'wasm', focus: /^tile:/ }, AT_REST_MS);
      const records = await page.evaluate(
        () =>
          (window as unknown as { __ficusInspect: { actor: string; kind: string; detail: string }[] })
            .__ficusInspect,
      );
      const events = records.filter((r) => r.actor === 'router' && r.kind === 'event').map((r) => r.detail);
      expect(events).toEqual(expect.arrayContaining(['RESET', 'NAVIGATE']));
      const states = records.filter((r) => r.actor === 'router' && r.kind === 'state').map((r) => r.detail);
      expect(states).toContain('"mountingOffscreen"');

      // The React world draws details: the hook has our renderer, and sees its commits.
      await page.keyboard.press('Enter');
      await waitForScreenAtRest(
        page,
        { page: 'details', world: 'legacy', focus: /^details:play$/ },
        AT_REST_MS,
      );
      const packageJson = JSON.parse(
        readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
      ) as {
        name: string;
        version: string;
      };
      const seen = await page.evaluate(() =>
        (
          window as unknown as { __seenByReactDevtools: () => { renderers: unknown[]; commits: number } }
        ).__seenByReactDevtools(),
      );
      expect(seen.renderers).toEqual([{ name: packageJson.name, version: packageJson.version }]);
      expect(seen.commits).toBeGreaterThan(0);
      expect(await page.locator('[data-ficus-devtools]').count(), '?inspect alone opens no overlay').toBe(0);
      expectCleanSession(session);
    } finally {
      await session.close();
    }
  });
});
