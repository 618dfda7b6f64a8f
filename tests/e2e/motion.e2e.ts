// Animated props in a real browser (the painter's Web Animations on translate, scale, opacity):
// on collections, in both worlds, a held arrow key along a rail and then down across rails. While
// the key is held the page must show animations (a rail strip gliding in x, the rail stack in y,
// the focused tile growing); once released and every animation is over, everything must stand on
// its target: each animated element's computed translate/scale/opacity is what its inline style
// (the painter's target) says, the focused tile lies inside the windows that clip it, and the
// focus ring box surrounds it. With prefers-reduced-motion, no animation may start at all and
// things still land. Every wait is for a condition; nothing here measures time.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppSession, openAppSession } from './app-session.ts';
import { launchChromium } from './browser.ts';
import { describeCspViolation } from './csp-violations.ts';
import { waitForRest, waitForScreenAtRest } from './screen-probe.ts';

const appUrl = inject('appUrl').replace(/\/$/, '');
/** Per awaited condition: generous, a loaded machine is slow; only a condition that never holds fails. */
const STEP_MS = 60_000;
const TEST_MS = 5 * 60_000;
/** Between two keydowns of a held key (a TV remote repeats about 30 times a second); nothing measures it. */
const REPEAT_GAP_MS = 33;
const MAX_REPEATS = 600;
/** How far a hold takes focus: along the rail past the tiles shown at first, down two rails. */
const ALONG = 6;
const ACROSS = 2;

type World = 'wasm' | 'legacy';
const WORLDS: readonly World[] = ['wasm', 'legacy'];
const collectionsUrl = (world: World) =>
  `${appUrl}/collections?profile=p1${world === 'legacy' ? '&world.collections=legacy' : ''}`;

/** What the in-page motion recorder saw (see {@link installMotionRecorder}). */
interface MotionLog {
  /** Distinct animations seen (any state), with what each animates. */
  readonly animations: number;
  /** Distinct animations seen running while an arrow key was held down (before its keyup). */
  readonly runningWhileHeld: number;
  /** What the animations seen moved: 'x' / 'y' (translate), 'scale', 'opacity', 'ring', other property names. */
  readonly channels: Readonly<Record<string, number>>;
  readonly keyHeld: boolean;
}

interface RecorderWindow {
  __ficusMotion?: { read(): MotionLog; reset(): void };
}

/**
 * Installed before the app's scripts: a MutationObserver on inline styles, whose callback runs as
 * a microtask right after the task in which the painter changed a style (and started the
 * animation that shows the way there), reads `document.getAnimations()`. So an animation is seen
 * however slow the machine is: no sampling on a clock.
 */
function installMotionRecorder(): void {
  const win = window as unknown as RecorderWindow & Record<string, unknown>;
  if (win.__ficusMotion !== undefined) return;
  const seen = new WeakSet<Animation>();
  const seenHeld = new WeakSet<Animation>();
  let log = { animations: 0, runningWhileHeld: 0, channels: {} as Record<string, number> };
  let keyHeld = false;
  const count = (channel: string) => {
    log.channels[channel] = (log.channels[channel] ?? 0) + 1;
  };
  const channelsOf = (animation: Animation): string[] => {
    const effect = animation.effect;
    if (!(effect instanceof KeyframeEffect)) return ['(no keyframes)'];
    if (effect.target instanceof Element && effect.target.hasAttribute('data-ficus-ring')) return ['ring'];
    const frames = effect.getKeyframes();
    const first: ComputedKeyframe = frames[0] ?? {
      offset: 0,
      computedOffset: 0,
      composite: 'auto',
      easing: 'linear',
    };
    const last: ComputedKeyframe = frames[frames.length - 1] ?? first;
    const names = Object.keys(first).filter(
      (key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key),
    );
    return names.flatMap((name) => {
      if (name !== 'translate') return [name];
      const [x0, y0] = String(first[name]).split(' ');
      const [x1, y1] = String(last[name]).split(' ');
      return [...(x0 !== x1 ? ['x'] : []), ...((y0 ?? '0px') !== (y1 ?? '0px') ? ['y'] : [])];
    });
  };
  const look = () => {
    for (const animation of document.getAnimations()) {
      if (!seen.has(animation)) {
        seen.add(animation);
        log.animations += 1;
        for (const channel of channelsOf(animation)) count(channel);
      }
      if (keyHeld && animation.playState === 'running' && !seenHeld.has(animation)) {
        seenHeld.add(animation);
        log.runningWhileHeld += 1;
      }
    }
  };
  const start = () =>
    new MutationObserver(look).observe(document.documentElement, {
      subtree: true,
      attributes: true,
      attributeFilter: ['style'],
    });
  if (document.documentElement !== null) start();
  else document.addEventListener('readystatechange', start, { once: true });
  const arrows = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
  window.addEventListener(
    'keydown',
    (event) => {
      if (arrows.includes(event.key)) keyHeld = true;
    },
    true,
  );
  window.addEventListener(
    'keyup',
    (event) => {
      if (arrows.includes(event.key)) keyHeld = false;
    },
    true,
  );
  Object.defineProperty(window, '__ficusMotion', {
    value: {
      read: () => ({ ...log, channels: { ...log.channels }, keyHeld }),
      reset: () => {
        log = { animations: 0, runningWhileHeld: 0, channels: {} };
      },
    },
  });
}

