import type { Browser } from 'playwright-core';
import { type AppSession, openAppSession } from '../e2e/app-session.ts';
import { describeCspViolation } from '../e2e/csp-violations.ts';
import { describeScreen, readScreen, type ScreenSnapshot, waitForRest } from '../e2e/screen-probe.ts';
import { screenProblems } from '../e2e/screen-rules.ts';
import { chooseAction, describeAction, performAction } from './actions.ts';
import { seededRandom } from './random.ts';

/** One step that broke a rule. */
export interface Violation {
  readonly seed: number;
  /** 1-based. */
  readonly step: number;
  readonly action: string;
  readonly problems: readonly string[];
  /** The screen when the problem was seen. */
  readonly screen: string;
  /** The actions before this one, oldest first: enough to see how the app got there. */
  readonly before: readonly string[];
}

export interface WalkResult {
  readonly seed: number;
  readonly steps: number;
  readonly violations: readonly Violation[];
  /** Third-party page errors seen (KNOWN_PAGE_ERRORS): reported, not counted as violations. */
  readonly knownErrors: readonly string[];
}

export interface WalkOptions {
  readonly seed: number;
  readonly steps: number;
  /** Called after every step (progress, --verbose). */
  readonly onStep?: (step: number, action: string, problems: readonly string[], screen: string) => void;
}

/** How long the app may take to come to rest after one action, on a slow, busy machine. */
const REST_MS = 60_000;
/** A second, longer quiet stretch before a problem seen at rest is called a violation. */
const CONFIRM_QUIET_FRAMES = 30;
const TRAIL = 8;

/**
 * Console errors a fault makes on purpose: the browser logs a failed backend request (/api/) itself.
 * Anything else logged as an error (a crash, an unreadable batch, a refused scene) is a violation.
 */
const EXPECTED_CONSOLE_ERROR = /^Failed to load resource\b/;

/**
 * One seeded random walk through the app in a fresh browser context. After every action it
 * checks what must always hold (one visible world at most, at most one focused node and inside
 * it, including every rendered frame in between), waits until the app is at rest and checks the
 * rest (one visible world, one focused node, the page and params the URL names, the router's
 * current entry on screen, the React world's history copy equal to the router's), plus page
 * errors, console errors and watchdog alarms. A problem seen at rest is checked again after a
 * longer quiet stretch, so only a state the app stays in counts.
 *
 * @example
 * const result = await walk(browser, 'http://127.0.0.1:4173/', { seed: 1, steps: 300 });
 * console.log(`${result.steps} steps, ${result.violations.length} violations`);
 */
export async function walk(browser: Browser, appUrl: string, options: WalkOptions): Promise<WalkResult> {
  const random = seededRandom(options.seed);
  const violations: Violation[] = [];
  const trail: string[] = [];
  const knownErrors: string[] = [];
  let session = await openAppSession(browser);
  let crashed = false;
  const watchCrash = (s: AppSession) =>
    s.page.on('crash', () => {
      crashed = true;
    });
  watchCrash(session);
  const origin = new URL(appUrl).origin;
  try {
    await session.page.goto(appUrl, { waitUntil: 'commit', timeout: REST_MS });
    for (let step = 1; step <= options.steps; step++) {
      const action = chooseAction(random);
      const label = describeAction(action);
      const problems: string[] = [];
      let screen: ScreenSnapshot | undefined;
      try {
        await performAction(session.page, appUrl, action, REST_MS);
        // Back from the first entry leaves the app (about:blank): open it again; not the app's doing.
        if (!session.page.url().startsWith(origin)) {
          await session.page.goto(appUrl, { waitUntil: 'commit', timeout: REST_MS });
        }
        screen = await readScreen(session.page);
        problems.push(...screenProblems(screen, { atRest: false }));
        screen = await settle(session, problems);
      } catch (error) {
        problems.push(`the step failed: ${firstLine(error)}`);
        if (crashed) {
          crashed = false;
          knownErrors.push(...session.knownErrors.splice(0).map((e) => `step ${step}: ${e}`));
          problems.push('the page crashed: opened a new one');
          await session.close().catch(() => undefined);
          session = await openAppSession(browser);
          watchCrash(session);
          await session.page.goto(appUrl, { waitUntil: 'commit', timeout: REST_MS }).catch(() => undefined);
        }
      }
      problems.push(...drainMessages(session));
      knownErrors.push(...session.knownErrors.splice(0).map((error) => `step ${step}: ${error}`));
      if (problems.length > 0) {
        violations.push({
          seed: options.seed,
          step,
          action: label,
          problems,
          screen: screen === undefined ? '(not read)' : describeScreen(screen),
          before: [...trail],
        });
      }
      trail.push(label);
      if (trail.length > TRAIL) trail.shift();
      options.onStep?.(step, label, problems, screen === undefined ? '(not read)' : describeScreen(screen));
    }
  } finally {
    await session.close().catch(() => undefined);
  }
  return { seed: options.seed, steps: options.steps, violations, knownErrors };
}

/**
 * Waits for rest and checks the at-rest rules; a problem there is checked again after a longer
 * quiet stretch and kept only if it is still there (the per-frame watch's findings always count).
 */
async function settle(session: AppSession, problems: string[]): Promise<ScreenSnapshot> {
  try {
    await waitForRest(session.page, REST_MS);
  } catch {
    const screen = await readScreen(session.page);
    problems.push(...screen.frameProblems, `did not come to rest within ${REST_MS / 1000} s`);
    return screen;
  }
  let screen = await readScreen(session.page);
  const first = screenProblems(screen, { atRest: true });
  if (first.length === 0) return screen;
  problems.push(...screen.frameProblems);
  await waitForRest(session.page, REST_MS, CONFIRM_QUIET_FRAMES).catch(() => undefined);
  screen = await readScreen(session.page);
  problems.push(...screenProblems(screen, { atRest: true }));
  return screen;
}

/** Page errors, unexpected console errors and watchdog alarms since the last step (then forgotten). */
function drainMessages(session: AppSession): string[] {
  const problems = [
    ...session.pageErrors.splice(0).map((error) => `page error: ${firstLine(error)}`),
    ...session.consoleErrors
      .splice(0)
      .filter((message) => !(EXPECTED_CONSOLE_ERROR.test(message.text) && message.url.includes('/api/')))
      .map((message) => `console error: ${message.text.slice(0, 300)}`),
    ...session.watchdogAlarms
      .splice(0)
      .map((alarm) => `watchdog alarm on a healthy page: ${alarm.slice(0, 300)}`),
    ...session.cspViolations
      .splice(0)
      .map((violation) => `Content-Security-Policy refused: ${describeCspViolation(violation)}`),
  ];
  return problems;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
