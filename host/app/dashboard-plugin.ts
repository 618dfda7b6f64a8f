import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { parityByPage } from '../../migration-plan/parity-by-page.ts';
import { DEFAULT_PARITY_DIR } from '../../migration-plan/parity-results.ts';
import { REFERENCE_PLAN } from '../../migration-plan/reference-plan.ts';
import { bundleDashboard, type DashboardAssets } from '../dashboard/bundle.ts';
import { dashboardCoverage } from '../dashboard/dashboard-coverage.ts';

/** Where the app's servers serve the migration dashboard. */
export const DASHBOARD_PATH = '/dashboard/';

export interface DashboardPluginOptions {
  /** Where the parity results are (default tests/output/parity, from the working directory). */
  readonly parityDir?: string;
}

/**
 * Serves the migration dashboard (host/dashboard/) at `/dashboard/` under `npm start` and
 * `vite preview`: the page, its bundled script and stylesheets as files (the app's CSP allows
 * `'self'` scripts and styles, and nothing inline), and `/dashboard/coverage.json`, the plan and
 * the parity results as they are on disk at each request. The page reads telemetry from
 * `/telemetry/*` on the same origin (telemetry-collector-plugin.ts). The script is bundled on the
 * first request and kept for the server's life.
 *
 * @example
 * // host/app/vite.config.ts
 * plugins: [contentSecurityPolicyPlugin(), ..., telemetryCollectorPlugin(), dashboardPlugin()],
 */
export function dashboardPlugin(options: DashboardPluginOptions = {}): Plugin {
  let assets: Promise<DashboardAssets> | undefined;
  const handler = dashboardMiddleware(() => {
    assets ??= bundleDashboard();
    return assets;
  }, options.parityDir ?? DEFAULT_PARITY_DIR);
  return {
    name: 'ficus-dashboard',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}

/** The dashboard's answers, or `next()` for every path outside it. */
function dashboardMiddleware(
  assets: () => Promise<DashboardAssets>,
  parityDir: string,
): Connect.NextHandleFunction {
  const send = (response: ServerResponse, type: string, body: string) => {
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(body);
  };
  return (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    if (path === DASHBOARD_PATH.slice(0, -1)) {
      response.writeHead(302, { location: DASHBOARD_PATH }).end();
      return;
    }
    if (!path.startsWith(DASHBOARD_PATH)) return next();
    const name = path.slice(DASHBOARD_PATH.length);
    if (name === 'coverage.json')
      return send(
        response,
        'application/json',
        JSON.stringify(dashboardCoverage(REFERENCE_PLAN, parityByPage(parityDir).parity)),
      );
    const file = FILES[name];
    if (file === undefined) {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`no dashboard file ${name}`);
      return;
    }
    assets().then(
      (loaded) => send(response, file.type, loaded[file.part]),
      (error: unknown) => next(error),
    );
  };
}

const FILES: Readonly<Record<string, { type: string; part: keyof DashboardAssets }>> = {
  '': { type: 'text/html', part: 'html' },
  'index.html': { type: 'text/html', part: 'html' },
  'dashboard.js': { type: 'text/javascript', part: 'js' },
  'dashboard.css': { type: 'text/css', part: 'css' },
  'uPlot.min.css': { type: 'text/css', part: 'uplotCss' },
};
