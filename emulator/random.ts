// The one seeded PRNG (mulberry32): the runtime's uuids and trigger minutes, the demo generator and
// seeded tests all draw from it, so a seed replays the same run.

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
