// Global setup of the browser tests: serves the built app (dist/app, made by `npm run build`)
// on a free localhost port with Vite's preview server, which falls back to index.html for deep links.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Serves dist/app on a free localhost port; the soak uses it too.
 *
 * @example
 * const app = await serveBuiltApp();
 * await page.goto(app.url);
 * await app.close();
 */
export async function serveBuiltApp(): Promise<{ readonly url: string; close(): Promise<void> }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(`${root}dist/app/index.html`)) {
    throw new Error('dist/app is missing: run `npm run build` first (npm run test:e2e does)');
  }
  const server = await preview({
    configFile: `${root}host/app/vite.config.ts`,
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the preview server did not report its URL');
  return { url, close: () => server.close() };
}

export default async function serve(project: TestProject): Promise<() => Promise<void>> {
  const app = await serveBuiltApp();
  project.provide('appUrl', app.url);
  return () => app.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