const readMotion = (page: Page): Promise<MotionLog> =>
  page.evaluate(() => {
    const recorder = (window as unknown as RecorderWindow).__ficusMotion;
    if (recorder === undefined) throw new Error('no motion recorder in the page');
    return recorder.read();
  });

/** What a held key is held for: read in the page between its repeats. */
interface HoldState {
  readonly focusKey: string | null;
  readonly runningWhileHeld: number;
}

/**
 * Holds `key`: keydowns with auto-repeat (playwright marks each one after the first `repeat`),
 * about 30 a second as a TV remote sends them, until `done` says the page has got far enough
 * (the host drops repeats closer together than its throttle, so how far a number of repeats
 * takes focus depends on the machine's speed: the hold goes by what the page shows instead);
 * then releases it. Fails after `MAX_REPEATS` keydowns.
 */
async function holdKey(page: Page, key: string, done: (state: HoldState) => boolean): Promise<HoldState> {
  const read = () =>
    page.evaluate(() => ({
      focusKey: document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') ?? null,
      runningWhileHeld: (window as unknown as RecorderWindow).__ficusMotion?.read().runningWhileHeld ?? 0,
    }));
  const seen: (string | null)[] = [];
  for (let index = 0; index < MAX_REPEATS; index++) {
    await page.keyboard.down(key);
    await page.waitForTimeout(REPEAT_GAP_MS);
    const state = await read();
    if (seen.at(-1) !== state.focusKey) seen.push(state.focusKey);
    if (done(state)) {
      await page.keyboard.up(key);
      return state;
    }
  }
  await page.keyboard.up(key);
  throw new Error(
    `${key} held for ${MAX_REPEATS} keydowns did not get there; focus went ${seen.join(' → ')}`,
  );
}

/**
 * Waits until no animation is left on the page: each one finished or cancelled (a retarget
 * cancels), and none started since, checked again after two frames.
 */
async function waitForAnimationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (;;) {
      const running = document.getAnimations();
      if (running.length === 0) {
        await frame();
        await frame();
        if (document.getAnimations().length === 0) return;
        continue;
      }
      await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
    }
  });
}

/** The screen once everything has landed, with what is off its target. */
interface Landing {
  readonly focusKey: string | null;
  /** Elements whose computed translate / scale / opacity differs from their inline style. */
  readonly offTarget: string[];
  /** How many elements of the visible world are placed by translate (rail strips, the rail stack). */
  readonly translated: number;
  /** The focused tile's own inline scale. */
  readonly focusedScale: string;
  /** The focused tile's rail strip's translate, and the rail stack's (the strip's nearest translated ancestor). */
  readonly stripTranslate: string;
  readonly stackTranslate: string;
  /** Edges of the focused tile outside the windows that clip it (viewport px; none when inside). */
  readonly outsideWindow: string[];
  /** How the ring box relates to the focused tile's box: the gap on each side (viewport px). */
  readonly ringGaps: { left: number; top: number; right: number; bottom: number } | null;
  /** The gap the ring is meant to keep: 6 stage px, in viewport px. */
  readonly ringOutset: number;
  readonly animationsLeft: number;
}

