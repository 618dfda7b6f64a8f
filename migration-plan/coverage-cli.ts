// `npm run coverage`: which pages run where, weighted by viewer time, whether each port matches
// its React page (the parity results the tests wrote) and what to port next.
//   --parity=<dir>   where the parity results are (default tests/output/parity)
import { execFileSync } from 'node:child_process';
import { coverageReport, formatCoverage } from './coverage.ts';
import { DEFAULT_PARITY_DIR, type PageParity, pageParity } from './parity-results.ts';
import type { PageId } from './plan-schema.ts';
import { readParityResults } from './read-parity-results.ts';
import { REFERENCE_PLAN } from './reference-plan.ts';

const dirArg = process.argv.slice(2).find((arg) => arg.startsWith('--parity='));
const unknownArg = process.argv.slice(2).find((arg) => !arg.startsWith('--parity='));
if (unknownArg !== undefined) {
  console.error(`coverage: unknown argument "${unknownArg}" (the only option is --parity=<dir>)`);
  process.exit(2);
}
const dir = dirArg?.slice('--parity='.length) ?? DEFAULT_PARITY_DIR;
const results = readParityResults(dir);
for (const problem of results.problems) console.error(`coverage: skipped ${problem}`);

const parity = new Map<PageId, PageParity>();
for (const [page, files] of results.byPage) parity.set(page, pageParity(files));

console.log(formatCoverage(coverageReport(REFERENCE_PLAN, results.byPage.size > 0 ? parity : undefined)));

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
for (const [page, result] of parity) {
  for (const name of result.failedRuns) console.log(`Parity fails, ${page}: ${name}`);
  const older = result.commits.filter((commit) => commit !== head);
  if (head !== null && older.length > 0) {
    console.log(
      `Parity of ${page} is from ${older.map((commit) => commit?.slice(0, 7) ?? 'no commit').join(', ')}, not HEAD ${head.slice(0, 7)}: run npm test again`,
    );
  }
}
if (results.byPage.size === 0) console.log(`No parity results in ${dir}: npm test writes them.`);
