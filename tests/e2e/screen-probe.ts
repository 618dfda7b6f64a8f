// What a browser test can see of the app: the observable hooks of ARCHITECTURE.md
// (data-ficus-world, data-ficus-page, data-ficus-focus-key, data-ficus-focused) read by the
// in-page probe (screen-probe.js), plus the read-only `window.__ficus` view the browser boot
// exposes (the router's history and the React world's copy of it).
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { HistoryEntry } from '../../bridge/index.ts';

const PROBE = readFileSync(new URL('./screen-probe.js', import.meta.url), 'utf8');

/** A history stack as the router and the React world's copy hold it. */
export interface StackView {
  readonly entries: readonly HistoryEntry[];
  readonly index: number;
}

/** The screen and the app's navigation state at one moment. */
export interface ScreenSnapshot {
  /** Every world root: which world, which page it has mounted, whether it is visible. */
  readonly worlds: readonly {
    readonly world: string;
    readonly page: string | null;
    readonly visible: boolean;
  }[];
  /** The nodes marked `data-ficus-focused`. */
  readonly focused: readonly {
    readonly key: string | null;
    /** Inside a visible world root. */
    readonly inVisibleWorld: boolean;
    /** Not hidden by its own page (a page mounted offscreen is `display: none`). */
    readonly rendered: boolean;
  }[];
  readonly url: { readonly path: string; readonly params: Readonly<Record<string, string>> };
  /** Null before the app booted (or in a build without the `__ficus` view). */
  readonly router: { readonly switching: boolean; readonly history: StackView } | null;
  readonly legacyCopy: (StackView & { readonly seq: number }) | null;
  /** What the per-frame watch saw go wrong since the last snapshot (then forgotten). */
  readonly frameProblems: readonly string[];
  /** Frames the watch has checked since the document started. */
  readonly framesWatched: number;
}

// The probe's calls that the waits below make in the page. The waits are functions, not strings:
// playwright evaluates a string predicate with eval, which the app's Content-Security-Policy
// (no 'unsafe-eval') refuses.
interface ProbeWindow {
  readonly __ficusProbe?: {
    atRest(quietFrames: number): boolean;
    shows(world: string, page: string, focusPattern: string): boolean;
  };
}

/**
 * Installs the probe before the app's own scripts in every document of `context`: it counts
 * backend requests in flight and DOM mutations, and checks after every rendered frame that at
 * most one world is visible and at most one node focused, inside it (see screen-probe.js).
 *
 * @example
 * const context = await browser.newContext();
 * await installScreenProbe(context);
 * const page = await context.newPage();
 */
export async function installScreenProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE });
}

/**
 * Waits until the app is at rest: booted with a page shown, the router not switching, no backend
 * request in flight, and no DOM change for `quietFrames` animation frames in a row. Throws
 * playwright's TimeoutError after `timeoutMs`: keep it generous, frames come slowly on a loaded
 * machine (nothing here times them).
 *
 * @example
 * await page.keyboard.press('Enter');
 * await waitForRest(page, 60_000);
 */
export async function waitForRest(page: Page, timeoutMs: number, quietFrames = 4): Promise<void> {
  await page.waitForFunction(
    (quiet) => (window as unknown as ProbeWindow).__ficusProbe?.atRest(quiet) === true,
    quietFrames,
    { polling: 'raf', timeout: timeoutMs },
  );
}

/** Reads a {@link ScreenSnapshot}; the per-frame problems it returns are forgotten in the page. */
export async function readScreen(page: Page): Promise<ScreenSnapshot> {
  const snapshot = (await page.evaluate('window.__ficusProbe?.read() ?? null')) as ScreenSnapshot | null;
  if (snapshot === null) throw new Error(`no screen probe in ${page.url()}: call installScreenProbe first`);
  return snapshot;
}

/** A screen a test waits for: the page, the world serving it, the focused node's key. */
export interface ExpectedScreen {
  readonly page: string;
  readonly world: 'legacy' | 'wasm';
  readonly focus: RegExp;
}

/**
 * Waits until the app is at rest showing `expected` (see {@link waitForRest}). On timeout, throws
 * an error that says what was expected and what is on screen instead, rather than a bare timeout.
 *
 * @example
 * await page.keyboard.press('Escape');
 * await waitForScreenAtRest(page, { page: 'collections', world: 'wasm', focus: /^tile:r1:2$/ }, 60_000);
 */
export async function waitForScreenAtRest(
  page: Page,
  expected: ExpectedScreen,
  timeoutMs: number,
): Promise<void> {
  try {
    await page.waitForFunction(
      ([world, pageId, focus]) => {
        const probe = (window as unknown as ProbeWindow).__ficusProbe;
        return probe?.atRest(4) === true && probe.shows(world, pageId, focus);
      },
      [expected.world, expected.page, expected.focus.source] as const,
      { polling: 'raf', timeout: timeoutMs },
    );
  } catch (error) {
    const want = `${expected.world}:${expected.page} focused on ${expected.focus}`;
    let seen = '(could not read the screen)';
    try {
      const screen = (await page.evaluate(
        `(() => { const p = window.__ficusProbe; if (p === undefined) return null; const s = p.read(); p.problems.unshift(...s.frameProblems); return s; })()`,
      )) as ScreenSnapshot | null;
      if (screen !== null) seen = describeScreen(screen);
    } catch {
      // the page is gone; the original error says why
    }
    throw new Error(`waited ${timeoutMs} ms for ${want} at rest; on screen: ${seen} (${String(error)})`);
  }
}

/** One line: the visible world and page, the focused keys, the URL. */
export function describeScreen(screen: ScreenSnapshot): string {
  const shown =
    screen.worlds
      .filter((w) => w.visible)
      .map((w) => `${w.world}:${w.page ?? '(no page)'}`)
      .join(', ') || 'no visible world';
  const focused = screen.focused.map((f) => f.key ?? '(no key)').join(', ') || 'nothing';
  const search = new URLSearchParams(screen.url.params).toString();
  return `${shown}, focused ${focused}, URL ${screen.url.path}${search === '' ? '' : `?${search}`}${
    screen.router?.switching === true ? ', router switching' : ''
  }`;
}
