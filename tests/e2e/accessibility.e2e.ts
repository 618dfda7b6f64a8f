import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { REFERENCE_PLAN } from '../../migration-plan/reference-plan.ts';
import { launchChromium, waitForScreen } from './browser.ts';

// Issue 13, accessibility: on every page of Ficus TV, in both worlds, Chromium's accessibility
// tree (what a screen reader reads, via CDP Accessibility.getFullAXTree) gives every focusable
// node a role and a name; the focused node holds DOM focus; and the polite live region says the
// page's name when a page is shown.

let browser: Browser;
let page: Page;
const errors: string[] = [];
const appUrl = inject('appUrl').replace(/\/$/, '');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  errors.length = 0;
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => errors.push(String(error)));
});

/** Each page by deep link, with the focus key it starts on. */
const PAGES = [
  { id: 'profiles', path: '/profiles', focus: /^profile:/ },
  { id: 'collections', path: '/collections?profile=p1', focus: /./ },
  { id: 'details', path: '/details?id=t0042', focus: /^details:play$/ },
  { id: 'playback', path: '/playback?id=t0042', focus: /^playback:/ },
  { id: 'search', path: '/search?profile=p1', focus: /^key:/ },
  { id: 'settings', path: '/settings?profile=p1', focus: /^setting:/ },
] as const;

/** `?world.<page>=<world>` for every page of the plan, so the whole app runs in one world. */
const inWorld = (world: 'legacy' | 'wasm'): string =>
  Object.keys(REFERENCE_PLAN.pages)
    .map((id) => `world.${id}=${world}`)
    .join('&');

const withQuery = (path: string, query: string): string => `${path}${path.includes('?') ? '&' : '?'}${query}`;

interface AxValue {
  readonly value?: unknown;
}
interface AxNode {
  readonly ignored?: boolean;
  readonly role?: AxValue;
  readonly name?: AxValue;
  readonly properties?: ReadonlyArray<{ readonly name: string; readonly value: AxValue }>;
}

/** Roles that say nothing about what a node is. */
const NO_ROLE = new Set(['', 'generic', 'none', 'presentation', 'GenericContainer', 'Unknown']);

/** The focusable nodes of the accessibility tree (the document itself aside), as role and name. */
async function focusableAxNodes(): Promise<Array<{ role: string; name: string }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: readonly AxNode[] };
    return nodes
      .filter(
        (node) =>
          node.ignored !== true &&
          node.properties?.some((p) => p.name === 'focusable' && p.value.value === true) === true,
      )
      .map((node) => ({ role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '') }))
      .filter((node) => node.role !== 'RootWebArea');
  } finally {
    await cdp.detach();
  }
}

/** What the DOM says: focusable nodes shown in the visible world, DOM focus, live region, heading. */
function domState(p: Page) {
  return p.evaluate(() => {
    const world = [...document.querySelectorAll<HTMLElement>('[data-ficus-world]')].find(
      (w) => getComputedStyle(w).visibility !== 'hidden',
    );
    const focusables = [...(world?.querySelectorAll<HTMLElement>('[data-ficus-focus-key]') ?? [])].filter(
      (e) => e.checkVisibility(),
    );
    const heading = [...(world?.querySelectorAll<HTMLElement>('[role="heading"]') ?? [])].find((e) =>
      e.checkVisibility(),
    );
    const focused = document.querySelector('[data-ficus-focused]');
    return {
      focusables: focusables.length,
      domFocusOnFocused: focused !== null && document.activeElement === focused,
      heading: heading?.textContent ?? '',
      announced: document.querySelector('[data-ficus-live-region]')?.textContent ?? '',
    };
  });
}

describe('accessibility in Chromium', () => {
  for (const world of ['legacy', 'wasm'] as const) {
    it(`every focusable node has a role and a name, on every page, in the ${world} world`, async () => {
      for (const target of PAGES) {
        await page.goto(`${appUrl}${withQuery(target.path, inWorld(world))}`);
        await waitForScreen(page, target.id, target.focus);
        // The live region says the page when it is shown: its heading, then what has focus.
        await page.waitForFunction(
          () => (document.querySelector('[data-ficus-live-region]')?.textContent ?? '') !== '',
          null,
          {
            timeout: 30_000,
          },
        );
        const dom = await domState(page);
        const where = `${target.id} (${world})`;
        expect(dom.heading, `${where} has a heading`).not.toBe('');
        expect(dom.announced.startsWith(`${dom.heading}, `), `${where} said "${dom.announced}"`).toBe(true);
        expect(dom.domFocusOnFocused, `${where}: DOM focus is on the focused node`).toBe(true);

        const nodes = await focusableAxNodes();
        expect(nodes.length, `${where}: focusable nodes in the accessibility tree`).toBeGreaterThanOrEqual(
          dom.focusables,
        );
        expect(dom.focusables).toBeGreaterThan(0);
        const unnamed = nodes.filter((node) => NO_ROLE.has(node.role) || node.name.trim() === '');
        expect(unnamed, `${where}: focusable nodes without a role or a name`).toEqual([]);
      }
      expect(errors).toEqual([]);
    });

    it(`the live region says each page the viewer moves to, and each focus move (${world})`, async () => {
      await page.goto(`${appUrl}${withQuery('/profiles', inWorld(world))}`);
      await waitForScreen(page, 'profiles', /^profile:p1$/);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-ficus-live-region]')?.textContent?.startsWith("Who's watching?, ") ===
          true,
        null,
        { timeout: 30_000 },
      );
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        () => {
          const focused = document.querySelector('[data-ficus-focused]');
          const said = document.querySelector('[data-ficus-live-region]')?.textContent;
          return (
            focused?.getAttribute('data-ficus-focus-key') !== 'profile:p1' &&
            said === focused?.getAttribute('aria-label')
          );
        },
        null,
        { timeout: 30_000 },
      );
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'collections', /./);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-ficus-live-region]')?.textContent?.startsWith('Ficus TV, ') === true,
        null,
        { timeout: 30_000 },
      );
      const region = await page.evaluate(() => {
        const element = document.querySelector('[data-ficus-live-region]');
        return { role: element?.getAttribute('role'), live: element?.getAttribute('aria-live') };
      });
      expect(region).toEqual({ role: 'status', live: 'polite' });
      expect(errors).toEqual([]);
    });
  }
});
