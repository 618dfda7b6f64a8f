import { describe, expect, it } from 'vitest';
import { checkImageUrl, DEFAULT_IMAGE_SOURCES } from '../../../../host/painter/safe-image-url.ts';

const BASE = 'https://tv.example/app/index.html';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('checkImageUrl', () => {
  it.each([
    ['https://cdn.example/poster.jpg', 'https://cdn.example/poster.jpg'],
    ['http://cdn.example/poster.jpg', 'http://cdn.example/poster.jpg'],
    ['HTTPS://cdn.example/a.png', 'https://cdn.example/a.png'],
    [
      'blob:https://tv.example/550e8400-e29b-41d4-a716-446655440000',
      'blob:https://tv.example/550e8400-e29b-41d4-a716-446655440000',
    ],
    [PNG, PNG],
    ['DATA:IMAGE/PNG;base64,iVBORw0KGgo=', 'data:IMAGE/PNG;base64,iVBORw0KGgo='],
    ['data:image/svg+xml,%3Csvg%3E%3C/svg%3E', 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E'],
    ['data:image/avif;base64,AAAA', 'data:image/avif;base64,AAAA'],
    ['img/poster.png', 'https://tv.example/app/img/poster.png'],
    ['/img/poster.png', 'https://tv.example/img/poster.png'],
    ['//cdn.example/x.png', 'https://cdn.example/x.png'],
  ])('allows %s', (src, url) => {
    expect(checkImageUrl(src, BASE)).toEqual({ ok: true, url });
  });

  it.each([
    ['javascript:alert(1)', '"javascript:"'],
    ['  JavaScript:alert(1)', '"javascript:"'],
    ['java\tscript:alert(1)', '"javascript:"'],
    ['vbscript:msgbox(1)', '"vbscript:"'],
    ['file:///etc/passwd', '"file:"'],
    ['data:text/html,<script>alert(1)</script>', '"data:text/html"'],
    ['data:image/png-but-not-really,xx', '"data:image/png-but-not-really"'],
    ['ftp://files.example/a.png', '"ftp:"'],
  ])('refuses %s, naming the scheme %s', (src, scheme) => {
    const result = checkImageUrl(src, BASE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`scheme ${scheme} is not allowed`);
  });

  it('never quotes more than 80 characters of a refused URL', () => {
    const result = checkImageUrl(`data:text/${'x'.repeat(5000)};base64,${'A'.repeat(100_000)}`, BASE);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.length).toBeLessThan(120);
      expect(result.reason).not.toContain('AAAA');
    }
  });

  it('follows a custom list of sources', () => {
    const httpsOnly = ['https:'];
    expect(checkImageUrl('https://cdn.example/a.png', BASE, httpsOnly).ok).toBe(true);
    expect(checkImageUrl('http://cdn.example/a.png', BASE, httpsOnly).ok).toBe(false);
    expect(checkImageUrl(PNG, BASE, httpsOnly).ok).toBe(false);
    expect(checkImageUrl('data:text/plain,hi', BASE, [...DEFAULT_IMAGE_SOURCES, 'data:text/plain']).ok).toBe(
      true,
    );
  });

  // Spelled like relative URLs, these name another host (the URL parser reads `\\` as `/` in an
  // http(s) URL, and ignores tabs and leading spaces): they are judged as the absolute URLs they are.
  const ANOTHER_HOST = [
    '//evil.example/x.png',
    '\\\\evil.example/x.png',
    '/\\evil.example/x.png',
    '\\/evil.example/x.png',
    '\\\\evil.example\\x.png',
    '  //evil.example/x.png',
    '/\t/evil.example/x.png',
    '//evil.example:8443/x.png',
  ];

  it.each(ANOTHER_HOST)('judges %j by the scheme it takes from the base, like an absolute URL', (src) => {
    const resolved = new URL(src, BASE).href;
    expect(new URL(resolved).hostname).toBe('evil.example');
    // Refused when the base's scheme is not an allowed source...
    expect(checkImageUrl(src, 'http://tv.example/app/', ['https:'])).toEqual({
      ok: false,
      reason: 'scheme "http:" is not allowed',
    });
    expect(checkImageUrl(src, BASE, ['data:image/png'])).toEqual({
      ok: false,
      reason: 'scheme "https:" is not allowed',
    });
    // ...and allowed only as the absolute URL it is when it is, which is then what gets loaded.
    expect(checkImageUrl(src, BASE, ['https:'])).toEqual({ ok: true, url: resolved });
  });

  it('still allows relative URLs that stay on the base origin, whatever the sources', () => {
    const none: string[] = [];
    expect(checkImageUrl('img/a.png', BASE, none)).toEqual({
      ok: true,
      url: 'https://tv.example/app/img/a.png',
    });
    expect(checkImageUrl('/img/a.png', BASE, none)).toEqual({
      ok: true,
      url: 'https://tv.example/img/a.png',
    });
    expect(checkImageUrl('../img/a.png', BASE, none)).toEqual({
      ok: true,
      url: 'https://tv.example/img/a.png',
    });
    expect(checkImageUrl('//tv.example/img/a.png', BASE, none)).toEqual({
      ok: true,
      url: 'https://tv.example/img/a.png',
    });
    expect(checkImageUrl('//tv.example:8443/a.png', BASE, none)).toEqual({
      ok: false,
      reason: 'scheme "https:" is not allowed',
    });
    expect(checkImageUrl('img/a.png', 'file:///opt/app/index.html', none)).toEqual({
      ok: true,
      url: 'file:///opt/app/img/a.png',
    });
    expect(checkImageUrl('//evil.example/a.png', 'file:///opt/app/index.html', none)).toEqual({
      ok: false,
      reason: 'scheme "file:" is not allowed',
    });
  });

  it('refuses a relative URL when there is no base to resolve it against', () => {
    expect(checkImageUrl('img/a.png', 'about:blank')).toEqual({
      ok: false,
      reason: 'a relative URL with no usable base URL',
    });
  });
});
