import { ReleaseChannelSchema } from '../release-manifest.ts';
import type { Schema } from '../schema.ts';
import { HomeResponseSchema } from './home.ts';
import { PlaybackInfoSchema } from './playback.ts';
import { ProfilesResponseSchema } from './profiles.ts';
import { RolloutConfigSchema } from './rollout.ts';
import { SearchResponseSchema } from './search.ts';
import { SettingSchema, SettingsResponseSchema, UpdateSettingRequestSchema } from './settings.ts';
import { TelemetryBatchSchema } from './telemetry.ts';
import { TitleDetailsSchema } from './title-details.ts';

/**
 * The backend's endpoints by name. A name groups the operations on one resource ("settings" is
 * both the GET and the PUT), which is the unit a test makes misbehave.
 */
export const API_ENDPOINTS = [
  'profiles',
  'home',
  'title',
  'search',
  'settings',
  'playback',
  'telemetry',
  'rollout',
  'releases',
] as const;
export type ApiEndpoint = (typeof API_ENDPOINTS)[number];

/**
 * The HTTP methods an operation may have, and a WASM page may ask the host for (ABI v2). DELETE
 * is part of the vocabulary although no operation declares it yet: a page's DELETE is refused
 * like any request for an undeclared endpoint.
 */
export const API_METHODS = ['GET', 'PUT', 'POST', 'DELETE'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export interface ApiOperation {
  readonly endpoint: ApiEndpoint;
  readonly method: ApiMethod;
  /** The path pattern under the API's origin (`:name` is a path segment), as msw and docs spell it. */
  readonly route: string;
  /** Query parameters it reads; a missing required one is a 400. */
  readonly query: Readonly<Record<string, 'required' | 'optional'>>;
  /** The JSON body it accepts, or null when it takes none. */
  readonly request: Schema<unknown> | null;
  /** The JSON body of a success, or null for 204 No Content. */
  readonly response: Schema<unknown> | null;
  /** Statuses it answers with besides success, each with an {@link ApiError} body. */
  readonly errors: readonly number[];
}

/**
 * Every operation of the backend: the table the mock backend implements and the tests walk.
 * Build concrete URLs with {@link apiPaths}.
 */
export const API_OPERATIONS = {
  listProfiles: {
    endpoint: 'profiles',
    method: 'GET',
    route: '/api/profiles',
    query: {},
    request: null,
    response: ProfilesResponseSchema,
    errors: [],
  },
  getHome: {
    endpoint: 'home',
    method: 'GET',
    route: '/api/home',
    query: { profile: 'required' },
    request: null,
    response: HomeResponseSchema,
    errors: [400, 404],
  },
  getTitle: {
    endpoint: 'title',
    method: 'GET',
    route: '/api/titles/:id',
    query: {},
    request: null,
    response: TitleDetailsSchema,
    errors: [404],
  },
  search: {
    endpoint: 'search',
    method: 'GET',
    route: '/api/search',
    query: { q: 'optional' },
    request: null,
    response: SearchResponseSchema,
    errors: [],
  },
  listSettings: {
    endpoint: 'settings',
    method: 'GET',
    route: '/api/settings',
    query: {},
    request: null,
    response: SettingsResponseSchema,
    errors: [],
  },
  updateSetting: {
    endpoint: 'settings',
    method: 'PUT',
    route: '/api/settings/:id',
    query: {},
    request: UpdateSettingRequestSchema,
    response: SettingSchema,
    errors: [400, 404],
  },
  getPlayback: {
    endpoint: 'playback',
    method: 'GET',
    route: '/api/playback/:id',
    query: {},
    request: null,
    response: PlaybackInfoSchema,
    errors: [404],
  },
  sendTelemetry: {
    endpoint: 'telemetry',
    method: 'POST',
    route: '/api/telemetry',
    query: {},
    request: TelemetryBatchSchema,
    response: null,
    errors: [400],
  },
  /** The rollout and kill switches the backend wants now (read at start, then now and then). */
  getRollout: {
    endpoint: 'rollout',
    method: 'GET',
    route: '/api/rollout',
    query: {},
    request: null,
    response: RolloutConfigSchema,
    errors: [],
  },
  /** Which WASM release a channel serves (read at start). */
  getReleaseChannel: {
    endpoint: 'releases',
    method: 'GET',
    route: '/api/releases/channel',
    query: { name: 'optional' },
    request: null,
    response: ReleaseChannelSchema,
    errors: [404],
  },
} as const satisfies Record<string, ApiOperation>;
export type ApiOperationName = keyof typeof API_OPERATIONS;
