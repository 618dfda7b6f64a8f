import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Params } from '../../bridge/index.ts';
import { REFERENCE_PLAN } from '../../migration-plan/reference-plan.ts';
import { pageFiles } from './page-codegen.ts';
import { type PagesModule, PortInputError, reactPage } from './page-source.ts';
import { parityTest } from './parity-codegen.ts';
import { type PlanEntryProposal, planEntry } from './plan-entry.ts';
import { type PageSnapshot, snapshotPage } from './snapshot.ts';

export interface PortOptions {
  /** The project (holding wasm-pages/, tests/support/, legacy-react/). */
  readonly root: string;
  readonly route: string;
  /** The params to mount the React page with (the parity script mounts both with them). */
  readonly params: Params;
  /** Where the React pages are; default the app's LEGACY_PAGES. */
  readonly pages: PagesModule;
  /** The folder to write into as if it were the project (default `root`): its wasm-pages/pages/ and tests/unit/parity/. */
  readonly out?: string;
  /** Overwrite a port that exists. */
  readonly force?: boolean;
}

export interface PortResult {
  readonly snapshot: PageSnapshot;
  /** The files written, relative to the out folder. */
  readonly written: readonly string[];
  readonly plan: PlanEntryProposal;
  /** What the scaffold could not do: each a sentence for the porting team. */
  readonly todo: readonly string[];
}

/** A relative import specifier from `fromDir` to `target` ("./x" style, / separators). */
function specifier(fromDir: string, target: string): string {
  const path = relative(fromDir, target).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * Scaffolds the WASM port of one React page: snapshots the page (host/port/snapshot.ts), writes
 * `wasm-pages/pages/<route>/{page,scene,looks}.ts` and `tests/unit/parity/<route>.parity.test.tsx`
 * under `out` (imports pointing into `root`), and proposes the plan entry. Refuses to overwrite
 * an existing port unless `force`.
 *
 * @example
 * const result = await portPage({ root, route: 'settings', params: {}, pages: appPages(root) });
 * result.todo; // ['Replace the static scene by one built from the data ...', ...]
 */
export async function portPage(options: PortOptions): Promise<PortResult> {
  const { root, route } = options;
  const out = options.out ?? root;
  const pageDir = join(out, 'wasm-pages/pages', route);
  const testFile = join(out, 'tests/unit/parity', `${route}.parity.test.tsx`);
  const existing = [pageDir, testFile].filter((path) => existsSync(path));
  if (existing.length > 0 && options.force !== true)
    throw new PortInputError(
      `a port of "${route}" exists already (${existing.map((path) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path))).join(', ')}): pass --force to overwrite it`,
    );
  const required = REFERENCE_PLAN.pages[route]?.requiredParams ?? [];
  const missing = required.filter((name) => options.params[name] === undefined);
  if (missing.length > 0)
    throw new PortInputError(
      `the plan says "${route}" cannot open without ${missing.join(', ')}: pass --params ${missing.map((name) => `${name}=<value>`).join(',')}`,
    );

  const component = await reactPage(options.pages, route);
  const snapshot = await snapshotPage(route, component, options.params);

  const source = relative(root, options.pages.file).split(sep).join('/');
  const files = pageFiles(
    snapshot,
    {
      sdk: specifier(pageDir, join(root, 'wasm-pages/sdk')),
      theme: specifier(pageDir, join(root, 'wasm-pages/pages/shared/theme')),
    },
    `${source}, ${options.pages.exportName}["${route}"]`,
  );
  const testDir = dirname(testFile);
  const test = parityTest(snapshot, {
    parity: specifier(testDir, join(root, 'tests/support/parity.ts')),
    mockBackend: specifier(testDir, join(root, 'host/mock-backend/mock-backend.ts')),
    pages: specifier(testDir, options.pages.file),
    pagesExport: options.pages.exportName,
    ...(out === root ? {} : { wasmDir: specifier(testDir, join(out, 'dist/wasm')) }),
  });
  mkdirSync(pageDir, { recursive: true });
  mkdirSync(testDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(pageDir, name), text);
    written.push(relative(out, join(pageDir, name)));
  }
  writeFileSync(testFile, test);
  written.push(relative(out, testFile));

  const plan = planEntry(REFERENCE_PLAN, route, {
    testFile: relative(out, testFile).split(sep).join('/'),
  });
  return { snapshot, written, plan, todo: todoList(snapshot, out === root ? null : out) };
}

/** What is left to do by hand, from what the snapshot saw. */
function todoList(snapshot: PageSnapshot, out: string | null): string[] {
  const { route } = snapshot;
  const todo: string[] = [];
  if (snapshot.reads.length > 0)
    todo.push(
      `Build the scene from the data (${snapshot.reads.join(', ')}) in dataArrived instead of the static one in scene.ts, and the error state with Retry (pages/shared/status-panels.ts).`,
    );
  todo.push(
    "Name the layout: the scene's numbers are literals (theme colors and STAGE/MARGIN are named); copy the React page's layout constants with a note that they must match.",
  );
  todo.push(
    'Port onSelect and onArrow (navigate, back, sendData) from the React handlers; add select steps to the parity test.',
  );
  for (const write of snapshot.writes)
    todo.push(
      `The React page sent ${write.method} ${write.path} without a key pressed: send it with sendData.`,
    );
  if (snapshot.navigation.length > 0)
    todo.push(
      `The React page asked to navigate on its own (${JSON.stringify(snapshot.navigation)}): do the same.`,
    );
  for (const look of snapshot.looks)
    if (look.kind === 'structure')
      todo.push(
        `Focusing ${look.key} changes the scene's structure (${look.where}): port that in onFocus/onBlur by hand.`,
      );
  if (snapshot.walk.unreached.length > 0)
    todo.push(
      `Arrow keys from the initial focus did not reach ${snapshot.walk.unreached.join(', ')}: script them in the parity test.`,
    );
  todo.push(
    out === null
      ? `Build and test: npm run build:wasm -- --only=${route} && npx vitest run tests/unit/parity/${route}.parity.test.tsx`
      : `Build and test in ${out}: buildWasmPages({ root: '${out}', only: (id) => id === '${route}' }), then vitest on its tests/unit/parity/${route}.parity.test.tsx (it needs node_modules reachable from there).`,
  );
  todo.push(
    'Add the plan entry below to migration-plan/reference-plan.ts; it stays React by default until rolled out.',
  );
  return todo;
}
