// Proof under load (issue 14, item 8): the viewer journey on a weak, busy device keeps its WASM
// pages in WASM, gets focus back on Back, and raises no page error and no watchdog alarm. Run
// twice: at 6× main-thread CPU throttling (CDP; the worker is not throttled, so this favours the
// WASM world), then with the machine oversubscribed (two CPU burners per core) and every process
// and thread of the browser pinned to core 0 (main thread and worker share that core). Every wait
// is for a condition, with a generous budget per step; nothing here measures time.
// FICUS_E2E_VERBOSE=1 prints each step as it arrives (to see where a slow run spends its time).
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { REFERENCE_PLAN } from '../../migration-plan/index.ts';
import { type AppSession, openAppSession } from './app-session.ts';
import { launchChromium } from './browser.ts';
import { pinProcessTree, processTree, startCpuBurners, unpinnedThreads } from './cpu-load.ts';
import { describeCspViolation } from './csp-violations.ts';
import { type ExpectedScreen, readScreen, waitForRest, waitForScreenAtRest } from './screen-probe.ts';
import { describeStack, screenProblems } from './screen-rules.ts';

const appUrl = inject('appUrl').replace(/\/$/, '');
/** Per step: a journey step on one shared core can take long; only a step that never arrives fails. */
const STEP_MS = 60_000;
const JOURNEY_MS = 15 * 60_000;
/** The pages the plan serves from WASM by default: they must stay there. */
const WASM_PAGES = Object.values(REFERENCE_PLAN.pages)
  .filter((page) => page.defaultWorld === 'wasm')
  .map((page) => page.route);
const worldOf = (page: string) => (WASM_PAGES.includes(page) ? 'wasm' : 'legacy');

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

/** Waits for `page` at rest in its world with focus matching, then checks every screen rule. */
async function arrive(session: AppSession, page: string, focus: RegExp, step: string): Promise<string> {
  const expected: ExpectedScreen = { page, world: worldOf(page), focus };
  try {
    await waitForScreenAtRest(session.page, expected, STEP_MS);
  } catch (error) {
    throw new Error(`${step}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const screen = await readScreen(session.page);
  if (process.env['FICUS_E2E_VERBOSE'] !== undefined) console.log(`${new Date().toISOString()} ${step}`);
  expect(screenProblems(screen, { atRest: true }), step).toEqual([]);
  expect(session.watchdogAlarms, step).toEqual([]);
  expect(session.cspViolations.map(describeCspViolation), `${step}: CSP violations`).toEqual([]);
  return screen.focused[0]?.key ?? '';
}

/** Presses `key` and waits until focus has moved off `from` (arrows move focus without a round trip). */
async function move(session: AppSession, key: string, from: string, page: string): Promise<string> {
  await session.page.keyboard.press(key);
  const other = new RegExp(`^(?!${escapeRegExp(from)}$)`);
  return arrive(session, page, other, `${key} from ${from}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (key: string) => new RegExp(`^${escapeRegExp(key)}$`);

/**
 * profiles → collections → (moves) → details → Back → browser back → deep link and its Back →
 * collections again → rapid Enter/Back presses without waiting → Back to profiles.
 */
async function viewerJourney(session: AppSession, afterBoot: () => Promise<void> = async () => {}) {
  const { page } = session;
  await page.goto(appUrl);
  await afterBoot();
  await arrive(session, 'profiles', /^profile:p1$/, 'open the app');

  await page.keyboard.press('Enter');
  let tile = await arrive(session, 'collections', /^tile:/, 'Enter on profile:p1');
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown'])
    tile = await move(session, key, tile, 'collections');

  await page.keyboard.press('Enter');
  await arrive(session, 'details', /^details:play$/, `Enter on ${tile}`);
  await page.keyboard.press('Escape');
  await arrive(session, 'collections', exactly(tile), 'Back from details: focus back on the tile');

  await page.goBack();
  await arrive(
    session,
    'profiles',
    /^profile:p1$/,
    'browser back from collections: focus back on the profile',
  );
  expect(new URL(page.url()).pathname).toBe('/profiles');

  await page.goto(`${appUrl}/details?id=t0164`);
  await arrive(session, 'details', /^details:play$/, 'deep link /details?id=t0164');
  expect(new URL(page.url()).searchParams.get('id')).toBe('t0164');
  await page.keyboard.press('Escape');
  await arrive(session, 'profiles', /^profile:/, 'Back from the deep link lands on its parent');

  await page.keyboard.press('Enter');
  tile = await arrive(session, 'collections', /^tile:/, 'Enter on a profile after the deep link');
  tile = await move(session, 'ArrowRight', tile, 'collections');
  const before = (await readScreen(page)).router?.history;
  const profilesKey = before?.entries[0]?.key;
  const collectionsKey = before?.entries[before.index]?.key;

  // Rapid Enter/Back: keys pressed as fast as the browser takes them, none waited for.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  }
  // A long quiet stretch, so an answer still on its way from the worker has landed.
  await waitForRest(page, STEP_MS, 30);
  const settled = await readScreen(page);
  expect(screenProblems(settled, { atRest: true }), 'at rest after rapid Enter/Back').toEqual([]);
  const shown = settled.worlds.find((w) => w.visible);
  const current = settled.router?.history.entries[settled.router.history.index];
  expect(shown?.world, `world of ${shown?.page} after rapid Enter/Back`).toBe(worldOf(shown?.page ?? ''));
  // Back into an entry the viewer left puts focus where it was.
  if (current?.key === collectionsKey)
    expect(settled.focused[0]?.key, 'focus back on collections').toBe(tile);
  if (current?.key === profilesKey)
    expect(settled.focused[0]?.key, 'focus back on profiles').toBe('profile:p1');

  for (let i = 0; i < 4 && (await readScreen(page)).worlds.find((w) => w.visible)?.page !== 'profiles'; i++) {
    await page.keyboard.press('Escape');
    await waitForRest(page, STEP_MS, 30);
  }
  await arrive(session, 'profiles', /^profile:p1$/, 'Back to profiles after the rapid presses');

  const history = (await readScreen(page)).router?.history;
  const demoted = history?.entries.filter((e) => WASM_PAGES.includes(e.route) && e.world !== 'wasm') ?? [];
  expect(demoted, `entries of WASM pages served by React: ${history ? describeStack(history) : ''}`).toEqual(
    [],
  );
  expect(session.pageErrors).toEqual([]);
  expect(session.consoleErrors).toEqual([]);
  expect(session.watchdogAlarms).toEqual([]);
  expect(session.cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
}

/** The browser processes this test process started: the topmost `chromium` of each tree. */
function browserRoots(): number[] {
  const comm = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return '';
    }
  };
  const parent = (pid: number) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ...": comm may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return 0;
    }
  };
  return processTree(process.pid).filter(
    (pid) => comm(pid) === 'chromium' && comm(parent(pid)) !== 'chromium',
  );
}

