// The app's Content-Security-Policy (host/app/content-security-policy.ts) in the built app, served
// by the preview: every response carries it (the workers take theirs from their own script's
// response), the built index.html carries it as a <meta>, the browser enforces it, and the
// violation counter the other e2e tests rely on (csp-violations.ts) hears what it refuses, in the
// page and in a worker. Without that last part "no violation" would prove nothing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicy } from '../../host/app/content-security-policy.ts';
import { openAppSession } from './app-session.ts';
import { launchChromium } from './browser.ts';
import { type CspViolation, describeCspViolation, recordCspViolations } from './csp-violations.ts';
import { waitForScreenAtRest } from './screen-probe.ts';

const appUrl = inject('appUrl').replace(/\/$/, '');
const POLICY = contentSecurityPolicy();
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits (no time limit of its own: the test's timeout applies) until `violations` has one matching. */
async function violationMatching(
  violations: readonly CspViolation[],
  matches: (violation: CspViolation) => boolean,
): Promise<CspViolation> {
  for (;;) {
    const found = violations.find(matches);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the Content-Security-Policy of the built app', () => {
  it('is on every response of the preview, and in the built index.html before any script', async () => {
    const document = await fetch(`${appUrl}/collections?profile=p1`);
    expect(document.headers.get('content-security-policy')).toBe(POLICY);
    const html = await document.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(POLICY);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    expect(html, 'inline scripts').not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html, 'inline styles').not.toMatch(/<style|\sstyle=/);

    const session = await openAppSession(browser);
    try {
      await session.page.goto(appUrl);
      await waitForScreenAtRest(
        session.page,
        { page: 'profiles', world: 'wasm', focus: /^profile:p1$/ },
        60_000,
      );
      const workers = session.page.workers().map((worker) => worker.url());
      expect(workers.length, 'the WASM world runs in a worker').toBeGreaterThan(0);
      for (const url of [...workers, `${appUrl}/mockServiceWorker.js`, `${appUrl}/wasm/manifest.json`]) {
        expect((await fetch(url)).headers.get('content-security-policy'), url).toBe(POLICY);
      }
      expect(session.cspViolations.map(describeCspViolation)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('is enforced in the page, and every refusal is counted with its directive and URL', async () => {
    const session = await openAppSession(browser);
    try {
      await session.page.goto(appUrl);
      await waitForScreenAtRest(
        session.page,
        { page: 'profiles', world: 'wasm', focus: /^profile:p1$/ },
        60_000,
      );
      expect(session.cspViolations).toEqual([]);
      // The eval runs in a task of the page's own: code DevTools evaluates directly may eval.
      const evalRefused = await session.page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const image = document.createElement('img');
            image.src = 'http://csp-probe.invalid/poster.png';
            document.body.append(image);
            setTimeout(() => {
              try {
                // biome-ignore lint/security/noGlobalEval: the point is that the policy refuses it
                eval('1');
                resolve(false);
              } catch {
                resolve(true);
              }
            });
          }),
      );
      expect(evalRefused, 'eval is refused').toBe(true);
      const image = await violationMatching(session.cspViolations, (v) => v.directive === 'img-src');
      expect(image.blockedUri).toBe('http://csp-probe.invalid/poster.png');
      expect(image.disposition).toBe('enforce');
      const script = await violationMatching(session.cspViolations, (v) => v.directive === 'script-src');
      expect(script.blockedUri).toBe('eval');
    } finally {
      await session.close();
    }
  });

  it("is enforced in a worker, whose refusals are counted from the page's log", async () => {
    // msw's service worker would answer the worker script's request before the route below could,
    // and the app need not run here: only a document of the app's origin under the preview's policy.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const violations = await recordCspViolations(page);
      await page.route('**/csp-probe-worker.js', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          headers: { 'content-security-policy': POLICY },
          body: "fetch('https://csp-probe.invalid/from-worker').catch(() => {});",
        }),
      );
      await page.goto(appUrl);
      await page.evaluate(() => {
        new Worker('/csp-probe-worker.js');
      });
      const refused = await violationMatching(violations, (v) => v.directive === 'connect-src');
      expect(refused.blockedUri).toBe('https://csp-probe.invalid/from-worker');
      expect(refused.documentUrl).toMatch(/^\(worker\) /);
    } finally {
      await context.close();
    }
  });
});
