import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWasmPages } from '../../wasm-pages/build/build-pages.ts';
import { launchChromium, screenshot } from './browser.ts';

// Live reload under `npm start` (the dev server of host/app/vite.config.ts), both worlds:
// - a WASM page: saving its source rebuilds its module, and the page on screen is served again
//   from it on the same history entry with focus kept (a probe example written for this test,
//   removed after);
// - a React page: Fast Refresh swaps the component without reloading the document.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROBE = `${ROOT}wasm-pages/sdk/examples/live-reload-probe.ts`;
const REACT_EXAMPLE = `${ROOT}legacy-react/examples/text-example.tsx`;
const probeSource = (
  label: string,
) => `// Example "live-reload-probe": written by tests/e2e/live-reload.e2e.ts, removed after it.
import { Node, Page, registerPage, root, text, Value, view } from "../index";

class ProbePage extends Page {
  mount(params: Value): void {
    const stage = view().rect(0, 0, 1920, 1080).backgroundColor("#0d1117");
    stage.append(text("${label}").rect(80, 40, 1200, 60).fontSize(48).color("#ffffff"));
    stage.append(view().rect(80, 200, 300, 120).backgroundColor("#2b3a55").focusKey("probe:one"));
    stage.append(view().rect(420, 200, 300, 120).backgroundColor("#2b3a55").focusKey("probe:two"));
    root().append(stage);
  }
}

export * from "../exports";
registerPage(new ProbePage());
`;

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let origin: string;
const reactSource = readFileSync(REACT_EXAMPLE, 'utf8');

beforeAll(async () => {
  writeFileSync(PROBE, probeSource('probe v1'));
  await buildWasmPages({
    root: ROOT,
    only: (id) => id === 'example-live-reload-probe',
    log: () => undefined,
  });
  process.env['FICUS_TELEMETRY'] = 'off';
  server = await createServer({
    configFile: `${ROOT}host/app/vite.config.ts`,
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  await server.listen();
  origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});
afterAll(async () => {
  writeFileSync(REACT_EXAMPLE, reactSource);
  rmSync(PROBE, { force: true });
  await browser?.close();
  await server?.close();
  delete process.env['FICUS_TELEMETRY'];
  // The probe's module leaves the manifest again.
  await buildWasmPages({ root: ROOT, log: () => undefined });
});

const worldText = (world: string) => page.locator(`[data-ficus-world="${world}"]`).innerText();
const focusedKey = () =>
  page.evaluate(
    () => document.querySelector('[data-ficus-focused]')?.getAttribute('data-ficus-focus-key') ?? null,
  );
const historyState = () =>
  page.evaluate(() => {
    const app = (globalThis as { __ficus?: { history(): { index: number; entries: unknown[] } } }).__ficus;
    const stack = app?.history();
    return {
      index: stack?.index,
      length: stack?.entries.length,
      browser: history.length,
      url: location.href,
    };
  });

describe('live reload under npm start', () => {
  it('a saved WASM page is rebuilt and served again on the same entry, focus kept', async () => {
    await page.goto(`${origin}/?wasm-example=example-live-reload-probe`);
    await expect.poll(() => worldText('wasm'), { timeout: 60_000 }).toContain('probe v1');
    await expect.poll(focusedKey, { timeout: 30_000 }).toBe('probe:one');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedKey, { timeout: 30_000 }).toBe('probe:two');
    const before = await historyState();
    await page.evaluate(() => {
      (globalThis as { __sameDocument?: boolean }).__sameDocument = true;
    });

    writeFileSync(PROBE, probeSource('probe v2'));
    await expect.poll(() => worldText('wasm'), { timeout: 120_000 }).toContain('probe v2');
    await screenshot(page, 'live-reload-wasm');
    expect(await focusedKey()).toBe('probe:two');
    expect(await historyState()).toEqual(before);
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('a saved React page is swapped by Fast Refresh without reloading the document', async () => {
    await page.goto(`${origin}/?example=example-text`);
    const line = 'Right-aligned in an 800 px box';
    expect(reactSource).toContain(line);
    await expect.poll(() => worldText('legacy'), { timeout: 60_000 }).toContain(line);
    await page.evaluate(() => {
      (globalThis as { __sameDocument?: boolean }).__sameDocument = true;
    });
    writeFileSync(REACT_EXAMPLE, reactSource.replace(line, 'Right-aligned, and refreshed'));
    await expect
      .poll(() => worldText('legacy'), { timeout: 60_000 })
      .toContain('Right-aligned, and refreshed');
    await screenshot(page, 'live-reload-react');
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});