async function readLanding(page: Page): Promise<Landing> {
  return page.evaluate(() => {
    const world = [...document.querySelectorAll<HTMLElement>('[data-ficus-world]')].find(
      (root) => getComputedStyle(root).visibility !== 'hidden',
    );
    if (world === undefined) throw new Error('no visible world');
    const ring = document.querySelector<HTMLElement>('[data-ficus-ring]');
    const offTarget: string[] = [];
    const number = (value: string) => value.split(' ').map((part) => Number.parseFloat(part));
    const same = (a: string, b: string) => {
      const [x = 0, y = 0] = number(a);
      const [u = 0, v = 0] = number(b);
      return Math.abs(x - u) < 0.01 && Math.abs(y - v) < 0.01;
    };
    const describe = (element: HTMLElement) =>
      element.hasAttribute('data-ficus-ring')
        ? 'the focus ring'
        : `node ${element.getAttribute('data-ficus-node')}${element.hasAttribute('data-ficus-focus-key') ? ` (${element.getAttribute('data-ficus-focus-key')})` : ''}`;
    const elements = [...world.querySelectorAll<HTMLElement>('[data-ficus-node]'), ...(ring ? [ring] : [])];
    let translated = 0;
    for (const element of elements) {
      const computed = getComputedStyle(element);
      const inline = element.style;
      if (inline.translate !== '') {
        if (element !== ring) translated += 1;
        if (!same(computed.translate, inline.translate))
          offTarget.push(`${describe(element)}: translate ${computed.translate}, target ${inline.translate}`);
      }
      if (inline.scale !== '' && !same(computed.scale === 'none' ? '1' : computed.scale, inline.scale))
        offTarget.push(`${describe(element)}: scale ${computed.scale}, target ${inline.scale}`);
      if (inline.opacity !== '' && !same(computed.opacity, inline.opacity))
        offTarget.push(`${describe(element)}: opacity ${computed.opacity}, target ${inline.opacity}`);
    }
    const focused = world.querySelector<HTMLElement>('[data-ficus-focused]');
    if (focused === null) throw new Error('nothing focused in the visible world');
    const box = focused.getBoundingClientRect();
    const translatedAncestor = (from: HTMLElement | null): HTMLElement | null => {
      for (let node = from; node !== null && node !== world; node = node.parentElement)
        if (node.style.translate !== '') return node;
      return null;
    };
    const strip = translatedAncestor(focused.parentElement);
    const stack = translatedAncestor(strip?.parentElement ?? null);
    // The focused tile must lie inside every ancestor that clips (the rail's window, the rails'
    // window under the hero, the stage) and inside the viewport.
    const outsideWindow: string[] = [];
    const inside = (clip: DOMRect, what: string) => {
      // One stage pixel of slack: the grown tile (210 px × 1.08 = 226.8 px, about its center) is
      // 0.4 px taller than the 226 px rail window it sits 8 px down in; a tile scrolled out of
      // its window is off by a whole tile.
      const slack = window.innerWidth / 1920;
      if (box.left < clip.left - slack) outsideWindow.push(`${what}: left ${box.left} < ${clip.left}`);
      if (box.top < clip.top - slack) outsideWindow.push(`${what}: top ${box.top} < ${clip.top}`);
      if (box.right > clip.right + slack) outsideWindow.push(`${what}: right ${box.right} > ${clip.right}`);
      if (box.bottom > clip.bottom + slack)
        outsideWindow.push(`${what}: bottom ${box.bottom} > ${clip.bottom}`);
    };
    for (let node = focused.parentElement; node !== null; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflow;
      if (overflow !== 'visible')
        inside(node.getBoundingClientRect(), `${describe(node)} (overflow ${overflow})`);
    }
    inside(new DOMRect(0, 0, window.innerWidth, window.innerHeight), 'the viewport');
    const ringBox =
      ring !== null && getComputedStyle(ring).display !== 'none' ? ring.getBoundingClientRect() : null;
    // The stage is scaled to fit the viewport: 6 stage px of ring outset, in viewport px.
    const stageScale = window.innerWidth / 1920;
    return {
      focusKey: focused.getAttribute('data-ficus-focus-key'),
      offTarget,
      translated,
      focusedScale: focused.style.scale,
      stripTranslate: strip?.style.translate ?? '(none)',
      stackTranslate: stack?.style.translate ?? '(none)',
      outsideWindow,
      ringGaps:
        ringBox === null
          ? null
          : {
              left: box.left - ringBox.left,
              top: box.top - ringBox.top,
              right: ringBox.right - box.right,
              bottom: ringBox.bottom - box.bottom,
            },
      ringOutset: 6 * stageScale,
      animationsLeft: document.getAnimations().length,
    };
  });
}

