import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env['FICUS_CHROMIUM'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../output/screenshots/', import.meta.url));

/** Debian's Chromium, headless, with the flags this closed network needs (see TOOLCHAIN.md), plus `extraArgs`. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set FICUS_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** What the observable test hooks of ARCHITECTURE.md say about the screen right now. */
export async function screenState(page: Page) {
  return page.evaluate(() => {
    const worlds = [...document.querySelectorAll<HTMLElement>('[data-ficus-world]')];
    const visible = worlds.filter((w) => getComputedStyle(w).visibility !== 'hidden');
    const focused = [...document.querySelectorAll<HTMLElement>('[data-ficus-focused]')];
    return {
      visibleWorlds: visible.map((w) => w.getAttribute('data-ficus-world')),
      page: visible[0]?.getAttribute('data-ficus-page') ?? null,
      focused: focused.map((f) => f.getAttribute('data-ficus-focus-key')),
      focusedInVisibleWorld: focused.every((f) => visible.some((w) => w.contains(f))),
    };
  });
}

/** Waits until `page` shows `pageId` with focus on a node whose key matches. */
export async function waitForScreen(page: Page, pageId: string, focusKey: RegExp): Promise<void> {
  await page.waitForFunction(
    ([id, pattern]) => {
      const world = [...document.querySelectorAll<HTMLElement>('[data-ficus-world]')].find(
        (w) => getComputedStyle(w).visibility !== 'hidden',
      );
      const focused =
        document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') ?? '';
      return world?.getAttribute('data-ficus-page') === id && new RegExp(pattern).test(focused);
    },
    [pageId, focusKey.source] as const,
    { timeout: 30_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}
