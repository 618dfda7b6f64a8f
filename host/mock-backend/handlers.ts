import { delay, type HttpHandler, HttpResponse, http, type PathParams, passthrough } from 'msw';
import {
  API_OPERATIONS,
  type ApiEndpoint,
  apiError,
  describeIssue,
  type HomeResponse,
  type PlaybackInfo,
  type Profile,
  type ProfilesResponse,
  type ReleaseChannel,
  type RolloutConfig,
  RolloutConfigSchema,
  type Schema,
  type SearchResponse,
  type Setting,
  type SettingsResponse,
  TelemetryBatchSchema,
  type TitleDetails,
  UpdateSettingRequestSchema,
} from '../../bridge/index.ts';
import type { Catalog } from './catalog.ts';
import type { FailureMode, FailureRules } from './failure-rules.ts';
import { buildHomeFeed } from './home-feed.ts';
import {
  type ChannelChoice,
  ChannelError,
  type MockReleaseChannel,
  TAMPERED_MANIFEST_PATH,
} from './release-channel.ts';
import type { RolloutState } from './rollout-state.ts';
import { searchTitles } from './search.ts';
import type { SettingsStore } from './settings-store.ts';
import type { TelemetryLog } from './telemetry-log.ts';

/** The state one mock backend owns; handlers read and change only this. */
export interface BackendState {
  readonly catalog: Catalog;
  readonly settings: SettingsStore;
  readonly telemetry: TelemetryLog;
  readonly failures: FailureRules;
  /** What GET /api/rollout answers (mock-admin `PUT /mock/rollout` changes it). */
  readonly rollout: RolloutState;
  /** What GET /api/releases/channel answers (mock-admin `PUT /mock/releases/channel` changes it). */
  readonly releases: MockReleaseChannel;
}

type Resolver<Params extends PathParams> = (info: {
  readonly request: Request;
  readonly params: Params;
}) => Response | Promise<Response>;

/**
 * What the telemetry endpoint does with a batch: `keep` it in the backend's log (tests, and an app
 * with no collector), or let it `passthrough` to the network, where `npm start`'s dev server
 * forwards it to the telemetry collector (host/app/telemetry-collector-plugin.ts).
 */
export type TelemetryRoute = 'keep' | 'passthrough';

export interface HandlerOptions {
  /** Default `keep`. */
  readonly telemetry?: TelemetryRoute;
}

/** Where playback streams would live; the mock player only shows the URL. */
const STREAM_ORIGIN = 'https://stream.ficus.test';

/**
 * The msw handlers of every endpoint in {@link API_OPERATIONS}, answering from `state`. Paths
 * start with `*` so any origin works (`http://ficus.test/api/...` in tests, the dev server's
 * own origin in the browser). Unknown paths under `/api/` get a 404 with the error body.
 * Telemetry batches are kept in `state.telemetry`, or passed through (see {@link TelemetryRoute}).
 *
 * @example
 * const server = setupServer(...createHandlers(state));
 */
