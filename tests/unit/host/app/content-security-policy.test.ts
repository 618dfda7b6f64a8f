import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  styleHashSource,
} from '../../../../host/app/content-security-policy.ts';
import {
  contentSecurityPolicyPlugin,
  devPolicy,
  withPolicyMeta,
} from '../../../../host/app/csp-vite-plugin.ts';
import { FOCUS_RING_CSS } from '../../../../host/painter/focus-ring.ts';

// The policy is pinned here directive by directive: loosening it (a new source, a new directive,
// 'unsafe-inline') has to change this file too, so it shows in review.
const FOCUS_RING_HASH = styleHashSource(FOCUS_RING_CSS);
const EXPECTED =
  "default-src 'self'; " +
  "script-src 'self' 'wasm-unsafe-eval'; " +
  "worker-src 'self'; " +
  "connect-src 'self'; " +
  "img-src 'self' data: https:; " +
  `style-src 'self' ${FOCUS_RING_HASH}; ` +
  "object-src 'none'; " +
  "base-uri 'none'";

const CONFIG = fileURLToPath(new URL('../../../../host/app/vite.config.ts', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../../../../host/app/index.html', import.meta.url));

describe('the Content-Security-Policy', () => {
  it('has exactly the directives and sources of the issue, nothing unsafe but wasm compilation', () => {
    expect(contentSecurityPolicy()).toBe(EXPECTED);
    expect(Object.keys(CONTENT_SECURITY_POLICY)).toHaveLength(8);
    expect(EXPECTED).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  });

  it("hashes a style the way browsers do (SHA-256, base64), for the painter's focus ring", () => {
    // Known answers: SHA-256 of "" and the hash Chromium's own refusal message gave for the ring.
    expect(styleHashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(styleHashSource('[data-ficus-focused]{outline: 4px solid #ffffff; outline-offset: 2px}')).toBe(
      "'sha256-Yl6cIjIrQWXZOl8OLa95v0wd7V0WCkcXqL8/XNFD/oA='",
    );
  });

  it('adds extra sources only to declared directives, and refuses sources that would inject one', () => {
    expect(contentSecurityPolicy({ 'style-src': ["'nonce-abc'"] })).toBe(
      EXPECTED.replace(
        `style-src 'self' ${FOCUS_RING_HASH}`,
        `style-src 'self' ${FOCUS_RING_HASH} 'nonce-abc'`,
      ),
    );
    expect(() => contentSecurityPolicy({ 'frame-src': ["'self'"] })).toThrow(
      /extra sources for "frame-src", which the policy does not declare/,
    );
    expect(() => contentSecurityPolicy({ 'script-src': ["'self'; script-src *"] })).toThrow(
      /extra source .* for "script-src" is empty or contains a space/,
    );
    expect(() => contentSecurityPolicy({ 'script-src': [''] })).toThrow(/is empty/);
  });

  it("relaxes dev by the dev server's nonce only (Vite's overlay styles, Fast Refresh's preamble)", () => {
    const dev = devPolicy('n0nce');
    expect(dev).toBe(
      contentSecurityPolicy({ 'script-src': ["'nonce-n0nce'"], 'style-src': ["'nonce-n0nce'"] }),
    );
    expect(dev.split('; ').filter((directive) => !EXPECTED.split('; ').includes(directive))).toEqual([
      "script-src 'self' 'wasm-unsafe-eval' 'nonce-n0nce'",
      `style-src 'self' ${FOCUS_RING_HASH} 'nonce-n0nce'`,
    ]);
  });
});

describe('the policy in index.html', () => {
  it('goes right after <meta charset>, escaped as an attribute, and needs a <meta charset>', () => {
    const html = '<head><meta charset="utf-8" /><script type="module" src="/a.js"></script></head>';
    expect(withPolicyMeta(html, `default-src 'self' "x" <&>`)).toBe(
      '<head><meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" ' +
        `content="default-src 'self' &quot;x&quot; &lt;&amp;&gt;" /><script type="module" src="/a.js"></script></head>`,
    );
    expect(() => withPolicyMeta('<head><script></script></head>', 'x')).toThrow(/no <meta charset>/);
  });

  it("has no inline script, inline <style> or style attribute in the app's source index.html", () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  describe('a build with the plugin', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'ficus-csp-build-'));
      writeFileSync(
        join(root, 'index.html'),
        '<!doctype html><html><head><meta charset="utf-8" /><title>t</title></head>' +
          '<body><script type="module" src="./main.js"></script></body></html>',
      );
      writeFileSync(join(root, 'main.js'), 'document.title = "built";\n');
    });
    afterAll(() => {
      rmSync(root, { recursive: true, force: true });
    });

    it('writes the policy as a <meta> before the scripts, with no nonce anywhere', async () => {
      await build({
        configFile: false,
        root,
        logLevel: 'silent',
        plugins: [contentSecurityPolicyPlugin()],
        build: { outDir: join(root, 'dist'), emptyOutDir: true },
      });
      const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
      const meta =
        /<meta charset="utf-8" \/>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(
          html,
        );
      expect(meta?.[1]).toBe(EXPECTED);
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      expect(html).not.toMatch(/nonce/);
    });
  });
});

describe('the policy on the servers', () => {
  it('`vite preview` sends it on every response', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ficus-csp-preview-'));
    writeFileSync(join(out, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(out, 'worker.js'), 'self.postMessage(1);\n');
    const server = await preview({
      configFile: CONFIG,
      logLevel: 'silent',
      build: { outDir: out },
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      const base = server.resolvedUrls?.local[0] ?? '';
      for (const path of ['', 'worker.js', 'a/deep/link', 'missing.wasm']) {
        expect((await fetch(`${base}${path}`)).headers.get('content-security-policy'), path).toBe(EXPECTED);
      }
    } finally {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("`vite` (dev) sends the dev policy with the nonce Vite writes on index.html's tags, on every response", async () => {
    const vite = await createServer({
      configFile: CONFIG,
      logLevel: 'silent',
      server: { middlewareMode: true },
    });
    const http: Server = createHttpServer(vite.middlewares);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      const page = await fetch(`${base}/`);
      const html = await page.text();
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(html)?.[1] ?? '(no csp-nonce meta)';
      expect(page.headers.get('content-security-policy')).toBe(devPolicy(nonce));
      expect(html).toMatch(
        new RegExp(`<script type="module" src="/@vite/client" nonce="${escapeRegExp(nonce)}">`),
      );
      // The one inline script is React Fast Refresh's preamble, and it carries the nonce.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((match) => match[0]);
      expect(inline).toHaveLength(1);
      expect(inline[0]).toContain(`nonce="${nonce}"`);
      expect(html).toContain('/@react-refresh');
      // Answered by another plugin's middleware (msw's service worker): the header must still be there.
      for (const path of ['/mockServiceWorker.js', '/main.ts', '/wasm/manifest.json']) {
        expect((await fetch(`${base}${path}`)).headers.get('content-security-policy'), path).toBe(
          devPolicy(nonce),
        );
      }
    } finally {
      await new Promise((resolve) => http.close(resolve));
      await vite.close();
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