describe('the viewer journey under load', () => {
  it(
    'at 6× main-thread CPU throttling: WASM pages stay in WASM, focus comes back on Back, no error',
    async () => {
      browser = await launchChromium();
      const session = await openAppSession(browser);
      try {
        await (await session.cdp()).send('Emulation.setCPUThrottlingRate', { rate: 6 });
        await viewerJourney(session);
      } finally {
        await session.close();
        await browser.close();
        browser = undefined;
      }
    },
    JOURNEY_MS,
  );

  it(
    'oversubscribed, the whole browser on one core: WASM pages stay in WASM, focus comes back on Back, no error',
    async () => {
      const burners = startCpuBurners();
      let repin: ReturnType<typeof setInterval> | undefined;
      try {
        browser = await launchChromium();
        const roots = browserRoots().filter((pid) => !burners.pids.includes(pid));
        expect(roots, 'the browser process of this test').toHaveLength(1);
        const root = roots[0] ?? 0;
        await pinProcessTree(root, 0);
        // Renderers, the GPU process and the worker's threads start later: pin them as they come.
        let pinning = false;
        repin = setInterval(() => {
          if (pinning) return;
          pinning = true;
          void pinProcessTree(root, 0).finally(() => {
            pinning = false;
          });
        }, 500);
        const session = await openAppSession(browser);
        try {
          await viewerJourney(session, async () => {
            await pinProcessTree(root, 0);
          });
          await pinProcessTree(root, 0);
          expect(unpinnedThreads(root, 0), 'threads of the browser allowed off core 0').toEqual([]);
        } finally {
          await session.close();
        }
      } finally {
        clearInterval(repin);
        await browser?.close();
        browser = undefined;
        await burners.stop();
      }
    },
    JOURNEY_MS,
  );
});
