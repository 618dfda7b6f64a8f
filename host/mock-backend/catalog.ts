import type { Profile, Rating, TitleDetails, TitleSummary } from '../../bridge/index.ts';
import { createRandom, type Random } from './prng.ts';
import { MOCK_PROFILES } from './profiles.ts';
import { backdropUrl, posterUrl } from './svg-art.ts';
import {
  ADJECTIVES,
  FIRST_NAMES,
  GENRES,
  type Genre,
  KID_GENRES,
  LAST_NAMES,
  NOUNS,
  PALETTE,
  PLACES,
  SYNOPSIS_ENDINGS,
  SYNOPSIS_GOALS,
  SYNOPSIS_OPENINGS,
  SYNOPSIS_ROLES,
} from './word-lists.ts';

/** The seed of the catalog everyone sees unless a test asks for another. */
export const DEFAULT_CATALOG_SEED = 0xf1c05;
/** Enough titles for a dozen full rails per profile, with few repeats, and a meaningful search. */
export const CATALOG_SIZE = 480;

/** Everything the mock backend serves, as plain data: same seed, byte-identical JSON. */
export interface Catalog {
  readonly seed: number;
  readonly profiles: readonly Profile[];
  readonly titles: readonly TitleDetails[];
}

/**
 * Generates the catalog for a seed. Pure and deterministic: no clock, no Math.random.
 *
 * @example
 * const catalog = generateCatalog();
 * catalog.titles[41]?.id; // "t0042"
 */
export function generateCatalog(seed: number = DEFAULT_CATALOG_SEED, size: number = CATALOG_SIZE): Catalog {
  const random = createRandom(seed);
  const used = new Set<string>();
  const titles: TitleDetails[] = [];
  for (let i = 0; i < size; i++) {
    titles.push(generateTitle(random, `t${String(i + 1).padStart(4, '0')}`, used));
  }
  return { seed, profiles: MOCK_PROFILES, titles };
}

/**
 * The tile-sized view of a title.
 *
 * @example
 * summarize(details); // { id, title, year, genre: details.genres[0], imageUrl, rating }
 */
export function summarize(title: TitleDetails): TitleSummary {
  return {
    id: title.id,
    title: title.title,
    year: title.year,
    genre: title.genres[0] ?? 'Other',
    imageUrl: title.imageUrl,
    rating: title.rating,
  };
}

const KID_RATINGS: ReadonlySet<Rating> = new Set(['All', '7+']);
const KID_GENRE_SET: ReadonlySet<string> = new Set(KID_GENRES);

/**
 * Whether a kids profile may see a title: a mild rating and only kid-friendly genres.
 *
 * @example
 * catalog.titles.filter(isKidFriendly);
 */
export function isKidFriendly(title: TitleDetails): boolean {
  return KID_RATINGS.has(title.rating) && title.genres.every((genre) => KID_GENRE_SET.has(genre));
}

function generateTitle(random: Random, id: string, used: Set<string>): TitleDetails {
  const title = uniqueName(random, used);
  const genres = pickGenres(random);
  const from = random.pick(PALETTE);
  let to = random.pick(PALETTE);
  while (to === from) to = random.pick(PALETTE);
  const main = genres[0];
  return {
    id,
    title,
    // Squaring skews toward recent years, like a real catalog.
    year: 2025 - Math.floor(random.next() ** 2 * 60),
    genres,
    synopsis: `${random.pick(SYNOPSIS_OPENINGS)} ${random.pick(SYNOPSIS_ROLES)} must ${random.pick(SYNOPSIS_GOALS)} ${random.pick(SYNOPSIS_ENDINGS)}`,
    durationMinutes:
      main === 'Documentary'
        ? random.int(45, 110)
        : main === 'Animation'
          ? random.int(70, 105)
          : random.int(85, 165),
    rating: pickRating(random, genres),
    imageUrl: posterUrl(title, from, to),
    backdropUrl: backdropUrl(title, from, to),
    cast: pickCast(random),
  };
}

function titleCandidate(random: Random): string {
  const adjective = random.pick(ADJECTIVES);
  const noun = random.pick(NOUNS);
  switch (random.int(0, 6)) {
    case 0:
      return `The ${adjective} ${noun}`;
    case 1:
      return `The ${noun} of ${random.pick(PLACES)}`;
    case 2:
      return `${adjective} ${noun}`;
    case 3:
      return `${random.pick(FIRST_NAMES)}'s ${noun}`;
    case 4:
      return `${noun} & ${random.pick(NOUNS)}`;
    case 5:
      return `Return to ${random.pick(PLACES)}`;
    default:
      return `${adjective} ${noun} of ${random.pick(PLACES)}`;
  }
}

const SEQUELS = ['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Titles are unique, so search results and tests can tell them apart; repeats become sequels. */
function uniqueName(random: Random, used: Set<string>): string {
  let name = titleCandidate(random);
  for (let retry = 0; retry < 5 && used.has(name); retry++) name = titleCandidate(random);
  const base = name;
  for (let i = 0; used.has(name); i++) name = `${base} ${SEQUELS[i] ?? String(i + 2)}`;
  used.add(name);
  return name;
}

function pickGenres(random: Random): Genre[] {
  const main = random.pick(GENRES);
  const kidFriendly = KID_GENRE_SET.has(main);
  const genres: Genre[] = [main];
  const extras = random.int(0, 2);
  for (let i = 0; i < extras; i++) {
    // Kid-friendly titles mostly stay kid-friendly, so the kids profile has a real catalog.
    const extra = kidFriendly && random.chance(0.8) ? random.pick(KID_GENRES) : random.pick(GENRES);
    if (!genres.includes(extra)) genres.push(extra);
  }
  return genres;
}

function pickRating(random: Random, genres: readonly Genre[]): Rating {
  if (genres.every((genre) => KID_GENRE_SET.has(genre)))
    return random.pick(['All', 'All', '7+', '7+', '13+']);
  if (genres.includes('Horror')) return random.pick(['16+', '18+']);
  return random.pick(['13+', '13+', '16+', '18+']);
}

function pickCast(random: Random): string[] {
  const cast: string[] = [];
  const count = random.int(3, 5);
  while (cast.length < count) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    if (!cast.includes(name)) cast.push(name);
  }
  return cast;
}
