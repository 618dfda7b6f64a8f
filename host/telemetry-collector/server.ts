import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiError } from '../../bridge/api/error.ts';
import { apiPaths } from '../../bridge/api/paths.ts';
import { TELEMETRY_BATCH_LIMIT, TelemetryBatchSchema } from '../../bridge/api/telemetry.ts';
import { describeIssue } from '../../bridge/schema.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { TelemetryStore } from './store.ts';
import { summarizeStore } from './summary.ts';
import { TimelineRangeError, timelineOfStore } from './timeline.ts';

/**
 * The largest request body taken, in bytes: a full batch of {@link TELEMETRY_BATCH_LIMIT} events
 * as the host sends them is well under it (its strings are cut to 200 characters).
 */
export const TELEMETRY_BODY_LIMIT_BYTES = 1024 * 1024;

/** Where the collector answers, besides the contract's POST /api/telemetry. */
export const COLLECTOR_PATHS = {
  /** POST: a batch, as the bridge's telemetry contract declares it; 204 when stored. */
  batches: apiPaths.telemetry(),
  /** GET: the summary per page × world × release (see summary.ts). */
  summary: '/summary',
  /** GET: stored events, oldest first: `?after=<id>&limit=<n ≤ 5000>`; answers `{ events, next }`. */
  events: '/events',
  /**
   * GET: viewer time WASM served and all viewer time per bucket of wall-clock time (timeline.ts):
   * `?bucket=<ms>` (1000 to 30 days; absent picks a size giving at most 240 buckets).
   */
  timeline: '/timeline',
  /** GET: `{ ok: true, batches, events }`. */
  health: '/health',
} as const;

export interface CollectorHandlerOptions {
  readonly store: TelemetryStore;
  /** The collector's clock (ms since the epoch): batch receipt times and the rate limit. */
  readonly now?: () => number;
  readonly rateLimit?: RateLimitOptions;
  readonly maxBodyBytes?: number;
}

/**
 * The collector's HTTP answers, for node:http (or a dev server's middleware):
 * - `POST /api/telemetry`: validates the body with the bridge's TelemetryBatchSchema and stores it
 *   whole; 204. Refusals say why in the API's error shape and store nothing: 413 for a body over
 *   {@link TELEMETRY_BODY_LIMIT_BYTES} or more than {@link TELEMETRY_BATCH_LIMIT} events, 400 for
 *   a body that is not JSON or not a batch (naming the field: `at .events[2].at: expected ...`),
 *   429 with Retry-After for a client over its rate, 503 when the database cannot take it.
 * - `GET /summary`, `GET /timeline`, `GET /events`, `GET /health` (see {@link COLLECTOR_PATHS}).
 *
 * A client is the sending address; behind a proxy on this machine (the dev server), the first
 * address of X-Forwarded-For, which such a proxy sets.
 *
 * @example
 * const handle = createCollectorHandler({ store: TelemetryStore.open('t.sqlite') });
 * createServer(handle).listen(5180);
 */