/** Every landing rule; `moved`: the hold scrolled the strip along its rail and the stack down. */
function expectLanded(landing: Landing, step: string): void {
  expect(landing.animationsLeft, `${step}: animations left`).toBe(0);
  expect(landing.offTarget, `${step}: elements not on their target`).toEqual([]);
  expect(landing.outsideWindow, `${step}: focused ${landing.focusKey} outside its window`).toEqual([]);
  expect(landing.ringGaps, `${step}: the focus ring is shown`).not.toBeNull();
  const gaps = landing.ringGaps ?? { left: -1, top: -1, right: -1, bottom: -1 };
  for (const [side, gap] of Object.entries(gaps)) {
    // Around the tile (gap ≥ 0) and close to it (the ring's outset, give or take a pixel).
    expect(gap, `${step}: ring gap on the ${side} of ${landing.focusKey}`).toBeGreaterThanOrEqual(0);
    expect(
      Math.abs(gap - landing.ringOutset),
      `${step}: ring gap on the ${side} of ${landing.focusKey} (${gap} px) vs its outset (${landing.ringOutset} px)`,
    ).toBeLessThan(1);
  }
  expect(landing.focusedScale, `${step}: the focused tile is grown`).toBe('1.08');
}

/** The tile key's rail and index: `tile:<rail>:<index>`. */
function tilePlace(key: string | null): { rail: string; index: number } {
  const match = /^tile:(.+):(\d+)$/.exec(key ?? '');
  if (match === null) throw new Error(`focus is not on a tile: ${key}`);
  return { rail: match[1] ?? '', index: Number(match[2]) };
}

