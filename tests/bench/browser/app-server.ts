import { existsSync } from 'node:fs';
import { preview } from 'vite';

/** The production build served on localhost, and how to stop it. */
export interface AppServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4173`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `dist/app` with Vite's preview server (which falls back to index.html for deep links) on a
 * free localhost port. Service workers and module workers need a real origin, not `data:`/`file:`.
 *
 * @example
 * const server = await serveBuiltApp('/work/main/');
 * try { await page.goto(`${server.url}/collections?profile=p1`); } finally { await server.close(); }
 */
export async function serveBuiltApp(root: string): Promise<AppServer> {
  if (!existsSync(`${root}dist/app/index.html`)) {
    throw new Error(`serveBuiltApp: ${root}dist/app/index.html is missing: run \`npm run build\` first`);
  }
  const server = await preview({
    configFile: `${root}host/app/vite.config.ts`,
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error('serveBuiltApp: the preview server did not report its URL');
  }
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}
