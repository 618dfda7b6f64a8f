import { fileURLToPath } from 'node:url';

/**
 * Where the collector keeps its database unless told otherwise: under dist/ (ignored by git),
 * which no build empties (`vite build` empties dist/app only), so data outlives builds and restarts.
 */
export const DEFAULT_TELEMETRY_DB = fileURLToPath(
  new URL('../../dist/telemetry/telemetry.sqlite', import.meta.url),
);

/** The port `npm run telemetry` listens on unless told otherwise (the app's dev server is 5173). */
export const DEFAULT_TELEMETRY_PORT = 5180;
