/**
 * Words the catalog generator draws from. Edit freely: the catalog changes, but stays the same
 * for a given seed. A few entries contain `&` and `'` on purpose, so XML escaping is exercised.
 */

/** Splits a comma-separated word list: long lists stay readable without one word per line. */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

export const GENRES = [
  'Action',
  'Adventure',
  'Animation',
  'Comedy',
  'Documentary',
  'Drama',
  'Family',
  'Fantasy',
  'Horror',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
] as const;
export type Genre = (typeof GENRES)[number];

/** Genres a kids profile may see (together with a mild rating). */
export const KID_GENRES: readonly Genre[] = [
  'Adventure',
  'Animation',
  'Comedy',
  'Documentary',
  'Family',
  'Fantasy',
];

export const ADJECTIVES = list(`
  Silent, Crimson, Hidden, Broken, Golden, Last, Midnight, Electric, Frozen, Wild, Hollow, Burning,
  Distant, Secret, Lost, Paper, Velvet, Iron, Little, Endless, Northern, Quiet, Shattered, Bright,
  Dark, Lucky, Restless, Sleeping, Hungry, Clever
`);

export const NOUNS = list(`
  Harbor, Kingdom, Signal, Garden, Orbit, River, Empire, Lantern, Machine, Island, Witness,
  Compass, Winter, Tide, Circus, Forest, Engine, Mirror, Voyage, Frontier, Summer, Detective,
  Dragon, Robot, Citadel, Melody, Comet, Canyon, Orchard, Heist, Lighthouse, Station, Archive,
  Carnival, Storm, Planet, Museum, Bakery, Rocket, Maze
`);

export const PLACES = list(`
  Avalon, the North, Brightwater, Mars, the Deep, Old Town, Saltmarsh, the Valley, Kestrel Bay,
  the Moon, Ironwood, Paris, the Desert, Emberfall, Lake Minnow
`);

export const FIRST_NAMES = list(`
  Ava, Noah, Mia, Leo, Zoe, Omar, Lena, Ravi, Iris, Hugo, Nia, Felix, Sofia, Kai, Maya, Theo,
  Amara, Jonas, Priya, Diego, Elena, Tomas, Yuki, Grace
`);

export const LAST_NAMES = list(`
  Moreau, Okafor, Lindqvist, Tanaka, Reyes, Novak, O'Brien, Haddad, Kowalski, Silva, Achebe,
  Fontaine, Park, Volkov, Mensah, Castillo, Berg, Nakamura, Duarte, Quinn
`);

/** Synopsis building blocks: "<opening> <hero> must <goal> <ending>" */
export const SYNOPSIS_OPENINGS = [
  'When a storm cuts the town off from the world,',
  'After a mysterious letter arrives,',
  'On the eve of a long-awaited festival,',
  'Years after a promise was broken,',
  'When the lights go out across the city,',
  'Following an impossible discovery,',
  'On the first day at a new school,',
  'After the family business collapses,',
] as const;

export const SYNOPSIS_ROLES = [
  'a reluctant inventor',
  'a retired detective',
  'two unlikely friends',
  'a young pilot',
  'a stubborn chef',
  'a lonely robot',
  'an exiled princess',
  'a rookie journalist',
  'a band of misfits',
  'a curious fox',
] as const;

export const SYNOPSIS_GOALS = [
  'uncover the truth about the past',
  'find a way home',
  'win back what was lost',
  'protect a secret that could change everything',
  'solve a puzzle nobody else can see',
  'rebuild a broken friendship',
  'outwit a rival at every turn',
  'keep a dangerous promise',
] as const;

export const SYNOPSIS_ENDINGS = [
  'before the sun rises.',
  'before time runs out.',
  'in a race across the country.',
  'with a little help from strangers.',
  'while the whole world is watching.',
  'without losing themselves along the way.',
] as const;

/** Poster gradients: pairs of colors that keep white text readable. */
export const PALETTE = list(`
  #1f3a5f, #5b2a86, #8e2c48, #b5562b, #2d6a4f, #264653, #6d597a, #3d405b, #7f5539, #14213d,
  #9d0208, #005f73, #3c096c, #5a189a, #2b2d42, #0b525b
`);
