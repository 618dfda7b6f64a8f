/** Every endpoint lives under this path on the API's origin. */
export const API_PREFIX = '/api';

const segment = encodeURIComponent;

/**
 * Builds the path (with query) of each endpoint, relative to the API's origin, so pages and the
 * mock backend spell URLs the same way. Resolve against a base with `new URL(path, base)`.
 *
 * @example
 * apiPaths.home('p1');            // "/api/home?profile=p1"
 * apiPaths.title('t0042');        // "/api/titles/t0042"
 * apiPaths.search('dark & co');   // "/api/search?q=dark%20%26%20co"
 * new URL(apiPaths.profiles(), 'http://ficus.test').href; // "http://ficus.test/api/profiles"
 */
export const apiPaths = {
  profiles: (): string => `${API_PREFIX}/profiles`,
  home: (profileId: string): string => `${API_PREFIX}/home?profile=${segment(profileId)}`,
  title: (titleId: string): string => `${API_PREFIX}/titles/${segment(titleId)}`,
  search: (query: string): string => `${API_PREFIX}/search?q=${segment(query)}`,
  settings: (): string => `${API_PREFIX}/settings`,
  /** PUT here with an {@link UpdateSettingRequest} body. */
  setting: (settingId: string): string => `${API_PREFIX}/settings/${segment(settingId)}`,
  playback: (titleId: string): string => `${API_PREFIX}/playback/${segment(titleId)}`,
  telemetry: (): string => `${API_PREFIX}/telemetry`,
  rollout: (): string => `${API_PREFIX}/rollout`,
  releaseChannel: (name: string): string => `${API_PREFIX}/releases/channel?name=${segment(name)}`,
} as const;
