import {
  type DashboardRow,
  dashboardRows,
  type LatencyCell,
  measuredWasmShare,
  unplannedPages,
} from './dashboard-rows.ts';
import type { DashboardData } from './dashboard-schemas.ts';
import { durationText, msText, percentText, rolloutText } from './format.ts';

/**
 * Draws the dashboard's text into `root` (everything but the chart): the summary lines, the next
 * step, one table row per page and the telemetry notes. Text is set as text, never HTML. Hooks for
 * tests: `data-dashboard="…"` on each part, `data-page` on rows, `data-cell` on cells, and on each
 * latency line `data-world`, `data-release`, `data-p50`, `data-p95`, `data-samples`.
 *
 * @example
 * renderDashboard(document.querySelector('#dashboard')!, data);
 */
export function renderDashboard(root: HTMLElement, data: DashboardData): void {
  const { coverage, summary } = data;
  const part = (name: string) => {
    const found = root.querySelector<HTMLElement>(`[data-dashboard="${name}"]`);
    if (found === null) throw new Error(`the dashboard page has no element [data-dashboard="${name}"]`);
    return found;
  };
  part('summary').replaceChildren(
    line(coverage.summary),
    line(coverage.ports),
    line(
      summary === null
        ? `Telemetry: none (${data.telemetryNote ?? 'no collector'})`
        : `Telemetry: ${summary.totals.sessions} sessions, ${summary.totals.events} events; WASM served ${percentText(measuredWasmShare(summary))} of measured viewer time (the plan intends ${percentText(coverage.wasmUsageShare)}).`,
      'telemetry',
    ),
  );
  const next = coverage.next;
  part('next').replaceChildren(
    line(
      next.page === null
        ? `Next: nothing: ${next.why}.`
        : `Next: ${NEXT_VERB[next.kind]} ${next.page}, because ${next.why}.`,
    ),
  );
  part('rows').replaceChildren(...dashboardRows(coverage, summary).map(tableRow));
  const notes = [
    ...(summary?.notes ?? []),
    ...(data.timeline?.notes ?? []),
    ...(summary === null
      ? []
      : unplannedPages(coverage, summary).map(
          (page) => `telemetry names page "${page}", which the plan does not`,
        )),
    ...coverage.pages.flatMap((page) => page.knownGaps.map((gap) => `known gap, ${page.page}: ${gap}`)),
  ];
  part('notes').replaceChildren(...notes.map((note) => line(note)));
}

/** How the next step reads before its page. */
const NEXT_VERB = {
  port: 'port',
  'roll-out': 'roll out',
  'fix-parity': 'fix the parity of',
  done: '',
} as const;

function tableRow(row: DashboardRow): HTMLTableRowElement {
  const { plan, measured } = row;
  const tr = document.createElement('tr');
  tr.dataset['page'] = plan.page;
  const cell = (name: string, content: string | Node) => {
    const td = document.createElement('td');
    td.dataset['cell'] = name;
    if (typeof content === 'string') td.textContent = content;
    else td.append(content);
    tr.append(td);
  };
  const dash = '-';
  cell('page', plan.page);
  cell('worlds', plan.worlds.join(', '));
  cell('rollout', rolloutText(plan));
  cell('owner', plan.owner ?? dash);
  cell('usage', `${plan.usageWeight} (${percentText(plan.usageShare)})`);
  cell('parity', plan.worlds.includes('wasm') ? plan.parity : dash);
  cell('served', measured === null ? dash : `${measured.served} (${durationText(measured.viewerTimeMs)})`);
  cell('crashes', measured === null ? dash : String(measured.crashes));
  cell('fallbacks', measured === null ? dash : String(measured.fallbacks));
  cell('latency', measured === null || measured.latency.length === 0 ? dash : latencyList(measured.latency));
  return tr;
}

function latencyList(cells: readonly LatencyCell[]): HTMLUListElement {
  const list = document.createElement('ul');
  for (const cell of cells) {
    const item = document.createElement('li');
    item.dataset['world'] = cell.world;
    item.dataset['release'] = cell.release ?? '';
    item.dataset['p50'] = String(cell.p50Ms);
    item.dataset['p95'] = String(cell.p95Ms);
    item.dataset['samples'] = String(cell.samples);
    const release = cell.release === null ? '' : ` (${cell.release})`;
    item.textContent = `${cell.world}${release}: p50 ${msText(cell.p50Ms)}, p95 ${msText(cell.p95Ms)}, ${cell.samples} keys`;
    list.append(item);
  }
  return list;
}

function line(text: string, name?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (name !== undefined) p.dataset['dashboard'] = name;
  return p;
}
