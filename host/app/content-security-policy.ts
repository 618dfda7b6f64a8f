import { createHash } from 'node:crypto';
import { FOCUS_RING_CSS } from '../painter/focus-ring.ts';

/**
 * The `'sha256-…'` source that allows one inline `<style>` with exactly this text, and no other.
 *
 * @example
 * styleHashSource('a{}'); // "'sha256-…'" (base64 of the text's SHA-256)
 */
export function styleHashSource(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * The app's Content-Security-Policy, declared once: the dev server and the preview send it as a
 * response header, the build writes it into index.html as a `<meta http-equiv>` (see
 * csp-vite-plugin.ts). tests/unit/host/app/content-security-policy.test.ts pins every directive,
 * so loosening one is a visible diff.
 *
 * Why each source is there:
 * - `script-src 'wasm-unsafe-eval'`: compiling WebAssembly (the page modules, @wasmer/wasi's own
 *   wasm) counts as eval; this keyword allows only that, never JavaScript's `eval`/`new Function`.
 * - `worker-src 'self'`: the WASM world's module worker and msw's service worker are our own files.
 * - `connect-src 'self'`: the backend (`/api/*`, answered by msw in the reference app), telemetry,
 *   the manifest and the page modules all live on the app's origin.
 * - `img-src 'self' data: https:`: image URLs as the backend contract allows them
 *   (bridge/api/title-summary.ts: https or inline `data:image/…`; the mock backend draws SVG data
 *   URLs). The painter itself would also take `http:` and `blob:` (host/painter/safe-image-url.ts);
 *   the policy is the narrower of the two on purpose.
 * - `style-src 'self'` plus the hash of the painter's focus-ring stylesheet, the one `<style>` the
 *   app inserts (host/painter/focus-ring.ts); the hash is computed from the painter's own constant,
 *   so changing the ring's CSS keeps the two in step. The page's CSS is a file (app.css), and the
 *   painter styles nodes through the CSSOM (`element.style.setProperty`), which CSP does not
 *   restrict. No `'unsafe-inline'`.
 * - `object-src 'none'`, `base-uri 'none'`: no plugins, and no `<base>` that could re-point the
 *   app's relative URLs.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'style-src': ["'self'", styleHashSource(FOCUS_RING_CSS)],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
};

/**
 * The policy as the value of a `Content-Security-Policy` header or `<meta http-equiv>`, with
 * `extra` sources appended to the directives they name (the dev server's style nonce; see
 * csp-vite-plugin.ts). Extra sources for a directive the policy does not declare are an error:
 * a new directive would replace its `default-src` fallback rather than add to it.
 *
 * @example
 * contentSecurityPolicy(); // "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; …; base-uri 'none'"
 * contentSecurityPolicy({ 'style-src': ["'nonce-abc'"] }); // "…; style-src 'self' 'sha256-…' 'nonce-abc'; …"
 */
export function contentSecurityPolicy(
  extra: Readonly<Record<string, readonly string[]>> = {},
  policy: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY,
): string {
  for (const [directive, sources] of Object.entries(extra)) {
    if (policy[directive] === undefined)
      throw new Error(
        `contentSecurityPolicy: extra sources for "${directive}", which the policy does not declare (it declares ${Object.keys(policy).join(', ')})`,
      );
    const bad = sources.find((source) => source === '' || /[\s;,]/.test(source));
    if (bad !== undefined)
      throw new Error(
        `contentSecurityPolicy: extra source ${JSON.stringify(bad)} for "${directive}" is empty or contains a space, ";" or ","`,
      );
  }
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources, ...(extra[directive] ?? [])].join(' '))
    .join('; ');
}
