import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect } from 'vitest';
import {
  DEFAULT_PARITY_DIR,
  PARITY_FORMAT,
  type ParityFile,
  type ParityRun,
} from '../../migration-plan/parity-results.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The commit under test, once per test file (git may be absent: then null). */
const checkout = (() => {
  let known: { commit: string | null; dirty: boolean } | undefined;
  return () => {
    if (known !== undefined) return known;
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    try {
      known = { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain').length > 0 };
    } catch {
      known = { commit: null, dirty: false };
    }
    return known;
  };
})();

// The runs of this test file so far, per page. Vitest gives each test file its own module
// registry, so a file starts empty and its results file is rewritten whole: a run removed from
// the file disappears from the results too.
const runsByPage = new Map<string, ParityRun[]>();

/**
 * Adds one parity run to the page's machine-readable results (see migration-plan/parity-results.ts),
 * `tests/output/parity/<page>.<test file>.json` unless FICUS_PARITY_DIR says where.
 */
export function recordParityRun(page: string, run: Omit<ParityRun, 'name'>): void {
  const { testPath, currentTestName } = expect.getState();
  const file = testPath === undefined ? 'unknown' : relative(ROOT, testPath);
  const runs = [...(runsByPage.get(page) ?? []), { name: currentTestName ?? 'unnamed run', ...run }];
  runsByPage.set(page, runs);
  const result: ParityFile = {
    format: PARITY_FORMAT,
    page,
    file,
    ...checkout(),
    writtenAt: new Date().toISOString(),
    runs,
  };
  const dir = process.env['FICUS_PARITY_DIR'] ?? join(ROOT, DEFAULT_PARITY_DIR);
  mkdirSync(dir, { recursive: true });
  const name = `${page}.${basename(file).replace(/\.test\.tsx?$/, '')}.json`;
  writeFileSync(join(dir, name), `${JSON.stringify(result, null, 2)}\n`);
}
