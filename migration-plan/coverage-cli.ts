// `npm run coverage`: which pages run where, weighted by viewer time, whether each port matches
// its React page (the parity results the tests wrote) and what to port next.
//   --parity=<dir>   where the parity results are (default tests/output/parity)
//   --check          the ratchet: fail when coverage fell below migration-plan/coverage-baseline.json,
//                    rewrite it when coverage rose
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { coverageReport, formatCoverage } from './coverage.ts';
import { DEFAULT_BASELINE_PATH } from './coverage-baseline.ts';
import { checkCoverage } from './coverage-check.ts';
import { parityByPage } from './parity-by-page.ts';
import { DEFAULT_PARITY_DIR } from './parity-results.ts';
import { REFERENCE_PLAN } from './reference-plan.ts';

const USAGE = `usage: npm run coverage -- [--parity=DIR] [--check]
  --parity=DIR   where the parity results are (default ${DEFAULT_PARITY_DIR})
  --check        fail when coverage fell below ${DEFAULT_BASELINE_PATH}; rewrite it when coverage rose`;

let values: { parity?: string; check?: boolean };
try {
  ({ values } = parseArgs({ options: { parity: { type: 'string' }, check: { type: 'boolean' } } }));
} catch (error) {
  console.error(`coverage: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const dir = values.parity ?? DEFAULT_PARITY_DIR;
const { parity, problems } = parityByPage(dir);
for (const problem of problems) console.error(`coverage: skipped ${problem}`);
const report = coverageReport(REFERENCE_PLAN, parity);

if (values.check === true) {
  const result = checkCoverage(report, DEFAULT_BASELINE_PATH, dir);
  for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line);
  process.exit(result.exitCode);
}

console.log(formatCoverage(report));

const head = (() => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
})();
for (const [page, result] of parity ?? []) {
  for (const name of result.failedRuns) console.log(`Parity fails, ${page}: ${name}`);
  const older = result.commits.filter((commit) => commit !== head);
  if (head !== null && older.length > 0) {
    console.log(
      `Parity of ${page} is from ${older.map((commit) => commit?.slice(0, 7) ?? 'no commit').join(', ')}, not HEAD ${head.slice(0, 7)}: run npm test again`,
    );
  }
}
if (parity === undefined) console.log(`No parity results in ${dir}: npm test writes them.`);
