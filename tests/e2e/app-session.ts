import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { type CspViolation, recordCspViolations } from './csp-violations.ts';
import { installScreenProbe } from './screen-probe.ts';

/**
 * Console messages that mean the watchdog judged a busy page dead: a restart, or the warning
 * before one. On a healthy journey any of them is a false positive ("slow is not dead").
 */
export const WATCHDOG_ALARM = /did not answer|restarting its worker|ran ".*" for more than/;

/**
 * Page errors that come from a third-party library, not from Ficus, each with where it is tracked.
 * They are kept apart (`knownErrors`) rather than failing a test, and reported by the soak.
 */
export const KNOWN_PAGE_ERRORS: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  {
    // msw's setupWorker().start() calls registration.update() without awaiting it; when Chromium
    // refuses the update (the registration is being replaced), the rejection is unhandled.
    pattern: /^TypeError: Failed to update a ServiceWorker for scope .*mockServiceWorker\.js/,
    why: 'msw calls registration.update() unawaited (github.com/mswjs/msw/issues/2006)',
  },
];

/** One browser context on the app, with the screen probe installed and everything it said recorded. */
export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions in the page (`pageerror`), {@link KNOWN_PAGE_ERRORS} aside. */
  readonly pageErrors: string[];
  /** Page errors that matched {@link KNOWN_PAGE_ERRORS}, with the reason. */
  readonly knownErrors: string[];
  /** `console.error` messages, and resources that failed to load, with the URL they came from. */
  readonly consoleErrors: { readonly text: string; readonly url: string }[];
  /** Console messages of any level matching {@link WATCHDOG_ALARM}. */
  readonly watchdogAlarms: string[];
  /** What the Content-Security-Policy refused, in the page or its worker (see csp-violations.ts). */
  readonly cspViolations: CspViolation[];
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
 * expect(session.cspViolations.map(describeCspViolation)).toEqual([]);
 */
export async function openAppSession(browser: Browser): Promise<AppSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await installScreenProbe(context);
  const page = await context.newPage();
  const cspViolations = await recordCspViolations(page);
  const pageErrors: string[] = [];
  const knownErrors: string[] = [];
  const consoleErrors: { text: string; url: string }[] = [];
  const watchdogAlarms: string[] = [];
  page.on('pageerror', (error) => {
    // Something thrown that is not an Error arrives with an empty message and stack: keep the name.
    const text = `${error.name}: ${error.message || '(no message)'}${error.stack ? ` | ${error.stack.split('\n').slice(1, 4).join(' | ')}` : ''}`;
    const known = KNOWN_PAGE_ERRORS.find((k) => k.pattern.test(text));
    if (known === undefined) pageErrors.push(text);
    else knownErrors.push(`${text.slice(0, 200)} (${known.why})`);
  });
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
    knownErrors,
    consoleErrors,
    watchdogAlarms,
    cspViolations,
    async cdp() {
      cdp ??= await context.newCDPSession(page);
      return cdp;
    },
    close: () => context.close(),
  };
}
