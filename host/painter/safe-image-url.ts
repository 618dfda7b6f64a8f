/**
 * Image sources the painter loads by default. An entry ending in `:` allows a whole scheme; a
 * `data:<mime>` entry allows data URLs of that media type only. Relative URLs that stay on the
 * base URL's origin are always allowed: they can only point where the app itself is served from.
 * A protocol-relative `//host/x.png` and the backslash forms `\\host`, `/\host` (which URL parsers
 * read as `//host`) name another host: they are judged as the absolute URL they resolve to.
 */
export const DEFAULT_IMAGE_SOURCES: readonly string[] = [
  'https:',
  'http:',
  'blob:',
  'data:image/png',
  'data:image/jpeg',
  'data:image/gif',
  'data:image/webp',
  'data:image/svg+xml',
  'data:image/avif',
];

export type ImageUrlCheck =
  | { readonly ok: true; readonly url: string }
  /** `reason` quotes at most the scheme (and a data URL's media type), never the URL itself. */
  | { readonly ok: false; readonly reason: string };

// What a refusal may quote from the URL: enough to identify it, never a whole (possibly huge) data URL.
const MAX_QUOTED = 80;

/**
 * Decides whether an image src may be loaded. The URL is parsed by the platform's own parser, so
 * tricks like `java\tscript:` or leading spaces are judged exactly as the browser would load them.
 *
 * On success `url` is the absolute URL to assign, so what was checked is what gets loaded.
 *
 * @example
 * checkImageUrl('img/poster.png', 'https://tv.example/app/'); // { ok: true, url: 'https://tv.example/app/img/poster.png' }
 * checkImageUrl('javascript:alert(1)', 'https://tv.example/'); // { ok: false, reason: 'scheme "javascript:" is not allowed' }
 */
export function checkImageUrl(
  src: string,
  baseUrl: string,
  allowed: readonly string[] = DEFAULT_IMAGE_SOURCES,
): ImageUrlCheck {
  const needsBase = !URL.canParse(src);
  let url: URL;
  try {
    url = new URL(src, baseUrl);
  } catch {
    return { ok: false, reason: needsBase ? 'a relative URL with no usable base URL' : 'not a valid URL' };
  }
  // Judged by where the parser resolved it, not by how it is spelled: `//evil.example`,
  // `\\evil.example` and `/\evil.example` need the base only for its scheme and leave its host.
  if (needsBase && onBaseOrigin(url, baseUrl)) return { ok: true, url: url.href };

  const scheme = url.protocol.toLowerCase();
  const source = scheme === 'data:' ? `data:${dataMediaType(url.pathname)}` : scheme;
  const allowedSet = new Set(allowed.map((entry) => entry.toLowerCase()));
  if (allowedSet.has(scheme) || (scheme === 'data:' && allowedSet.has(source)))
    return { ok: true, url: url.href };
  const quoted = source.length > MAX_QUOTED ? `${source.slice(0, MAX_QUOTED - 1)}…` : source;
  return { ok: false, reason: `scheme ${JSON.stringify(quoted)} is not allowed` };
}

/** Whether `url` has the scheme, host and port of `baseUrl` (compared directly: file: origins are opaque). */
function onBaseOrigin(url: URL, baseUrl: string): boolean {
  const base = new URL(baseUrl); // parsed without error just before, as the base of `url`
  return url.protocol === base.protocol && url.host === base.host;
}

/** `image/png` from `image/png;base64,…`; parameters and payload never matter for the decision. */
function dataMediaType(path: string): string {
  const end = path.search(/[;,]/);
  return (end === -1 ? path : path.slice(0, end)).trim().toLowerCase();
}
