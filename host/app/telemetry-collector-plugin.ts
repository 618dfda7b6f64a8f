import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger, Plugin } from 'vite';
import { apiError } from '../../bridge/api/error.ts';
import { DatabaseInUseError, databaseOwner } from '../telemetry-collector/db-owner.ts';
import { DEFAULT_TELEMETRY_DB } from '../telemetry-collector/defaults.ts';
import { COLLECTOR_PATHS, type RunningCollector, startCollector } from '../telemetry-collector/server.ts';

/** The dev server's path prefix for the collector's own endpoints: `/telemetry/summary` is its `/summary`. */
export const COLLECTOR_DEV_PREFIX = '/telemetry';

/** The meta tag that tells the page a collector is behind the dev server (host/app/main.ts reads it). */
export const COLLECTOR_META_NAME = 'ficus-telemetry-collector';

export interface TelemetryCollectorPluginOptions {
  /** The database of the collector it starts (default $FICUS_TELEMETRY_DB, else dist/telemetry/telemetry.sqlite). */
  readonly dbPath?: string;
  /**
   * A collector already running elsewhere to forward to instead of starting one (default
   * $FICUS_TELEMETRY_URL), e.g. a team's shared one: "http://10.0.0.5:5180".
   */
  readonly url?: string;
  /** false (or FICUS_TELEMETRY=off): no collector; msw keeps telemetry in the page as before. */
  readonly enabled?: boolean;
}

/**
 * `npm start`'s telemetry collector: the dev server starts one (host/telemetry-collector) on a free
 * port of this machine and forwards to it, from its own origin, `POST /api/telemetry` (the batches
 * the app sends) and `/telemetry/*` (`/telemetry/summary`, `/telemetry/events`, `/telemetry/health`).
 * The page still talks only to its own origin, so `connect-src 'self'` holds. The page is told by
 * a meta tag, and lets its telemetry pass msw through (host/app/main.ts); every other /api/ path is
 * still answered by the mock backend in the page.
 *
 * The collector's database outlives the dev server; if another collector already holds it
 * (`npm run telemetry` on the same file), the dev server forwards to that one. If no collector can
 * be had, the dev server starts all the same, says why, and the page keeps its batches (msw).
 *
 * @example
 * // host/app/vite.config.ts
 * plugins: [contentSecurityPolicyPlugin(), ..., telemetryCollectorPlugin()],
 */
export function telemetryCollectorPlugin(options: TelemetryCollectorPluginOptions = {}): Plugin {
  const enabled = options.enabled ?? process.env['FICUS_TELEMETRY'] !== 'off';
  /** Whether batches go to a collector (the page is told so); false if none could be had. */
  let active = false;
  let release: (() => Promise<void>) | undefined;
  const stop = async () => {
    const releasing = release;
    release = undefined;
    await releasing?.();
  };
  return {
    name: 'ficus-telemetry-collector',
    apply: 'serve',
    async configureServer(server) {
      if (!enabled) return;
      const log = server.config.logger;
      let target: string;
      try {
        target = await collectorUrl(options, log, (done) => {
          release = done;
        });
      } catch (error) {
        // The app must start anyway: its batches then stay in the page, as without a collector.
        log.warn(
          `telemetry: no collector (${error instanceof Error ? error.message : String(error)}); batches stay in the page`,
        );
        return;
      }
      active = true;
      server.middlewares.use((request, response, next) => {
        const path = forwardedPath(request);
        if (path === undefined) return next();
        forward(request, response, new URL(path, target));
      });
      server.httpServer?.once('close', () => void stop());
    },
    // `vite preview` (the built app) forwards only when told where a collector runs (the browser
    // tests start their own): it must never start one on the team's database by itself.
    configurePreviewServer(server) {
      const target = options.url ?? process.env['FICUS_TELEMETRY_URL'];
      if (!enabled || target === undefined || target === '') return;
      const index = join(server.config.build.outDir, 'index.html');
      server.config.logger.info(`telemetry: forwarding to the collector at ${target}`);
      server.middlewares.use((request, response, next) => {
        const path = forwardedPath(request);
        if (path !== undefined) return forward(request, response, new URL(path, target));
        if (!isPageRequest(request)) return next();
        // The built index.html has no meta tag (the build does not know of a collector): add it.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(withCollectorMeta(readFileSync(index, 'utf8')));
      });
    },
    transformIndexHtml: () =>
      active ? [{ tag: 'meta', attrs: { name: COLLECTOR_META_NAME, content: 'on' }, injectTo: 'head' }] : [],
    buildEnd: stop,
  };
}

