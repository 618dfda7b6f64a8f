import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWasmPages } from '../../../wasm-pages/build/build-pages.ts';

// `npm run port` (host/port/) end to end: it ports a small React page of its own
// (tests/fixtures/port/) into a project-shaped temp folder, the project's wasm build compiles the
// generated page there, and the generated parity test runs (vitest, in a child process) against
// the React page and passes; then a port that no longer matches makes that same test fail.

const ROOT = join(import.meta.dirname, '../../..');
const PAGES = join(ROOT, 'tests/fixtures/port/pages.ts');
const ROUTE = 'port-example';
let out = '';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        }),
    );
  });
}

const port = (...args: string[]) => run(join(ROOT, 'node_modules/.bin/tsx'), ['host/port/cli.ts', ...args]);
const generated = (path: string) => readFileSync(join(out, path), 'utf8');
const PAGE_DIR = `wasm-pages/pages/${ROUTE}`;
const TEST_FILE = `tests/unit/parity/${ROUTE}.parity.test.tsx`;

/** Compiles the generated page with the project's build, into the temp folder's dist/wasm. */
const build = () => buildWasmPages({ root: out, only: (id) => id === ROUTE, log: () => {} });

/** Runs the generated parity test in its own vitest; returns the run and the parity result it recorded. */
async function generatedParity(): Promise<{
  run: Run;
  result: { pass: boolean; steps: number; differingSteps: number[] };
}> {
  const parityDir = join(out, 'parity');
  rmSync(parityDir, { recursive: true, force: true });
  const result = await run(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--root', out, TEST_FILE], {
    FICUS_PARITY_DIR: parityDir,
    NO_COLOR: '1',
  });
  const recorded = join(parityDir, `${ROUTE}.${ROUTE}.parity.json`);
  expect(existsSync(recorded), `the parity test recorded no result\n${result.stdout}\n${result.stderr}`).toBe(
    true,
  );
  const file = JSON.parse(readFileSync(recorded, 'utf8')) as {
    runs: { pass: boolean; steps: number; differingSteps: number[] }[];
  };
  const [first] = file.runs;
  if (first === undefined) throw new Error(`${recorded} has no run`);
  return { run: result, result: first };
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'ficus-port-'));
  // The generated test imports vitest and msw: resolvable from the temp folder as from the project.
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run port (the port scaffold)', () => {
  it('ports the example page: page, scene, looks and a parity test; prints the to-do and a plan entry at 0% rollout', async () => {
    const result = await port(ROUTE, '--pages', PAGES, '--params', 'id=t0042', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of [`${PAGE_DIR}/page.ts`, `${PAGE_DIR}/scene.ts`, `${PAGE_DIR}/looks.ts`, TEST_FILE])
      expect(result.stdout).toContain(`wrote ${file}`);
    expect(result.stdout).toContain('5 focus keys, 2 data paths');
    expect(result.stdout).toContain('Left to do by hand:');
    expect(result.stdout).toContain('Build the scene from the data (/api/titles/t0042, /api/profiles)');
    expect(result.stdout).toContain(
      "implementations: { legacy: true, wasm: true },\n      defaultWorld: 'legacy',",
    );
    expect(result.stdout).not.toContain('rollout:');
    expect(result.stdout).not.toContain("The plan's rules refuse it");

    const page = generated(`${PAGE_DIR}/page.ts`);
    expect(page).toContain(
      'requestData(apiPaths.title(params.get("id").asString()), onData); // /api/titles/t0042',
    );
    expect(page).toContain('requestData(apiPaths.profiles(), onData); // /api/profiles');
    expect(page).toContain('registerPage(page);');
    const scene = generated(`${PAGE_DIR}/scene.ts`);
    expect(scene).toContain(
      'text("Loading…").x(MARGIN).y(80).width(800).height(50).color(theme.textMuted).fontSize(36)',
    );
    expect(scene).toContain('.focusKey("example:profile:p1")');
    expect(scene).toContain('.fontWeight(FontWeight.BOLD)');
    expect(scene).toContain('.fit(Fit.COVER)');
    expect(scene).toContain(
      'view().x(0).y(0).width(STAGE.width).height(STAGE.height).backgroundColor(theme.background)',
    );
    const looks = generated(`${PAGE_DIR}/looks.ts`);
    expect(looks).toContain('.backgroundColor(theme.surfaceRaised).borderWidth(4)');
    const test = generated(TEST_FILE);
    expect(test).toContain("{ do: 'mount', params: { id: 't0042' } },");
    expect(test).toContain("{ do: 'focusInitial' }, // example:profile:p1");
    for (const key of ['example:profile:p2', 'example:profile:p3', 'example:profile:p4', 'example:back'])
      expect(test).toMatch(new RegExp(`\\{ do: 'press', direction: '(up|down|left|right)' \\}, // ${key}`));
  });

  it('builds the generated page with the project build, and its generated parity test passes', async () => {
    const manifest = await build();
    expect(manifest.modules[ROUTE]?.kind).toBe('page');
    const { run: result, result: parity } = await generatedParity();
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(parity).toMatchObject({ pass: true, steps: 8, differingSteps: [] });
  });

  it('the generated parity test fails when the port stops matching the React page', async () => {
    const scene = join(out, `${PAGE_DIR}/scene.ts`);
    writeFileSync(scene, readFileSync(scene, 'utf8').replace('text("Alex")', 'text("Alexa")'));
    await build();
    const { run: result, result: parity } = await generatedParity();
    expect(result.code).not.toBe(0);
    // The unified diff of the scenes names the node that differs (`+` is the WASM side).
    expect(`${result.stdout}${result.stderr}`).toContain('text=\\"Alexa\\" width=200 x=20 y=40');
    expect(parity.pass).toBe(false);
    expect(parity.differingSteps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses to overwrite an existing port without --force, and overwrites it with --force', async () => {
    const refused = await port(ROUTE, '--pages', PAGES, '--params', 'id=t0042', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`a port of "${ROUTE}" exists already`);
    expect(refused.stderr).toContain('pass --force to overwrite it');
    expect(generated(`${PAGE_DIR}/scene.ts`)).toContain('text("Alexa")');
    const forced = await port(ROUTE, '--pages', PAGES, '--params', 'id=t0042', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(generated(`${PAGE_DIR}/scene.ts`)).toContain('text("Alex")');
  });

  it('says what is wrong: an unknown route (listing the routes), a page that fails to render, a missing param, a bad option', async () => {
    const unknown = await port('no-such-page', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'no React page for route "no-such-page" in LEGACY_PAGES (legacy-react/pages/index.ts); the routes are: collections, details, playback, profiles, search, settings',
    );
    const broken = await port('port-broken', '--pages', PAGES, '--out', out);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      'the React page "port-broken" crashed while mount: Invalid opacity on <View>: expected a finite number from 0 to 1, got 2',
    );
    expect(existsSync(join(out, 'wasm-pages/pages/port-broken'))).toBe(false);
    const missing = await port('details', '--out', out);
    expect(missing.stderr).toContain(
      'the plan says "details" cannot open without id: pass --params id=<value>',
    );
    const option = await port(ROUTE, '--ouut', out);
    expect(option.stderr).toContain('unknown option --ouut');
  });
});
