// Weighted draws for the demo generator, over the emulator's seeded PRNG.
import type { Random } from "../../emulator/random";

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
