import { randomBytes } from 'node:crypto';
import type { Connect, Plugin } from 'vite';
import { contentSecurityPolicy } from './content-security-policy.ts';

/**
 * Puts the app's Content-Security-Policy (content-security-policy.ts) everywhere the app is served:
 * - the build: a `<meta http-equiv="Content-Security-Policy">` in index.html, right after
 *   `<meta charset>` and before any script or stylesheet, so the policy travels with dist/app to
 *   any static host;
 * - `vite preview`: the same policy as a response header on every response. The header is what
 *   also binds the workers (a worker takes its policy from its own script's response, never from
 *   the page's meta), so a real deployment should send it too;
 * - `vite` (dev): the header, with one dev-only relaxation (see {@link devPolicy}).
 *
 * Install it first in `plugins`: its middleware must run before any other plugin's middleware that
 * answers a request itself (msw's service worker script).
 *
 * @example
 * export default defineConfig({ plugins: [contentSecurityPolicyPlugin(), mswServiceWorker()] });
 */
export function contentSecurityPolicyPlugin(): Plugin {
  // One nonce per dev server: the dev server is local and short-lived, and Chromium hides nonces
  // from the DOM. The build and the preview carry no nonce at all.
  const nonce = randomBytes(18).toString('base64');
  let dev = false;
  return {
    name: 'ficus-content-security-policy',
    config(_config, env) {
      dev = env.command === 'serve' && env.isPreview !== true;
      // Vite puts this nonce on the tags it writes into index.html and into a
      // <meta property="csp-nonce"> that its client reads for the styles it inserts.
      return dev ? { html: { cspNonce: nonce } } : undefined;
    },
    configureServer(server) {
      server.middlewares.use(sendHeader(devPolicy(nonce)));
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeader(contentSecurityPolicy()));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return dev ? html : withPolicyMeta(html, contentSecurityPolicy());
      },
    },
  };
}

/**
 * The dev server's policy: the app's, plus the dev server's nonce for inline styles and scripts.
 * Vite's dev client inserts `<style>` elements (its error overlay, and CSS imported from a
 * module); with only `default-src 'self'` a compile error would show a blank screen and a CSP
 * violation instead of the overlay. The one inline script is React Fast Refresh's preamble
 * (@vitejs/plugin-react), which Vite writes into index.html with the nonce. A build has neither.
 *
 * @example
 * devPolicy('abc'); // "…; script-src 'self' 'nonce-abc'; style-src 'self' 'sha256-…' 'nonce-abc'; …"
 */
export function devPolicy(nonce: string): string {
  return contentSecurityPolicy({ 'script-src': [`'nonce-${nonce}'`], 'style-src': [`'nonce-${nonce}'`] });
}

/**
 * `html` with `<meta http-equiv="Content-Security-Policy" content="policy">` right after its
 * `<meta charset>`: a meta policy only governs what comes after it, and the charset must stay in
 * the document's first 1024 bytes. An index.html with no `<meta charset>` is an error.
 *
 * @example
 * withPolicyMeta('<head><meta charset="utf-8" /><script src="/a.js"></script>', "default-src 'self'");
 * // '<head><meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" /><script …'
 */
export function withPolicyMeta(html: string, policy: string): string {
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset === null)
    throw new Error(
      'index.html has no <meta charset>: the Content-Security-Policy <meta> goes right after it, before any script',
    );
  const end = charset.index + charset[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`;
  return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sendHeader(policy: string): Connect.NextHandleFunction {
  return (_request, response, next) => {
    response.setHeader('Content-Security-Policy', policy);
    next();
  };
}
