// Found by the soak (seed 3, step 13: "burst Escape ArrowDown ArrowLeft Escape ArrowUp" on a
// deep-linked details page): a second Back while the first one is still loading a WASM page's
// module must not demote that page to React. The router drops the pending switch (unmounting its
// entry) and plans the same entry again, under the same key; the WASM world must mount it once.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAppSession } from './app-session.ts';
import { launchChromium } from './browser.ts';
import { describeCspViolation } from './csp-violations.ts';
import { readScreen, waitForRest, waitForScreenAtRest } from './screen-probe.ts';
import { describeStack, screenProblems } from './screen-rules.ts';

const appUrl = inject('appUrl').replace(/\/$/, '');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Back pressed again while a switch is loading', () => {
  it('Back, Back from a deep link: profiles still comes up in WASM, no fallback', async () => {
    const session = await openAppSession(browser);
    const warnings: string[] = [];
    session.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    try {
      // Hold the profiles module's download until both Backs are in, so the second one always
      // arrives while the first is loading it, however fast the machine.
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held = 0;
      await session.context.route(/\/wasm\/profiles\.[0-9a-f]+\.wasm$/, async (route) => {
        held += 1;
        await released;
        await route.continue();
      });
      await session.page.goto(`${appUrl}/details?id=t0429`);
      await waitForScreenAtRest(
        session.page,
        { page: 'details', world: 'legacy', focus: /^details:play$/ },
        60_000,
      );
      await session.page.keyboard.press('Escape');
      await session.page.keyboard.press('Escape');
      // A function, not a string: playwright evals a string predicate, which the app's CSP refuses.
      await session.page.waitForFunction(
        () => (window as unknown as { __ficus: { switching(): boolean } }).__ficus.switching(),
        undefined,
        { timeout: 60_000 },
      );
      release();
      await waitForRest(session.page, 60_000, 30);
      const screen = await readScreen(session.page);
      expect(held, 'the profiles module download was held').toBeGreaterThan(0);
      expect(screenProblems(screen, { atRest: true }), 'screen rules').toEqual([]);
      expect(
        warnings.filter((w) => /failed in the wasm world/.test(w)),
        'fallbacks',
      ).toEqual([]);
      const history = screen.router?.history;
      expect(history === undefined ? '' : describeStack(history)).toBe('[profiles(wasm)* details(legacy)]');
      expect(session.pageErrors).toEqual([]);
      expect(session.cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
    } finally {
      await session.close();
    }
  });
});
