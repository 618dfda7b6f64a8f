import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';

// The example browser as `npm start` serves it: the dev server (host/app/vite.config.ts, which
// serves dist/wasm with the SDK examples the test setup built), /examples listing every example
// of both worlds, each opened in the real host and drawn by its own world.

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let origin: string;
const errors: string[] = [];

beforeAll(async () => {
  process.env['FICUS_TELEMETRY'] = 'off'; // no collector for this server: nothing to store
  server = await createServer({
    configFile: new URL('../../host/app/vite.config.ts', import.meta.url).pathname,
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  await server.listen();
  origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => errors.push(String(error)));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  delete process.env['FICUS_TELEMETRY'];
});

describe('the example browser under npm start', () => {
  it('lists every example of both worlds, and each opens in the real host, drawn by its world', async () => {
    await page.goto(`${origin}/examples`);
    await page.waitForSelector('a[data-example]', { timeout: 60_000 });
    await screenshot(page, 'example-browser-index');
    const links = await page.$$eval('section[data-world]', (sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll<HTMLAnchorElement>('a[data-example]')].map((link) => ({
          world: section.getAttribute('data-world') ?? '',
          id: link.dataset['example'] ?? '',
          href: link.getAttribute('href') ?? '',
        })),
      ),
    );
    const worlds = new Set(links.map((link) => link.world));
    expect(worlds).toEqual(new Set(['legacy', 'wasm']));
    expect(links.filter((link) => link.world === 'wasm').map((link) => link.id)).toContain('example-focus');

    for (const link of links) {
      await page.goto(`${origin}${link.href}`);
      await page.waitForFunction(
        ([world, id]) => {
          const shown = document.querySelector<HTMLElement>(`[data-ficus-world="${world}"]`);
          return (
            shown !== null &&
            getComputedStyle(shown).visibility !== 'hidden' &&
            shown.getAttribute('data-ficus-page') === id &&
            shown.querySelector('*') !== null
          );
        },
        [link.world, link.id] as const,
        { timeout: 60_000 },
      );
      await screenshot(page, `example-browser-${link.world}-${link.id}`);
    }
    expect(errors).toEqual([]);
  });

  it('names the examples when an unknown one is asked for', async () => {
    const messages: string[] = [];
    const listen = (error: Error) => messages.push(error.message);
    page.on('pageerror', listen);
    await page.goto(`${origin}/?wasm-example=example-nope`);
    await expect
      .poll(() => messages.join('\n'), { timeout: 60_000 })
      .toContain('no WASM SDK example "example-nope"');
    page.off('pageerror', listen);
    errors.length = 0;
  });
});
