// `npm run coverage`: which pages run where, weighted by viewer time, and what to port next.
import { coverageReport, formatCoverage } from './coverage.ts';
import { REFERENCE_PLAN } from './reference-plan.ts';

console.log(formatCoverage(coverageReport(REFERENCE_PLAN)));
