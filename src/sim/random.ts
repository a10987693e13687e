/**
 * The simulator's own seeded randomness, stateless by design: every random
 * draw is a hash of the seed and the keys that name it, so any answer can be
 * recomputed from (seed, request) alone and a retried request gets the same
 * answer, whatever order requests arrive in.
 *
 * - `keyHash(...parts)`: FNV-1a (32 bit, src/analysis/random.ts hash32) over
 *   the parts joined with U+001F, finished with MurmurHash3's `fmix32`
 *   avalanche so that keys differing in one character give unrelated outputs.
 * - `unit(...parts)`: keyHash / 2^32, uniform in [0, 1).
 * - `normal(...parts)`: a standard normal by Box-Muller from two unit draws.
 * A sequential stream, where one is needed, is src/analysis/random.ts makeRng.
 *
 * Example: `unit(7, "gap", "India", "Politics", "Wealth")` is always the same number.
 */

import { hash32 } from "../analysis/random";

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

/** FNV-1a of the text, then fmix32. */
export function hashString(s: string): number {
  return fmix32(hash32(s));
}

/** hashString of the keys joined with U+001F (a character no key contains). */
export function keyHash(...parts: ReadonlyArray<string | number>): number {
  return hashString(parts.join(SEP));
}

/** Uniform in [0, 1), a pure function of its keys. */
export function unit(...parts: ReadonlyArray<string | number>): number {
  return keyHash(...parts) / 4294967296;
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
