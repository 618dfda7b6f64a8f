/**
 * Generated artwork: tiny SVG images inlined as data URLs, so the mock backend needs no image
 * files and no network. Each stays under ~600 bytes because a home page carries hundreds.
 */

const SVG_PREFIX = 'data:image/svg+xml,';

/**
 * Escapes text for an SVG text node or attribute. Titles are data, never markup: "Salt & Smoke"
 * must not break the image, and a hostile title must not inject elements.
 *
 * @example
 * escapeXml(`Tom & "Jerry" <3`); // "Tom &amp; &quot;Jerry&quot; &lt;3"
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Words that make poor initials ("The Last Harbor" → "LH"). */
const MINOR_WORDS = new Set(['the', 'of', 'a', 'an', 'and', 'in', 'on']);

/**
 * Up to two capital letters for a poster.
 *
 * @example
 * initialsOf('The Last Harbor'); // "LH"
 * initialsOf("Ava's Garden");    // "AG"
 * initialsOf('Harbor & Archive'); // "HA"
 */
export function initialsOf(title: string): string {
  // Split on spaces only, so "Ava's Garden" gives "AG", not "AS"; "&" has no letter and drops out.
  const words = title.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const major = words.filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  const chosen = major.length > 0 ? major : words;
  return chosen
    .slice(0, 2)
    .map((word) => (/[\p{L}\p{N}]/u.exec(word)?.[0] ?? '').toUpperCase())
    .join('');
}

function gradient(from: string, to: string): string {
  return `<linearGradient id='g' x2='1' y2='1'><stop stop-color='${from}'/><stop offset='1' stop-color='${to}'/></linearGradient>`;
}

function toDataUrl(svg: string): string {
  return SVG_PREFIX + encodeURIComponent(svg);
}

/**
 * A 2:3 poster: a diagonal gradient with the title's initials.
 *
 * @example
 * posterUrl('The Last Harbor', '#1f3a5f', '#8e2c48'); // "data:image/svg+xml,%3Csvg%20xmlns..."
 */
export function posterUrl(title: string, from: string, to: string): string {
  return toDataUrl(
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 200 300'>${gradient(from, to)}` +
      `<rect width='200' height='300' fill='url(#g)'/>` +
      `<text x='100' y='175' fill='#fff' font-family='sans-serif' font-size='72' text-anchor='middle'>${escapeXml(initialsOf(title))}</text></svg>`,
  );
}

/**
 * A 16:9 backdrop: the same gradient, reversed, with the whole title written across it.
 *
 * @example
 * backdropUrl('Salt & Smoke', '#1f3a5f', '#8e2c48'); // the title appears as "Salt &amp; Smoke" inside
 */
export function backdropUrl(title: string, from: string, to: string): string {
  // Shrink long titles so they fit across the 480-unit width (sans-serif is ~0.55 em per char).
  const fontSize = Math.min(32, Math.floor(432 / (0.55 * Math.max(1, title.length))));
  return toDataUrl(
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 480 270'>${gradient(to, from)}` +
      `<rect width='480' height='270' fill='url(#g)'/>` +
      `<text x='24' y='240' fill='#fff' font-family='sans-serif' font-size='${fontSize}'>${escapeXml(title)}</text></svg>`,
  );
}
