/**
 * The backend API contract: each request and response declared once (type + validator), the
 * endpoint table and the URL builders shared by pages and the mock backend.
 */
export * from './endpoints.ts';
export * from './error.ts';
export * from './home.ts';
export * from './ids.ts';
export * from './load.ts';
export * from './parse-request.ts';
export * from './parse-request-path.ts';
export * from './paths.ts';
export * from './playback.ts';
export * from './profiles.ts';
export * from './rollout.ts';
export * from './search.ts';
export * from './settings.ts';
export * from './telemetry.ts';
export * from './title-details.ts';
export * from './title-summary.ts';
