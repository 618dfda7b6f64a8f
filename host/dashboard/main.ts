// The migration dashboard's page script: live under `npm start` (/dashboard/, refreshed every
// REFRESH_MS), or the static snapshot `npm run coverage -- --html FILE` writes (data embedded).

import type { DashboardData } from './dashboard-schemas.ts';
import { EMBEDDED_DATA_ID, embeddedDashboardData, fetchDashboardData } from './load-data.ts';
import { renderDashboard } from './render.ts';
import { ShareChart } from './share-chart.ts';

/** How often the live page reads the plan and telemetry again. */
const REFRESH_MS = 10_000;

const root = document.querySelector<HTMLElement>('[data-dashboard="root"]');
const chartBox = document.querySelector<HTMLElement>('[data-dashboard="chart"]');
const status = document.querySelector<HTMLElement>('[data-dashboard="status"]');
if (root === null || chartBox === null || status === null)
  throw new Error('the dashboard page needs [data-dashboard="root"], "chart" and "status" elements');
const chart = new ShareChart(chartBox);

function show(data: DashboardData): void {
  renderDashboard(root as HTMLElement, data);
  if (data.timeline === null || data.timeline.buckets.length === 0) {
    chartBox?.setAttribute('data-empty', '');
    chartBox?.replaceChildren();
    const empty = document.createElement('p');
    empty.textContent = 'No viewer time recorded yet: the chart appears once the app has sent telemetry.';
    chartBox?.append(empty);
    chartEmpty = true;
  } else {
    if (chartEmpty) chartBox?.replaceChildren();
    chartEmpty = false;
    chartBox?.removeAttribute('data-empty');
    chart.update(data.timeline, data.coverage.wasmUsageShare);
  }
}
let chartEmpty = false;

const embedded = document.getElementById(EMBEDDED_DATA_ID);
if (embedded !== null) {
  show(embeddedDashboardData(embedded.textContent ?? ''));
  status.textContent = 'A snapshot written by npm run coverage -- --html (not live).';
} else {
  let refreshes = 0;
  const refresh = async () => {
    try {
      show(await fetchDashboardData((url) => fetch(url, { cache: 'no-store' })));
      refreshes++;
      status.dataset['refreshes'] = String(refreshes);
      status.textContent = `Live: read ${new Date().toLocaleTimeString()}, again every ${REFRESH_MS / 1000} s.`;
    } catch (error) {
      status.textContent = `Could not read the dashboard's data: ${error instanceof Error ? error.message : String(error)}`;
    }
    setTimeout(() => void refresh(), REFRESH_MS);
  };
  void refresh();
}
