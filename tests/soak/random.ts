/** A seeded pseudo-random source: the same seed gives the same walk, so a violation can be replayed. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of `items`, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One of `choices`, with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

/**
 * mulberry32: small, fast and good enough to pick the soak's actions; not for anything secret.
 *
 * @example
 * const random = seededRandom(7);
 * random.pick(['ArrowUp', 'ArrowDown']); // the same key every run with seed 7
 */
export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick(items) {
      if (items.length === 0) throw new RangeError('pick needs at least one item');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(choices) {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      if (!(total > 0)) throw new RangeError('weighted needs a positive total weight');
      let roll = next() * total;
      for (const [choice, weight] of choices) {
        roll -= weight;
        if (roll < 0) return choice;
      }
      return (choices[choices.length - 1] as (typeof choices)[number])[0];
    },
  };
  return random;
}