export function createCollectorHandler(
  options: CollectorHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { store } = options;
  const now = options.now ?? Date.now;
  const limiter = new RateLimiter(options.rateLimit);
  const maxBytes = options.maxBodyBytes ?? TELEMETRY_BODY_LIMIT_BYTES;

  const receive = async (request: IncomingMessage, response: ServerResponse) => {
    const client = clientOf(request);
    const rate = limiter.take(client, now());
    if (!rate.ok) {
      request.resume();
      return refuse(response, 429, 'too-many-requests', `${client} sends faster than the collector takes`, {
        'retry-after': String(rate.retryAfterSeconds),
      });
    }
    const body = await readBody(request, maxBytes);
    if (body.kind === 'too-large')
      return refuse(
        response,
        413,
        'too-large',
        `the body is ${body.bytes} bytes or more; at most ${maxBytes} are taken`,
      );
    if (body.kind === 'aborted') return;
    let input: unknown;
    try {
      input = JSON.parse(body.text);
    } catch {
      return refuse(response, 400, 'bad-request', 'the request body is not valid JSON');
    }
    const events = (input as { events?: unknown } | null)?.events;
    if (Array.isArray(events) && events.length > TELEMETRY_BATCH_LIMIT)
      return refuse(
        response,
        413,
        'too-large',
        `the batch has ${events.length} events; at most ${TELEMETRY_BATCH_LIMIT} (TELEMETRY_BATCH_LIMIT) are taken`,
      );
    const batch = TelemetryBatchSchema.check(input);
    if (!batch.ok)
      return refuse(response, 400, 'bad-request', `the batch is malformed ${describeIssue(batch.issue)}`);
    try {
      store.append(batch.value.events, { client, receivedAt: now() });
    } catch (error) {
      return refuse(
        response,
        503,
        'store-unavailable',
        `the telemetry store did not take the batch (nothing of it was stored): ${messageOf(error)}`,
      );
    }
    response.writeHead(204).end();
  };

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://collector');
    const method = request.method ?? 'GET';
    const route = Object.values(COLLECTOR_PATHS).find((path) => path === url.pathname);
    if (route === undefined) {
      request.resume();
      return refuse(response, 404, 'not-found', `no endpoint ${method} ${url.pathname}`);
    }
    const allowed = route === COLLECTOR_PATHS.batches ? 'POST' : 'GET';
    if (method !== allowed) {
      request.resume();
      return refuse(response, 405, 'method-not-allowed', `${url.pathname} takes ${allowed}, not ${method}`, {
        allow: allowed,
      });
    }
    switch (route) {
      case COLLECTOR_PATHS.batches:
        return receive(request, response);
      case COLLECTOR_PATHS.summary:
        return json(response, 200, summarizeStore(store, now()));
      case COLLECTOR_PATHS.timeline: {
        const bucket = integerParam(url, 'bucket', 1000, MAX_BUCKET_MS, 0);
        if (typeof bucket === 'string') return refuse(response, 400, 'bad-request', bucket);
        try {
          return json(response, 200, timelineOfStore(store, now(), bucket === 0 ? undefined : bucket));
        } catch (error) {
          if (error instanceof TimelineRangeError) return refuse(response, 400, 'bad-request', error.message);
          throw error;
        }
      }
      case COLLECTOR_PATHS.health:
        return json(response, 200, { ok: true, ...store.counts() });
      case COLLECTOR_PATHS.events: {
        const after = integerParam(url, 'after', 0, Number.MAX_SAFE_INTEGER, 0);
        const limit = integerParam(url, 'limit', 1, 5000, 1000);
        if (typeof after === 'string' || typeof limit === 'string')
          return refuse(response, 400, 'bad-request', [after, limit].filter(isText).join('; '));
        const events = store.events({ after, limit });
        return json(response, 200, { events, next: events.at(-1)?.id ?? after });
      }
    }
  };

  return (request, response) => {
    void Promise.resolve()
      .then(() => answer(request, response))
      .catch((error: unknown) => {
        // A bug of ours, not the sender's: say so, keep serving.
        console.error(`telemetry collector: ${request.method} ${request.url} failed:`, error);
        if (!response.headersSent) refuse(response, 500, 'internal', messageOf(error));
        else response.destroy();
      });
  };
}

export interface CollectorOptions extends Omit<CollectorHandlerOptions, 'store'> {
  /** The SQLite file; created (with its folder) if missing. */
  readonly dbPath: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Default 127.0.0.1 (this machine only); 0.0.0.0 lets a team's devices reach it. */
  readonly host?: string;
}

export interface RunningCollector {
  /** Its base URL, e.g. "http://127.0.0.1:5180". */
  readonly url: string;
  readonly port: number;
  readonly store: TelemetryStore;
  /** Stops taking requests, closes the database and gives up its claim (at once); resolves once the server has closed. */
  close(): Promise<void>;
}

/**
 * Opens the database and serves the collector on `port` until `close()`.
 *
 * @example
 * const collector = await startCollector({ dbPath: 'dist/telemetry/telemetry.sqlite', port: 5180 });
 * console.log(`POST batches to ${collector.url}/api/telemetry`);
 * await collector.close();
 */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const store = TelemetryStore.open(options.dbPath);
  const server = createServer(createCollectorHandler({ ...options, store }));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  store.publish(url);
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    store,
    close() {
      if (closed === undefined) {
        closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        // At once, not when the server has closed: a process exiting right after close() (a dev
        // server's SIGTERM) has still closed its database and given up its claim.
        store.close();
      }
      return closed;
    },
  };
}

type Body =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'aborted' };

/**
 * The request body as text, or too-large as soon as its declared or received size passes `max`
 * (the rest is drained unread, so the sender still gets the answer).
 */
function readBody(request: IncomingMessage, max: number): Promise<Body> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    request.resume();
    return Promise.resolve({ kind: 'too-large', bytes: declared });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (over) return;
      if (bytes > max) {
        over = true;
        chunks.length = 0;
        resolve({ kind: 'too-large', bytes });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', () => resolve({ kind: 'aborted' }));
    request.on('aborted', () => resolve({ kind: 'aborted' }));
  });
}

/** The largest timeline bucket taken: 30 days. */
const MAX_BUCKET_MS = 30 * 86_400_000;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function clientOf(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  // Only a proxy on this machine is trusted to say who it forwards for.
  return LOOPBACK.has(peer) && first !== undefined && first !== '' ? first.slice(0, 100) : peer;
}

/** An integer query parameter within bounds, `fallback` when absent, or why it is refused. */
function integerParam(url: URL, name: string, min: number, max: number, fallback: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max
    ? value
    : `query parameter "${name}" must be an integer from ${min} to ${max}, got ${JSON.stringify(raw.slice(0, 40))}`;
}

const isText = (value: unknown): value is string => typeof value === 'string';

function json(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

function refuse(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(apiError(code, message)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
