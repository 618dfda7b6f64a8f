import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { installScreenProbe } from './screen-probe.ts';

/**
 * Console messages that mean the watchdog judged a busy page dead: a restart, or the warning
 * before one. On a healthy journey any of them is a false positive ("slow is not dead").
 */
export const WATCHDOG_ALARM = /did not answer|restarting its worker|ran ".*" for more than/;

/** One browser context on the app, with the screen probe installed and everything it said recorded. */
export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions in the page (`pageerror`). */
  readonly pageErrors: string[];
  /** `console.error` messages, and resources that failed to load, with the URL they came from. */
  readonly consoleErrors: { readonly text: string; readonly url: string }[];
  /** Console messages of any level matching {@link WATCHDOG_ALARM}. */
  readonly watchdogAlarms: string[];
  cdp(): Promise<CDPSession>;
  close(): Promise<void>;
}

/**
 * Opens a fresh context (its own storage and service worker) and page on `browser`, 1280×720.
 *
 * @example
 * const session = await openAppSession(browser);
 * await session.page.goto(appUrl);
 * expect(session.pageErrors).toEqual([]);
 */
export async function openAppSession(browser: Browser): Promise<AppSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await installScreenProbe(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: { text: string; url: string }[] = [];
  const watchdogAlarms: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)));
  page.on('console', (message) => {
    const text = message.text();
    if (WATCHDOG_ALARM.test(text)) watchdogAlarms.push(`${message.type()}: ${text}`);
    if (message.type() === 'error') consoleErrors.push({ text, url: message.location().url });
  });
  let cdp: CDPSession | undefined;
  return {
    context,
    page,
    pageErrors,
    consoleErrors,
    watchdogAlarms,
    async cdp() {
      cdp ??= await context.newCDPSession(page);
      return cdp;
    },
    close: () => context.close(),
  };
}
