// A WASM page module whose bytes do not match the release manifest never runs: the worker refuses
// it before compiling it, says so in an error naming the page and both digests, and the router
// serves the same history entry with the React page, focus and all. Two ways it goes wrong on a
// real network: the server sends other bytes for the file (here: the valid module of another
// page), or the manifest does not vouch for the bytes (here: a manifest whose digest was changed).
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type WasmManifest, WasmManifestSchema } from '../../bridge/index.ts';
import { type AppSession, openAppSession } from './app-session.ts';
import { launchChromium, screenshot } from './browser.ts';
import { readScreen, waitForScreenAtRest } from './screen-probe.ts';
import { describeStack, screenProblems } from './screen-rules.ts';

const appUrl = inject('appUrl').replace(/\/$/, '');
let browser: Browser;
let manifest: WasmManifest;
let collectionsBytes: Buffer;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  browser = await launchChromium();
  // What the build serves, read the way the app reads it.
  const checked = WasmManifestSchema.check(await (await fetch(`${appUrl}/wasm/manifest.json`)).json());
  if (!checked.ok) throw new Error(`the built manifest is malformed: ${checked.issue.message}`);
  manifest = checked.value;
  collectionsBytes = Buffer.from(
    await (await fetch(`${appUrl}/wasm/${entry('collections').file}`)).arrayBuffer(),
  );
  expect(sha256(collectionsBytes)).toBe(entry('collections').sha256);
});
afterAll(async () => {
  await browser?.close();
});

function entry(page: string) {
  const found = manifest.modules[page];
  if (found === undefined) throw new Error(`the build has no WASM module "${page}"`);
  return found;
}

/** Every console line of the page and of its workers (the WASM world's worker logs its refusals). */
function consoleLines(page: Page): { readonly type: string; readonly text: string }[] {
  const lines: { type: string; text: string }[] = [];
  page.on('console', (message) => lines.push({ type: message.type(), text: message.text() }));
  return lines;
}

/** Opens the app on /profiles and waits until it rests on the profiles page of `world`. */
async function openProfiles(session: AppSession, world: 'legacy' | 'wasm'): Promise<void> {
  await session.page.goto(`${appUrl}/profiles`);
  await waitForScreenAtRest(session.page, { page: 'profiles', world, focus: /^profile:/ }, 60_000);
}

/** The screen rests on the React profiles page, the history entry says React serves it, nothing broke. */
async function expectReactProfiles(session: AppSession): Promise<void> {
  const screen = await readScreen(session.page);
  expect(screenProblems(screen, { atRest: true }), 'screen rules').toEqual([]);
  expect(screen.worlds.filter((w) => w.visible)).toEqual([
    { world: 'legacy', page: 'profiles', visible: true },
  ]);
  expect(screen.focused.map((f) => f.key)).toEqual(['profile:p1']);
  const history = screen.router?.history;
  expect(history === undefined ? '' : describeStack(history)).toBe('[profiles(legacy)*]');
  expect(session.pageErrors).toEqual([]);
}

/**
 * Serves every manifest the app may load modules from changed by `change`: the release the
 * channel names (`/wasm/releases/<id>.json`, host/releases/) and the build's own manifest, which a
 * device with no usable release falls back to.
 */
async function tamperManifests(
  session: Awaited<ReturnType<typeof openAppSession>>,
  change: (served: WasmManifest) => WasmManifest,
): Promise<void> {
  for (const pattern of ['**/wasm/manifest.json', '**/wasm/releases/r-*.json']) {
    await session.context.route(pattern, async (route) => {
      const served = await route.fetch();
      await route.fulfill({ response: served, json: change((await served.json()) as WasmManifest) });
    });
  }
}

describe('a WASM module that does not match its manifest', () => {
  it('loads and serves profiles in WASM when nothing is tampered with (so the tests below can fail)', async () => {
    const session = await openAppSession(browser);
    const lines = consoleLines(session.page);
    try {
      await openProfiles(session, 'wasm');
      expect(
        lines.filter((line) => /refused a WASM module|does not match the manifest/.test(line.text)),
      ).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("falls back to React when the server sends another page's module for profiles", async () => {
    const session = await openAppSession(browser);
    const lines = consoleLines(session.page);
    const profiles = entry('profiles');
    const collections = entry('collections');
    let swapped = 0;
    await session.context.route(`**/wasm/${profiles.file}`, async (route) => {
      swapped += 1;
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/wasm' },
        body: collectionsBytes,
      });
    });
    try {
      await openProfiles(session, 'legacy');
      await screenshot(session.page, 'module-integrity-swapped-bytes');
      expect(swapped, 'the profiles module request was answered with other bytes').toBeGreaterThan(0);
      await expectReactProfiles(session);
      const expected =
        `refused a WASM module: page "profiles": ${profiles.file} does not match the manifest: ` +
        `its sha256 is ${collections.sha256}, the manifest says ${profiles.sha256}`;
      expect(lines.filter((line) => line.type === 'error').map((line) => line.text)).toContain(expected);
      expect(
        lines.some(
          (line) => line.type === 'warning' && /page "profiles" failed in the wasm world/.test(line.text),
        ),
        'the fallback was reported',
      ).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('falls back to React when the manifest gives profiles another digest', async () => {
    const session = await openAppSession(browser);
    const lines = consoleLines(session.page);
    const profiles = entry('profiles');
    const wrong = `${profiles.sha256.slice(0, 60)}${profiles.sha256.endsWith('0000') ? 'ffff' : '0000'}`;
    await tamperManifests(session, (served) => ({
      ...served,
      modules: { ...served.modules, profiles: { ...profiles, sha256: wrong } },
    }));
    try {
      await openProfiles(session, 'legacy');
      await expectReactProfiles(session);
      const expected =
        `refused a WASM module: page "profiles": ${profiles.file} does not match the manifest: ` +
        `its sha256 is ${profiles.sha256}, the manifest says ${wrong}`;
      expect(lines.filter((line) => line.type === 'error').map((line) => line.text)).toContain(expected);
    } finally {
      await session.close();
    }
  });

  it('falls back to React when the manifest is of a release built for an ABI version this world does not speak', async () => {
    const session = await openAppSession(browser);
    const lines = consoleLines(session.page);
    let modulesFetched = 0;
    await tamperManifests(session, (served) => ({ ...served, abiVersion: 4 }));
    await session.context.route('**/wasm/*.wasm', async (route) => {
      modulesFetched += 1;
      await route.continue();
    });
    try {
      await openProfiles(session, 'legacy');
      await expectReactProfiles(session);
      expect(modulesFetched, 'page modules fetched').toBe(0);
      const refusal = lines.find((line) => /page "profiles" failed in the wasm world/.test(line.text));
      expect(refusal?.text).toContain(
        `is part of a release built for page ABI version 4 (the manifest's abiVersion), but this world speaks 1, 2 and 3`,
      );
    } finally {
      await session.close();
    }
  });
});
