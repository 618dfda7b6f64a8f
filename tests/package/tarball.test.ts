// The package a porting team depends on: `npm pack` of this repo, installed into a throwaway app
// outside the repo (tests/package/fixture-app, copied to a temp folder), which type-checks against
// it, builds a two-page app on it (a React page and an AssemblyScript page compiled by the
// package's WASM build, one plan, booted with bootBrowserApp) and runs in Chromium: Enter goes
// from the React page to the WASM page, Back returns. Slow (npm install, asc, vite build): no
// timing assertions, every wait polls within a generous budget.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenState } from '../e2e/browser.ts';
import { CHROMIUM_INSTALL, CHROMIUM_PATH, hasSystemTool } from '../support/system-tool.ts';
import { WAIT_BUDGET_MS } from '../support/wait-until.ts';
import { appEnv, type RunningServer, runStep, startServer } from './commands.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixture-app', import.meta.url));
/** Installing, compiling and bundling on a loaded 2-core machine: minutes, not seconds. */
const SETUP_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 5 * 60_000;

interface PackageJson {
  readonly exports?: Record<string, string | Record<string, string>>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}
const readJson = (path: string): PackageJson => JSON.parse(readFileSync(path, 'utf8')) as PackageJson;

let work = '';
let app = '';
let tarballFiles: string[] = [];

/**
 * The fixture's dependencies at the versions this repo pins (those the npm cache already holds,
 * and the ones the package was tested with); names the repo does not pin keep the fixture's.
 */
function pinLikeRepo(appPackagePath: string): void {
  const repo = readJson(join(REPO, 'package.json'));
  const pins = { ...repo.dependencies, ...repo.devDependencies };
  const text = readFileSync(appPackagePath, 'utf8');
  const appPackage = JSON.parse(text) as PackageJson & Record<string, unknown>;
  const devDependencies = Object.fromEntries(
    Object.entries(appPackage.devDependencies ?? {}).map(([name, version]) => [name, pins[name] ?? version]),
  );
  writeFileSync(appPackagePath, `${JSON.stringify({ ...appPackage, devDependencies }, null, 2)}\n`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ficus-package-'));
  if (!relative(REPO, work).startsWith('..'))
    throw new Error(`the throwaway app must live outside the repo, got ${work}`);
  await runStep('npm pack', 'npm', ['pack', '--pack-destination', work], REPO);
  const { name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const tarball = join(work, `${name}-${version}.tgz`);
  const listing = await runStep('list the tarball', 'tar', ['-tzf', tarball], work);
  tarballFiles = listing.split('\n').filter((line) => line.length > 0);

  app = join(work, 'app');
  cpSync(FIXTURE, app, { recursive: true });
  pinLikeRepo(join(app, 'package.json'));
  // --ignore-scripts: ficus depends on better-sqlite3 (its telemetry collector), whose install
  // script would download or compile SQLite; an app in the browser never loads it.
  await runStep(
    'npm install the tarball',
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    app,
  );
  await runStep('npm run build (build:wasm, then vite build)', 'npm', ['run', 'build'], app);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds every export and no tests, fixtures or build output', () => {
    const exportsMap = readJson(join(REPO, 'package.json')).exports ?? {};
    const targets = Object.values(exportsMap).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of new Set(targets)) expect(tarballFiles).toContain(`package/${target.slice(2)}`);
    expect(tarballFiles.filter((file) => /^package\/(tests|dist|node_modules)\//.test(file))).toEqual([]);
    expect(tarballFiles.filter((file) => /\.test\.tsx?$/.test(file))).toEqual([]);
  });

  it(
    'type-checks the app against the installed package (types come with it)',
    async () => {
      await runStep(
        'tsc in the app',
        join(app, 'node_modules/.bin/tsc'),
        ['-p', 'tsconfig.json', '--noEmit'],
        app,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'built the WASM page with the package build and ships it',
    () => {
      const manifest = JSON.parse(readFileSync(join(app, 'dist/wasm/manifest.json'), 'utf8')) as {
        modules: Record<string, { kind: string; file: string }>;
      };
      expect(Object.keys(manifest.modules)).toEqual(['shelf']);
      expect(manifest.modules['shelf']?.kind).toBe('page');
      const file = manifest.modules['shelf']?.file ?? '';
      expect(readFileSync(join(app, 'dist/wasm', file)).subarray(0, 4)).toEqual(
        Buffer.from([0x00, 0x61, 0x73, 0x6d]), // "\0asm": a WebAssembly module
      );
    },
    TEST_TIMEOUT_MS,
  );

  describe.runIf(hasSystemTool(CHROMIUM_PATH, CHROMIUM_INSTALL, "the packed app's run in Chromium"))(
    'the app in Chromium',
    () => {
      let server: RunningServer | undefined;
      let browser: Browser | undefined;
      afterAll(async () => {
        await browser?.close();
        server?.stop();
      });

      /** Waits until `pageId` is on screen in `world` with focus on `focusKey`; fails saying what is on screen. */
      async function waitForPage(page: Page, pageId: string, world: string, focusKey: string): Promise<void> {
        try {
          await page.waitForFunction(
            ([id, worldName, key]) => {
              const visible = [...document.querySelectorAll<HTMLElement>('[data-ficus-world]')].filter(
                (w) => getComputedStyle(w).visibility !== 'hidden',
              );
              const focused = document
                .querySelector('[data-ficus-focused]')
                ?.getAttribute('data-ficus-focus-key');
              return (
                visible.length === 1 &&
                visible[0]?.getAttribute('data-ficus-page') === id &&
                visible[0]?.getAttribute('data-ficus-world') === worldName &&
                focused === key
              );
            },
            [pageId, world, focusKey] as const,
            { timeout: WAIT_BUDGET_MS, polling: 100 },
          );
        } catch (error) {
          const state = await screenState(page).catch(() => 'unreadable');
          throw new Error(
            `waiting for page "${pageId}" in ${world} with focus on "${focusKey}": ${String(error)}; on screen: ${JSON.stringify(state)}`,
          );
        }
      }

      /** The text the visible world drew. */
      const visibleText = (page: Page) =>
        page.evaluate(
          () =>
            [...document.querySelectorAll<HTMLElement>('[data-ficus-world]')].find(
              (w) => getComputedStyle(w).visibility !== 'hidden',
            )?.textContent ?? '',
        );

      it(
        'opens the React page, then the WASM page on Enter, and goes back on Escape',
        async () => {
          server = await startServer(
            'vite preview',
            process.execPath,
            ['--import', 'tsx', 'node_modules/vite/bin/vite.js', 'preview', '--port', '0'],
            app,
            appEnv(),
          );
          browser = await launchChromium();
          const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
          const pageErrors: string[] = [];
          page.on('pageerror', (error) => pageErrors.push(error.message));

          await page.goto(server.url, { timeout: WAIT_BUDGET_MS });
          await waitForPage(page, 'home', 'legacy', 'open-shelf');
          expect(await visibleText(page)).toContain('Home (React)');

          await page.keyboard.press('Enter');
          await waitForPage(page, 'shelf', 'wasm', 'shelf-item');
          const shelf = await visibleText(page);
          expect(shelf).toContain('Shelf (WASM)');
          expect(shelf).not.toContain('React fallback');
          expect(new URL(page.url()).pathname).toBe('/shelf');

          await page.keyboard.press('Escape');
          await waitForPage(page, 'home', 'legacy', 'open-shelf');
          expect(pageErrors).toEqual([]);
        },
        TEST_TIMEOUT_MS,
      );
    },
  );
});
