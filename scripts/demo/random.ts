// A small seeded PRNG (mulberry32) so the same demo options always give the same sheet.

// Local aliases: inside a vm context (Jest) every global lookup such as `Math` goes through an
// interceptor, which made a million draws several times slower.
const { imul, floor } = Math;

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Random.pick needs a non-empty list.");
    return item;
  }
}

/** Picks from weighted entries in O(log n) per draw. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new Error("weighted() needs at least one positive weight.");
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
}
