import type { HomeResponse, Profile, Rail, TitleDetails } from '../../bridge/index.ts';
import { type Catalog, isKidFriendly, summarize } from './catalog.ts';
import { compareCodeUnits } from './code-unit-order.ts';
import { createRandom, hashString } from './prng.ts';
import { GENRES, KID_GENRES } from './word-lists.ts';

/** Every profile's home has at least this many rails... */
export const MIN_RAILS = 12;
/** ...and at most this many, so a home response stays a few hundred KB. */
export const MAX_RAILS = 16;
/** Tiles per rail: more than a screen width, so rails scroll. */
export const RAIL_LENGTH = 24;

interface RailPlan {
  readonly id: string;
  readonly title: string;
  readonly candidates: readonly TitleDetails[];
}

/**
 * The home page of one profile: a hero and rails of tiles. Deterministic per (catalog seed,
 * profile), and different between profiles, because the choices come from a random stream seeded
 * by both. A kids profile only sees kid-friendly titles and genres.
 *
 * @example
 * const home = buildHomeFeed(catalog, profile);
 * home.rails[0]?.title; // "Top picks for Alex"
 */
export function buildHomeFeed(catalog: Catalog, profile: Profile): HomeResponse {
  const random = createRandom(catalog.seed ^ hashString(profile.id));
  const pool = profile.isKids ? catalog.titles.filter(isKidFriendly) : catalog.titles;
  if (pool.length < RAIL_LENGTH) {
    throw new RangeError(
      `catalog too small: ${pool.length} titles for ${profile.name}, a rail needs ${RAIL_LENGTH}`,
    );
  }
  const genres = profile.isKids ? KID_GENRES : GENRES;
  const byYear = [...pool].sort((a, b) => b.year - a.year || compareCodeUnits(a.id, b.id));

  const head: RailPlan[] = [
    { id: 'top-picks', title: `Top picks for ${profile.name}`, candidates: random.shuffle(pool) },
    { id: 'trending', title: 'Trending now', candidates: random.shuffle(pool) },
    { id: 'new-releases', title: 'New releases', candidates: byYear },
  ];
  const rest: RailPlan[] = [
    ...genres.map((genre) => ({
      id: `genre-${genre.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title: genre,
      candidates: random.shuffle(pool.filter((title) => title.genres.includes(genre))),
    })),
    {
      id: 'short',
      title: 'Under 100 minutes',
      candidates: random.shuffle(pool.filter((title) => title.durationMinutes < 100)),
    },
    {
      id: 'classics',
      title: 'Classics',
      candidates: random.shuffle(pool.filter((title) => title.year < 2000)),
    },
    { id: 'hidden-gems', title: 'Hidden gems', candidates: random.shuffle(pool) },
    { id: 'award-winners', title: 'Award winners', candidates: random.shuffle(pool) },
  ];

  const plans = [...head, ...random.shuffle(rest)].filter((plan) => plan.candidates.length >= RAIL_LENGTH);
  // A small pool (a kids profile on a small catalog) may fill too few themed rails: top up.
  for (let n = 1; plans.length < MIN_RAILS; n++) {
    plans.push({ id: `more-${n}`, title: 'More to explore', candidates: random.shuffle(pool) });
  }
  const rails: Rail[] = plans.slice(0, MAX_RAILS).map((plan) => ({
    id: plan.id,
    title: plan.title,
    items: plan.candidates.slice(0, RAIL_LENGTH).map(summarize),
  }));
  return { hero: summarize(random.pick(pool)), rails };
}
