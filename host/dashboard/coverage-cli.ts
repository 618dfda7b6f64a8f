// `npm run coverage`: which pages run where, weighted by viewer time, whether each port matches
// its React page (the parity results the tests wrote) and what to port next. It lives in host/
// because --html composes the plan with telemetry (host/telemetry-collector), which the plan's
// own folder may not import.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { coverageReport, formatCoverage } from '../../migration-plan/coverage.ts';
import { DEFAULT_BASELINE_PATH } from '../../migration-plan/coverage-baseline.ts';
import { checkCoverage } from '../../migration-plan/coverage-check.ts';
import { weightsLine, withMeasuredWeights } from '../../migration-plan/measured-weights.ts';
import { parityByPage } from '../../migration-plan/parity-by-page.ts';
import { DEFAULT_PARITY_DIR } from '../../migration-plan/parity-results.ts';
import { REFERENCE_PLAN } from '../../migration-plan/reference-plan.ts';
import { DEFAULT_TELEMETRY_DB } from '../telemetry-collector/defaults.ts';
import { bundleDashboard } from './bundle.ts';
import { dashboardCoverage } from './dashboard-coverage.ts';
import { readTelemetry } from './read-telemetry.ts';
import { staticDashboardHtml } from './static-html.ts';

const USAGE = `usage: npm run coverage -- [--parity=DIR] [--check] [--weights=plan|measured] [--html FILE] [--collector URL | --db FILE]
  --parity=DIR     where the parity results are (default ${DEFAULT_PARITY_DIR})
  --weights=measured  weight pages by the viewer time telemetry measured, not the plan's usageWeight
  --check          fail when coverage fell below ${DEFAULT_BASELINE_PATH}; rewrite it when coverage rose
  --html FILE      write the dashboard as one self-contained HTML file, with telemetry from
  --collector URL  a running collector (e.g. http://127.0.0.1:5180), or
  --db FILE        the collector's database (default ${DEFAULT_TELEMETRY_DB})`;

let values: {
  parity?: string;
  check?: boolean;
  html?: string;
  collector?: string;
  db?: string;
  weights?: string;
};
try {
  ({ values } = parseArgs({
    options: {
      parity: { type: 'string' },
      check: { type: 'boolean' },
      html: { type: 'string' },
      collector: { type: 'string' },
      db: { type: 'string' },
      weights: { type: 'string' },
    },
  }));
  if (values.weights !== undefined && values.weights !== 'plan' && values.weights !== 'measured')
    throw new Error(`--weights is "plan" or "measured", not "${values.weights}"`);
  if (values.collector !== undefined && values.db !== undefined)
    throw new Error('--collector and --db both name where telemetry comes from: give one');
  if (
    values.html === undefined &&
    values.weights !== 'measured' &&
    (values.collector !== undefined || values.db !== undefined)
  )
    throw new Error('--collector and --db go with --html FILE or --weights=measured');
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

if (values.html !== undefined) {
  const telemetry = await readTelemetry({
    dbPath: values.db ?? DEFAULT_TELEMETRY_DB,
    ...(values.collector === undefined ? {} : { collectorUrl: values.collector }),
  });
  const html = staticDashboardHtml(await bundleDashboard(), {
    coverage: dashboardCoverage(REFERENCE_PLAN, parity),
    summary: telemetry.summary,
    timeline: telemetry.timeline,
    telemetryNote: telemetry.note,
  });
  writeFileSync(values.html, html);
  console.log(`coverage: wrote the dashboard to ${values.html}`);
  console.log(
    telemetry.note === null
      ? `  with telemetry of ${telemetry.summary.totals.sessions} sessions (${telemetry.summary.totals.events} events)`
      : `  without telemetry: ${telemetry.note}`,
  );
  if (parity === undefined) console.log(`  without parity results (none in ${dir}: npm test writes them)`);
  process.exit(0);
}

if (values.weights === 'measured') {
  const telemetry = await readTelemetry({
    dbPath: values.db ?? DEFAULT_TELEMETRY_DB,
    ...(values.collector === undefined ? {} : { collectorUrl: values.collector }),
  });
  if (telemetry.note !== null) {
    console.error(`coverage: --weights=measured needs telemetry: ${telemetry.note}`);
    process.exit(1);
  }
  const measured = withMeasuredWeights(
    REFERENCE_PLAN,
    telemetry.summary.rows,
    telemetry.summary.totals.sessions,
  );
  console.log(formatCoverage(coverageReport(measured.plan, parity)));
  console.log(weightsLine(measured.source));
  process.exit(0);
}

console.log(formatCoverage(report));
console.log(weightsLine({ kind: 'plan' }));

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
