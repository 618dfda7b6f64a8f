import { describe, expect, it } from 'vitest';
import { describeIssue, TitleDetailsSchema } from '../../../../bridge/index.ts';
import { generateCatalog, isKidFriendly, summarize } from '../../../../host/mock-backend/catalog.ts';
import { createRandom, hashString } from '../../../../host/mock-backend/prng.ts';
import { backdropUrl, escapeXml, initialsOf, posterUrl } from '../../../../host/mock-backend/svg-art.ts';

const catalog = generateCatalog();

describe('generateCatalog', () => {
  it('is byte-identical for the same seed', () => {
    expect(JSON.stringify(generateCatalog(1234))).toBe(JSON.stringify(generateCatalog(1234)));
    expect(JSON.stringify(generateCatalog())).toBe(JSON.stringify(catalog));
  });

  it('differs between seeds', () => {
    expect(JSON.stringify(generateCatalog(1))).not.toBe(JSON.stringify(generateCatalog(2)));
  });

  it('has hundreds of valid titles with unique ids and names', () => {
    expect(catalog.titles.length).toBeGreaterThanOrEqual(400);
    for (const title of catalog.titles) {
      const result = TitleDetailsSchema.check(title);
      expect(result.ok, result.ok ? '' : `${title.id}: ${describeIssue(result.issue)}`).toBe(true);
    }
    expect(new Set(catalog.titles.map((title) => title.id)).size).toBe(catalog.titles.length);
    expect(new Set(catalog.titles.map((title) => title.title)).size).toBe(catalog.titles.length);
    expect(catalog.titles[41]?.id).toBe('t0042');
  });

  it('spreads titles over about a dozen genres, with plenty for kids', () => {
    const genres = new Set(catalog.titles.flatMap((title) => title.genres));
    expect(genres.size).toBeGreaterThanOrEqual(10);
    expect(genres.size).toBeLessThanOrEqual(14);
    expect(catalog.titles.filter(isKidFriendly).length).toBeGreaterThanOrEqual(100);
  });

  it('keeps every image a small SVG data URL', () => {
    for (const title of catalog.titles) {
      for (const image of [title.imageUrl, title.backdropUrl]) {
        expect(image.startsWith('data:image/svg+xml,')).toBe(true);
        expect(image.length).toBeLessThanOrEqual(600);
      }
    }
  });

  it('summarize keeps the main genre', () => {
    const title = catalog.titles[0];
    expect(title).toBeDefined();
    if (title !== undefined) expect(summarize(title).genre).toBe(title.genres[0]);
  });
});

describe('svg art', () => {
  it('escapes the title inside the SVG', () => {
    const svg = decodeURIComponent(backdropUrl(`Salt & <Smoke> "O'Brien"`, '#000000', '#ffffff'));
    expect(svg).toContain('>Salt &amp; &lt;Smoke&gt; &quot;O&apos;Brien&quot;</text>');
    expect(svg).not.toContain('<Smoke>');
  });

  it('escapes every generated title that needs it', () => {
    const tricky = catalog.titles.filter((title) => /[&']/.test(title.title));
    expect(tricky.length).toBeGreaterThan(0);
    for (const title of tricky) {
      const svg = decodeURIComponent(title.backdropUrl);
      expect(svg).toContain(escapeXml(title.title));
      // Every & in the markup starts an entity.
      expect(svg).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)/);
    }
  });

  it('writes initials on posters', () => {
    expect(initialsOf('The Last Harbor')).toBe('LH');
    expect(initialsOf("Ava's Garden")).toBe('AG');
    expect(initialsOf('Harbor & Archive')).toBe('HA');
    expect(initialsOf('"Quoted" title')).toBe('QT');
    expect(initialsOf('Orbit')).toBe('O');
    expect(initialsOf('The')).toBe('T');
    expect(decodeURIComponent(posterUrl('The Last Harbor', '#000000', '#ffffff'))).toContain('>LH</text>');
  });

  it('escapeXml leaves plain text alone', () => {
    expect(escapeXml('Plain title 42')).toBe('Plain title 42');
    expect(escapeXml('a&b')).toBe('a&amp;b');
  });
});

describe('prng', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const draws = Array.from({ length: 200 }, () => a.int(3, 5));
    expect(draws).toEqual(Array.from({ length: 200 }, () => b.int(3, 5)));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5]));
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRandom(3).shuffle(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('hashes strings stably', () => {
    expect(hashString('p1')).toBe(hashString('p1'));
    expect(hashString('p1')).not.toBe(hashString('p2'));
  });
});
