/**
 * The simulator's own seeded randomness, stateless by design: every random
 * draw is a hash of the seed and the keys that name it, so any answer can be
 * recomputed from (seed, request) alone and a retried request gets the same
 * answer, whatever order requests arrive in.
 *
 * - `hash32(...parts)`: FNV-1a (32 bit) over the parts joined with U+001F,
 *   finished with MurmurHash3's `fmix32` avalanche so that keys differing in
 *   one character give unrelated outputs.
 * - `unit(...parts)`: hash32 / 2^32, uniform in [0, 1).
 * - `normal(...parts)`: a standard normal by Box-Muller from two unit draws.
 * - `mulberry32(seed)`: a small sequential PRNG for the few places that need a stream.
 *
 * Example: `unit(7, "gap", "India", "Politics", "Wealth")` is always the same number.
 */

const SEP = "\u001f";

/** MurmurHash3 finaliser: avalanche all 32 bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then fmix32. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

export function hash32(...parts: ReadonlyArray<string | number>): number {
  return hashString(parts.join(SEP));
}

/** Uniform in [0, 1), a pure function of its keys. */
export function unit(...parts: ReadonlyArray<string | number>): number {
  return hash32(...parts) / 4294967296;
}

/** Standard normal, a pure function of its keys (Box-Muller). */
export function normal(...parts: ReadonlyArray<string | number>): number {
  const u1 = 1 - unit(...parts, "n1"); // (0, 1]: log stays finite
  const u2 = unit(...parts, "n2");
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Pick one element by a unit draw. */
export function pick<T>(items: readonly T[], u: number): T {
  return items[Math.min(items.length - 1, Math.floor(u * items.length))];
}

/** mulberry32: 32-bit state, period 2^32; returns a function giving [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