export function createHandlers(state: BackendState, options: HandlerOptions = {}): HttpHandler[] {
  const { catalog, settings, telemetry, failures, rollout, releases } = state;
  const titles = new Map<string, TitleDetails>(catalog.titles.map((title) => [title.id, title]));
  const profiles = new Map<string, Profile>(catalog.profiles.map((profile) => [profile.id, profile]));
  // A profile's home is a pure function of the catalog: build it once per profile.
  const homes = new Map<string, HomeResponse>();

  /** Applies the armed failure of `endpoint` for the request's method (if any) before the real answer. */
  const guarded =
    <Params extends PathParams>(endpoint: ApiEndpoint, resolve: Resolver<Params>): Resolver<Params> =>
    async (info) => {
      const failure = failures.take(endpoint, info.request.method);
      const injected = failure === undefined ? undefined : await injectFailure(endpoint, failure);
      return injected ?? resolve(info);
    };
  const route = (path: string): string => `*${path}`;
  const ops = API_OPERATIONS;

  return [
    http.get(
      route(ops.listProfiles.route),
      guarded('profiles', () => json<ProfilesResponse>({ profiles: catalog.profiles })),
    ),

    http.get(
      route(ops.getHome.route),
      guarded('home', ({ request }) => {
        const profileId = new URL(request.url).searchParams.get('profile');
        if (profileId === null || profileId === '') {
          return failure(400, 'bad-request', 'missing query parameter "profile"');
        }
        const profile = profiles.get(profileId);
        if (profile === undefined) return failure(404, 'not-found', `no profile with id ${quote(profileId)}`);
        let home = homes.get(profile.id);
        if (home === undefined) {
          home = buildHomeFeed(catalog, profile);
          homes.set(profile.id, home);
        }
        return json<HomeResponse>(home);
      }),
    ),

    http.get<{ id: string }>(
      route(ops.getTitle.route),
      guarded('title', ({ params }) => {
        const title = titles.get(params.id);
        return title === undefined ? noSuchTitle(params.id) : json<TitleDetails>(title);
      }),
    ),

    http.get(
      route(ops.search.route),
      guarded('search', ({ request }) => {
        const query = new URL(request.url).searchParams.get('q') ?? '';
        return json<SearchResponse>({ query, results: searchTitles(catalog.titles, query) });
      }),
    ),

    http.get(
      route(ops.listSettings.route),
      guarded('settings', () => json<SettingsResponse>({ settings: settings.list() })),
    ),

    http.put<{ id: string }>(
      route(ops.updateSetting.route),
      guarded('settings', async ({ request, params }) => {
        if (!settings.has(params.id)) {
          return failure(404, 'not-found', `no setting with id ${quote(params.id)}`);
        }
        const body = await readBody(request, UpdateSettingRequestSchema);
        if (!body.ok) return body.response;
        const updated = settings.update(params.id, body.value.value);
        return updated === undefined
          ? failure(404, 'not-found', `no setting with id ${quote(params.id)}`)
          : json<Setting>(updated);
      }),
    ),

    http.get<{ id: string }>(
      route(ops.getPlayback.route),
      guarded('playback', ({ params }) => {
        const title = titles.get(params.id);
        if (title === undefined) return noSuchTitle(params.id);
        return json<PlaybackInfo>({
          titleId: title.id,
          title: title.title,
          durationSeconds: title.durationMinutes * 60,
          streamUrl: `${STREAM_ORIGIN}/${encodeURIComponent(title.id)}/master.m3u8`,
        });
      }),
    ),

    http.post(
      route(ops.sendTelemetry.route),
      guarded('telemetry', async ({ request }) => {
        // Armed failures still apply first: ?fail=telemetry:500 works with a collector too.
        if (options.telemetry === 'passthrough') return passthrough();
        const body = await readBody(request, TelemetryBatchSchema);
        if (!body.ok) return body.response;
        telemetry.add(body.value.events);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      route(ops.getRollout.route),
      guarded('rollout', () => json<RolloutConfig>(rollout.get())),
    ),

    http.get(
      route(ops.getReleaseChannel.route),
      guarded('releases', async ({ request }) => {
        const name = new URL(request.url).searchParams.get('name') ?? 'stable';
        if (name !== 'stable')
          return failure(404, 'not-found', `no release channel ${quote(name)} (the mock has "stable")`);
        try {
          return json<ReleaseChannel>(await releases.current());
        } catch (error) {
          if (error instanceof ChannelError) return failure(404, 'not-found', error.message);
          throw error;
        }
      }),
    ),

    // Mock-admin, not part of the API (pages cannot ask for them): what a lead's console would
    // change on a real backend. Tests and `npm start` users call them with fetch.
    http.get(`*${TAMPERED_MANIFEST_PATH}`, async () => {
      try {
        return HttpResponse.json(await releases.tamperedManifest());
      } catch (error) {
        if (error instanceof ChannelError) return failure(404, 'not-found', error.message);
        throw error;
      }
    }),
    http.put('*/mock/rollout', async ({ request }) => {
      const body = await readBody(request, RolloutConfigSchema);
      if (!body.ok) return body.response;
      rollout.set(body.value);
      return json<RolloutConfig>(rollout.get());
    }),
    http.put('*/mock/releases/channel', async ({ request }) => {
      const body: unknown = await request.json().catch(() => undefined);
      const choice = channelChoice(body);
      if (choice === undefined) {
        return failure(
          400,
          'bad-request',
          'expected {"serve":"latest"}, {"serve":"tampered"} or {"serve":"r-<12 hex>"}',
        );
      }
      releases.choose(choice);
      try {
        return json<ReleaseChannel>(await releases.current());
      } catch (error) {
        if (error instanceof ChannelError) return failure(404, 'not-found', error.message);
        throw error;
      }
    }),

    // Last: anything else under /api/ is a typo or a missing endpoint; say so in the error shape.
    // Matched on the path's start (not `*/api/*`) so app files like /bridge/api/paths.ts pass by.
    http.all(
      ({ request }) => new URL(request.url).pathname.startsWith('/api/'),
      ({ request }) =>
        failure(404, 'not-found', `no endpoint ${request.method} ${new URL(request.url).pathname}`),
    ),
  ];
}

async function injectFailure(endpoint: ApiEndpoint, mode: FailureMode): Promise<Response | undefined> {
  switch (mode.kind) {
    case 'status':
      return failure(
        mode.status,
        'injected-failure',
        `${endpoint} is set to fail with status ${mode.status}`,
      );
    case 'delay':
      await delay(mode.ms);
      return undefined;
    case 'malformed':
      // Cut off mid-object: what a proxy that dropped the connection mid-body would deliver.
      return new HttpResponse('{"injected": "malformed", "data": [', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    case 'network':
      return HttpResponse.error();
  }
}

/** `{ serve: 'latest' | 'tampered' | <release id> }` as a channel choice, else undefined. */
function channelChoice(body: unknown): ChannelChoice | undefined {
  const serve = typeof body === 'object' && body !== null ? (body as { serve?: unknown }).serve : undefined;
  if (serve === 'latest' || serve === 'tampered') return { kind: serve };
  if (typeof serve === 'string' && /^r-[0-9a-f]{12}$/.test(serve)) return { kind: 'release', release: serve };
  return undefined;
}

function json<T extends Record<string, unknown>>(body: T, status = 200): Response {
  return HttpResponse.json(body, { status });
}

function failure(status: number, code: string, message: string): Response {
  return HttpResponse.json(apiError(code, message), { status });
}

function noSuchTitle(id: string): Response {
  return failure(404, 'not-found', `no title with id ${quote(id)}`);
}

/** Quotes a client-supplied value for an error message, cut short so a huge one cannot flood logs. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
}

type BodyResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly response: Response };

/** Reads and validates a JSON request body; a bad one becomes a 400 that says what is wrong. */
async function readBody<T>(request: Request, schema: Schema<T>): Promise<BodyResult<T>> {
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return { ok: false, response: failure(400, 'bad-request', 'the request body is not valid JSON') };
  }
  const result = schema.check(input);
  return result.ok
    ? { ok: true, value: result.value }
    : {
        ok: false,
        response: failure(400, 'bad-request', `the request body is malformed ${describeIssue(result.issue)}`),
      };
}
