// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomPainter } from '../../../../host/painter/dom-painter.ts';
import { paintedScene } from './painter-fixture.ts';

type Scene = ReturnType<typeof paintedScene>;
let scene: Scene;
const open = (...args: Parameters<typeof paintedScene>): Scene => {
  scene = paintedScene(...args);
  return scene;
};
afterEach(() => {
  scene?.dispose();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>globalThis.__ficusPwned = true</script>',
  '<svg onload=alert(1)></svg>',
  '&lt;b&gt; &amp; <b>bold</b>',
];

describe('DomPainter: text is only ever text', () => {
  it.each(HOSTILE)('paints %s literally and creates no element', (markup) => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'setProp', id: 1, name: 'text', value: markup },
      { op: 'append', parent: 0, child: 1 },
    ]);
    painter.paint();
    const text = mustElement('wasm', 1);
    expect(text.textContent).toBe(markup);
    expect(text.children).toHaveLength(0);
    expect(text.querySelector('img')).toBeNull();
    expect(text.querySelector('script')).toBeNull();
    expect(painter.stage.querySelectorAll('img, script, svg, b')).toHaveLength(0);
    expect(alert).not.toHaveBeenCalled();
    expect(Reflect.get(globalThis, '__ficusPwned')).toBeUndefined();
  });

  it('stays literal when the text changes', () => {
    const { painter, apply, mustElement } = open();
    apply('wasm', [
      { op: 'create', id: 1, kind: 'text' },
      { op: 'setProp', id: 1, name: 'text', value: 'safe' },
      { op: 'append', parent: 0, child: 1 },
    ]);
    painter.paint();
    apply('wasm', [{ op: 'setProp', id: 1, name: 'text', value: '<img src=x onerror=alert(1)>' }]);
    painter.paint();
    expect(mustElement('wasm', 1).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(mustElement('wasm', 1).querySelector('img')).toBeNull();
  });
});

describe('DomPainter: image sources', () => {
  const paintImage = (scene: Scene, src: string): HTMLElement => {
    scene.apply('wasm', [
      { op: 'create', id: 9, kind: 'image' },
      { op: 'setProp', id: 9, name: 'src', value: src },
      { op: 'append', parent: 0, child: 9 },
    ]);
    scene.painter.paint();
    return scene.mustElement('wasm', 9);
  };

  it.each([
    ['https://cdn.example/poster.jpg', 'https://cdn.example/poster.jpg'],
    ['http://cdn.example/poster.jpg', 'http://cdn.example/poster.jpg'],
    ['data:image/png;base64,iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo='],
    ['Data:Image/WebP;base64,UklGRg==', 'data:Image/WebP;base64,UklGRg=='],
    ['posters/a.jpg', new URL('posters/a.jpg', document.baseURI).href],
  ])('loads %s', (src, loaded) => {
    const current = open();
    expect(paintImage(current, src).getAttribute('src')).toBe(loaded);
    expect(current.warnings).toEqual([]);
  });

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JAVASCRIPT:alert(1)', 'javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:text/html'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['file:///etc/passwd', 'file:'],
  ])('refuses %s with a warning naming world, node and scheme %s', (src, scheme) => {
    const current = open();
    const image = paintImage(current, src);
    expect(image.hasAttribute('src')).toBe(false);
    expect(current.warnings).toHaveLength(1);
    const [warning = ''] = current.warnings;
    expect(warning).toContain('world "wasm"');
    expect(warning).toContain('node 9');
    expect(warning).toContain(`"${scheme}"`);
    expect(warning).not.toContain('alert');
  });

  it('drops a previously loaded src when the new one is refused', () => {
    const current = open();
    paintImage(current, 'https://cdn.example/a.png');
    current.apply('wasm', [{ op: 'setProp', id: 9, name: 'src', value: 'javascript:alert(1)' }]);
    current.painter.paint();
    expect(current.mustElement('wasm', 9).hasAttribute('src')).toBe(false);
    expect(current.warnings).toHaveLength(1);
  });

  it('keeps a warning about a huge refused URL short', () => {
    const current = open();
    paintImage(current, `data:text/html;base64,${'QUFB'.repeat(50_000)}`);
    const [warning = ''] = current.warnings;
    expect(warning.length).toBeLessThan(200);
    expect(warning).not.toContain('QUFB');
  });

  it('follows a configured list of allowed sources', () => {
    const current = open({ allowedImageSources: ['https:'] });
    expect(paintImage(current, 'http://cdn.example/a.png').hasAttribute('src')).toBe(false);
    expect(current.warnings[0]).toContain('"http:"');
  });

  it('warns on the console when no onWarning is given', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const current = open();
    const painter = new DomPainter(current.container, current.store, { autoResize: false });
    current.apply('wasm', [
      { op: 'create', id: 9, kind: 'image' },
      { op: 'setProp', id: 9, name: 'src', value: 'javascript:alert(1)' },
      { op: 'append', parent: 0, child: 9 },
    ]);
    painter.paint();
    painter.dispose();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain('"javascript:"');
  });
});