function expectNoErrors(session: AppSession): void {
  expect(session.pageErrors, 'page errors').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
  expect(session.watchdogAlarms, 'watchdog alarms').toEqual([]);
  expect(session.cspViolations.map(describeCspViolation), 'CSP violations').toEqual([]);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openCollections(world: World, reducedMotion: boolean): Promise<AppSession> {
  const session = await openAppSession(browser);
  await session.context.addInitScript(installMotionRecorder);
  if (reducedMotion) await session.page.emulateMedia({ reducedMotion: 'reduce' });
  await session.page.goto(collectionsUrl(world));
  await waitForScreenAtRest(session.page, { page: 'collections', world, focus: /^tile:/ }, STEP_MS);
  await waitForAnimationsDone(session.page);
  return session;
}

/** Rails focus has been on, in order, as a hold reads them (to count the rails a hold went down). */
function railsVisited(): (state: HoldState) => number {
  const rails: string[] = [];
  return (state) => {
    const { rail } = tilePlace(state.focusKey);
    if (rails.at(-1) !== rail) rails.push(rail);
    return rails.length - 1;
  };
}

describe.each(WORLDS)('motion on collections, %s world', (world) => {
  it(
    'a held arrow key along a rail and down across rails animates, then every rail lands on its target',
    async () => {
      const session = await openCollections(world, false);
      const { page } = session;
      try {
        const start = await readLanding(page);
        expectLanded(start, 'after load');
        const first = tilePlace(start.focusKey);

        // Along the rail: far enough that its strip has to scroll.
        await page.evaluate(() => (window as unknown as RecorderWindow).__ficusMotion?.reset());
        // Held until focus is far along and the page has shown a running animation with the key down.
        await holdKey(
          page,
          'ArrowRight',
          (state) => tilePlace(state.focusKey).index >= first.index + ALONG && state.runningWhileHeld > 0,
        );
        await waitForRest(page, STEP_MS);
        await waitForAnimationsDone(page);
        const along = await readMotion(page);
        const right = await readLanding(page);
        expectLanded(right, 'after holding ArrowRight');
        const moved = tilePlace(right.focusKey);
        expect(moved.rail, 'still on the first rail').toBe(first.rail);
        expect(moved.index, 'focus went along the rail').toBeGreaterThanOrEqual(first.index + ALONG);
        expect(right.stripTranslate, 'the strip scrolled').not.toBe(start.stripTranslate);
        expect(along.runningWhileHeld, 'animations running while ArrowRight was held').toBeGreaterThan(0);
        expect(
          along.channels['x'] ?? 0,
          `a strip glided in x (${JSON.stringify(along.channels)})`,
        ).toBeGreaterThan(0);
        expect(
          along.channels['scale'] ?? 0,
          `a tile grew (${JSON.stringify(along.channels)})`,
        ).toBeGreaterThan(0);
        expect(
          along.channels['ring'] ?? 0,
          `the ring glided (${JSON.stringify(along.channels)})`,
        ).toBeGreaterThan(0);

        // Down across rails: the rail stack glides in y.
        await page.evaluate(() => (window as unknown as RecorderWindow).__ficusMotion?.reset());
        const downRails = railsVisited();
        await holdKey(page, 'ArrowDown', (state) => downRails(state) >= ACROSS && state.runningWhileHeld > 0);
        await waitForRest(page, STEP_MS);
        await waitForAnimationsDone(page);
        const across = await readMotion(page);
        const down = await readLanding(page);
        expectLanded(down, 'after holding ArrowDown');
        expect(tilePlace(down.focusKey).rail, 'focus went down to another rail').not.toBe(first.rail);
        expect(down.stackTranslate, 'the rail stack scrolled').not.toBe(right.stackTranslate);
        expect(across.runningWhileHeld, 'animations running while ArrowDown was held').toBeGreaterThan(0);
        expect(
          across.channels['y'] ?? 0,
          `the rail stack glided in y (${JSON.stringify(across.channels)})`,
        ).toBeGreaterThan(0);
        expectNoErrors(session);
      } finally {
        await session.close();
      }
    },
    TEST_MS,
  );

  it(
    'with prefers-reduced-motion no animation starts, and things still land on their target',
    async () => {
      const session = await openCollections(world, true);
      const { page } = session;
      try {
        expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
        const start = await readLanding(page);
        const first = tilePlace(start.focusKey);
        await page.evaluate(() => (window as unknown as RecorderWindow).__ficusMotion?.reset());

        // One press: right after focus has moved, nothing is animating.
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (from) =>
            document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') !== from,
          start.focusKey,
          { polling: 'raf', timeout: STEP_MS },
        );
        expect(
          await page.evaluate(() =>
            document.getAnimations().map((a) => {
              const target = a.effect instanceof KeyframeEffect ? a.effect.target : null;
              const keys =
                a.effect instanceof KeyframeEffect ? Object.keys(a.effect.getKeyframes()[0] ?? {}) : [];
              return `${a.constructor.name} on ${target?.getAttribute('data-ficus-focus-key') ?? target?.tagName ?? '?'}: ${keys.join(',')}`;
            }),
          ),
          'animations right after a key',
        ).toEqual([]);

        await holdKey(page, 'ArrowRight', (state) => tilePlace(state.focusKey).index >= first.index + ALONG);
        await waitForRest(page, STEP_MS);
        const right = await readLanding(page);
        expect(tilePlace(right.focusKey).index, 'focus went along the rail').toBeGreaterThanOrEqual(
          first.index + ALONG,
        );
        expect(right.stripTranslate, 'the strip scrolled').not.toBe(start.stripTranslate);
        expectLanded(right, 'reduced motion, after holding ArrowRight');

        const downRails = railsVisited();
        await holdKey(page, 'ArrowDown', (state) => downRails(state) >= ACROSS);
        await waitForRest(page, STEP_MS);
        const down = await readLanding(page);
        expect(tilePlace(down.focusKey).rail, 'focus went down to another rail').not.toBe(first.rail);
        expect(down.stackTranslate, 'the rail stack scrolled').not.toBe(start.stackTranslate);
        expectLanded(down, 'reduced motion, after holding ArrowDown');

        const motion = await readMotion(page);
        expect(motion, 'animations seen with reduced motion').toMatchObject({ animations: 0, channels: {} });
        expectNoErrors(session);
      } finally {
        await session.close();
      }
    },
    TEST_MS,
  );
});