interface SharedCollector {
  readonly collector: Promise<RunningCollector>;
  users: number;
}

/**
 * The collectors dev servers of this process started, by database, shared across Vite's restarts
 * (a config change starts the new server before closing the old one, and re-evaluates this
 * module): the new server uses the running collector, which closes when its last server does.
 */
const REGISTRY = Symbol.for('ficus.telemetry-collector-plugin.collectors');
const registry = globalThis as { [REGISTRY]?: Map<string, SharedCollector> };
registry[REGISTRY] ??= new Map();
const shared: Map<string, SharedCollector> = registry[REGISTRY];

function acquire(dbPath: string): { collector: Promise<RunningCollector>; release: () => Promise<void> } {
  let entry = shared.get(dbPath);
  if (entry === undefined) {
    const collector = startCollector({ dbPath, port: 0 });
    const created: SharedCollector = { collector, users: 0 };
    collector.catch(() => {
      if (shared.get(dbPath) === created) shared.delete(dbPath);
    });
    shared.set(dbPath, created);
    entry = created;
  }
  const held = entry;
  held.users++;
  let released = false;
  return {
    collector: held.collector,
    async release() {
      if (released) return;
      released = true;
      held.users--;
      if (held.users > 0 || shared.get(dbPath) !== held) return;
      shared.delete(dbPath);
      await (await held.collector).close();
    },
  };
}

/** The collector to forward to: the one named, the one holding the database, or a new one. */
async function collectorUrl(
  options: TelemetryCollectorPluginOptions,
  log: Logger,
  started: (release: () => Promise<void>) => void,
): Promise<string> {
  const named = options.url ?? process.env['FICUS_TELEMETRY_URL'];
  if (named !== undefined && named !== '') {
    log.info(`telemetry: forwarding to the collector at ${named}`);
    return named;
  }
  const dbPath = options.dbPath ?? process.env['FICUS_TELEMETRY_DB'] ?? DEFAULT_TELEMETRY_DB;
  const held = acquire(dbPath);
  try {
    const collector = await held.collector;
    started(held.release);
    const { events } = collector.store.counts();
    log.info(
      `telemetry: collector at ${collector.url}, database ${dbPath} (${events} events so far); ` +
        `summary at ${COLLECTOR_DEV_PREFIX}${COLLECTOR_PATHS.summary}`,
    );
    return collector.url;
  } catch (error) {
    const running = error instanceof DatabaseInUseError ? databaseOwner(dbPath)?.url : undefined;
    if (running === undefined) throw error;
    log.info(`telemetry: ${dbPath} is held by the collector at ${running}; forwarding to it`);
    return running;
  }
}

/** The collector path `request` goes to, or undefined when the dev server (or msw) answers it. */
function forwardedPath(request: IncomingMessage): string | undefined {
  const url = new URL(request.url ?? '/', 'http://dev');
  if (url.pathname === COLLECTOR_PATHS.batches) return `${url.pathname}${url.search}`;
  if (url.pathname.startsWith(`${COLLECTOR_DEV_PREFIX}/`))
    return `${url.pathname.slice(COLLECTOR_DEV_PREFIX.length)}${url.search}`;
  return undefined;
}

/** A navigation to one of the app's pages (the SPA's index.html), not a file. */
function isPageRequest(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  const last = new URL(request.url ?? '/', 'http://preview').pathname.split('/').at(-1) ?? '';
  return last === '' || last === 'index.html' || !last.includes('.');
}

/**
 * `html` with the collector meta tag at the end of its head.
 *
 * @example
 * withCollectorMeta('<head></head>'); // '<head><meta name="ficus-telemetry-collector" content="on"></head>'
 */
export function withCollectorMeta(html: string): string {
  if (!html.includes('</head>'))
    throw new Error('the built index.html has no </head> to put the collector meta tag in');
  return html.replace('</head>', () => `<meta name="${COLLECTOR_META_NAME}" content="on"></head>`);
}

/** Sends `request` on to `target` as it came, with who sent it, and its answer back as it came. */
function forward(request: IncomingMessage, response: ServerResponse, target: URL): void {
  // The dev server is the edge: who sent it is its peer, whatever the request claims.
  const headers = { ...request.headers, host: target.host, 'x-forwarded-for': request.socket.remoteAddress };
  const upstream = httpRequest(target, { method: request.method ?? 'GET', headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', (error) => {
    if (response.headersSent) return void response.destroy();
    response.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify(
        apiError(
          'collector-unreachable',
          `the telemetry collector at ${target.origin} did not answer: ${error.message}`,
        ),
      ),
    );
  });
  request.pipe(upstream);
}
