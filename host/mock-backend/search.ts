import { SEARCH_RESULT_LIMIT, type TitleDetails, type TitleSummary } from '../../bridge/index.ts';
import { summarize } from './catalog.ts';
import { compareCodeUnits } from './code-unit-order.ts';

/** Lowercase words of a text; punctuation separates words ("Sci-Fi" → "sci", "fi"). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

const everyPrefixes = (tokens: readonly string[], words: readonly string[]): boolean =>
  tokens.every((token) => words.some((word) => word.startsWith(token)));

/**
 * Searches titles as the on-screen keyboard types: each typed word must begin a word of the title
 * or of one of its genres, case-insensitively, so "dar har" finds "The Dark Harbor" and "com"
 * finds comedies. Title matches come before genre-only matches, then by title and id, so the
 * order is stable. At most {@link SEARCH_RESULT_LIMIT} results; a query with no words finds none.
 *
 * @example
 * searchTitles(catalog.titles, 'Harb').map((t) => t.title); // ["Golden Harbor", "The Dark Harbor", ...]
 */
export function searchTitles(titles: readonly TitleDetails[], query: string): TitleSummary[] {
  const tokens = wordsOf(query);
  if (tokens.length === 0) return [];
  const matches: { title: TitleDetails; rank: number; key: string }[] = [];
  for (const title of titles) {
    const titleWords = wordsOf(title.title);
    if (everyPrefixes(tokens, titleWords)) {
      matches.push({ title, rank: 0, key: title.title.toLowerCase() });
    } else if (everyPrefixes(tokens, [...titleWords, ...title.genres.flatMap(wordsOf)])) {
      matches.push({ title, rank: 1, key: title.title.toLowerCase() });
    }
  }
  matches.sort(
    (a, b) => a.rank - b.rank || compareCodeUnits(a.key, b.key) || compareCodeUnits(a.title.id, b.title.id),
  );
  return matches.slice(0, SEARCH_RESULT_LIMIT).map((match) => summarize(match.title));
}
