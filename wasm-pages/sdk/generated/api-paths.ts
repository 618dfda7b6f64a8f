// generated from bridge/api/paths.ts by wasm-pages/build/generate-constants.ts; do not edit.
// `npm run build:wasm` rewrites it when a source changes, and a unit test fails while it is stale.

/**
 * The path (with query) of each backend endpoint, spelled as bridge/api builds it for the React
 * pages and the mock backend: pass one to requestData.
 *
 * @example
 * requestData(apiPaths.home(profileId), onHome);
 */
export namespace apiPaths {
  /** "/api/profiles" (apiPaths.profiles of bridge/api/paths.ts). */
  export function profiles(): string {
    return "/api/profiles";
  }
  /** "/api/home?profile=<profileId>" (apiPaths.home of bridge/api/paths.ts). */
  export function home(profileId: string): string {
    return "/api/home?profile=" + encodeURIComponent(profileId);
  }
  /** "/api/titles/<titleId>" (apiPaths.title of bridge/api/paths.ts). */
  export function title(titleId: string): string {
    return "/api/titles/" + encodeURIComponent(titleId);
  }
  /** "/api/search?q=<query>" (apiPaths.search of bridge/api/paths.ts). */
  export function search(query: string): string {
    return "/api/search?q=" + encodeURIComponent(query);
  }
  /** "/api/settings" (apiPaths.settings of bridge/api/paths.ts). */
  export function settings(): string {
    return "/api/settings";
  }
  /** "/api/settings/<settingId>" (apiPaths.setting of bridge/api/paths.ts). */
  export function setting(settingId: string): string {
    return "/api/settings/" + encodeURIComponent(settingId);
  }
  /** "/api/playback/<titleId>" (apiPaths.playback of bridge/api/paths.ts). */
  export function playback(titleId: string): string {
    return "/api/playback/" + encodeURIComponent(titleId);
  }
  /** "/api/telemetry" (apiPaths.telemetry of bridge/api/paths.ts). */
  export function telemetry(): string {
    return "/api/telemetry";
  }
  /** "/api/rollout" (apiPaths.rollout of bridge/api/paths.ts). */
  export function rollout(): string {
    return "/api/rollout";
  }
  /** "/api/releases/channel?name=<name>" (apiPaths.releaseChannel of bridge/api/paths.ts). */
  export function releaseChannel(name: string): string {
    return "/api/releases/channel?name=" + encodeURIComponent(name);
  }
}
