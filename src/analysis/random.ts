/**
 * A small seeded pseudo-random number generator, so every resampling in the
 * project (bootstrap, permutation tests, gap-prediction sampling) is
 * reproducible from one integer seed.
 *
 * Algorithm: mulberry32 (Tommy Ettinger, public domain). The state is one
 * 32-bit integer; each step adds the odd constant 0x6D2B79F5 (a Weyl
 * sequence, period 2^32) and scrambles it with two xor-shift-multiply rounds:
 *
 *   s = s + 0x6D2B79F5
 *   t = (s ^ s >>> 15) * (s | 1)
 *   t = t ^ (t + (t ^ t >>> 7) * (t | 61))
 *   out = t ^ t >>> 14            (uniform uint32)
 *
 * It passes the usual small statistical batteries, is fast in JavaScript
 * (Math.imul only) and is easy to port; it is not cryptographic.
 *
 * @example
 * const rng = makeRng(42);
 * rng.next();   // a float in [0, 1), the same for every run with seed 42
 * rng.int(10);  // an integer in 0..9
 */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in 0..n-1 (n ≥ 1, n ≤ 2^32); unbiased (rejection sampling). */
  int(n: number): number;
  /** Fill `out` with uniform integers in 0..n-1 (unbiased; the fast path for resampling; its stream differs from int(n)'s). */
  fillInt(out: Int32Array, n: number): Int32Array;
}

export function makeRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // Fold any finite number (negative, fractional, > 2^32) into 32 bits deterministically.
  let s = (Math.trunc(seed) % 4294967296) >>> 0;
  const uint32 = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  const checkN = (n: number) => {
    if (!(n >= 1 && n <= 4294967296) || !Number.isInteger(n)) throw new RangeError(`int(n) needs an integer 1 ≤ n ≤ 2^32, got ${n}`);
  };
  const int = (n: number): number => {
    checkN(n);
    // Reject the top sliver that would make some residues more likely.
    const limit = 4294967296 - (4294967296 % n);
    let x = uint32();
    while (x >= limit) x = uint32();
    return x % n;
  };
  const fillInt = (out: Int32Array, n: number): Int32Array => {
    checkN(n);
    if (n > 2097152) {
      for (let k = 0; k < out.length; k++) out[k] = int(n);
      return out;
    }
    // Lemire's multiply-and-reject (unbiased, no division per draw): with
    // m = x·n (exact in a double for n ≤ 2^21), the result is ⌊m / 2^32⌋,
    // rejecting x when m mod 2^32 < 2^32 mod n. The generator step is
    // inlined: a bootstrap draws millions of these.
    const threshold = 4294967296 % n;
    let st = s;
    for (let k = 0; k < out.length; k++) {
      for (;;) {
        st = (st + 0x6d2b79f5) | 0;
        let t = Math.imul(st ^ (st >>> 15), st | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const m = ((t ^ (t >>> 14)) >>> 0) * n;
        const hi = Math.floor(m / 4294967296);
        if (m - hi * 4294967296 >= threshold) {
          out[k] = hi;
          break;
        }
      }
    }
    s = st >>> 0;
    return out;
  };
  return { uint32, next, int, fillInt };
}

/**
 * FNV-1a, 32 bit, over the UTF-8 bytes of a string: the one string hash of
 * the project (seeds derived from a run seed, the gap predictor's hashed
 * features, the simulator's keyed draws):
 *
 *   h = 2166136261; for each byte b: h = (h XOR b) · 16777619 mod 2^32
 *
 * Returned unsigned. UTF-8 bytes (not UTF-16 code units) so that a value can
 * be recomputed by hand or in Python; for ASCII text the two are the same.
 *
 * @example hash32("") === 2166136261; hash32("a") === 0xe40c292c
 */
export function hash32(text: string): number {
  return hash32Continue(FNV_OFFSET, text);
}

/** FNV-1a's initial state (the hash of ""). */
export const FNV_OFFSET = 0x811c9dc5;

/**
 * Continue an FNV-1a hash over more text: hash32Continue(hash32(a), b) = hash32(a + b),
 * so bigram keys can be hashed without building the joined string.
 *
 * @example hash32Continue(hash32("action|i"), " vote") === hash32("action|i vote")
 */
export function hash32Continue(h0: number, text: string): number {
  let h = h0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return hashBytes(h0, Buffer.from(text, "utf8"));
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Non-ASCII text: hash the UTF-8 bytes (the ASCII loop above gives the same for ASCII).
function hashBytes(h0: number, bytes: Uint8Array): number {
  let h = h0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * hash32 by the name of its most common use: a 32-bit seed from a string, to
 * derive independent streams from one run seed:
 * `makeRng(hashSeed(`${seed}:bootstrap:${model}`))`.
 *
 * @example hashSeed("") === 2166136261
 */
export const hashSeed = hash32;

/** An array-like whose elements can be assigned (arrays and typed arrays). */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

/**
 * Fisher–Yates shuffle in place (Durstenfeld), drawing from `rng`:
 *
 *   for i = n−1 … 1: j = rng.int(i + 1) (uniform in 0..i); swap a[i], a[j]
 *
 * Every one of the n! orders is equally likely. The one shuffle of the project
 * (arrays and typed arrays alike).
 *
 * @example shuffleInPlace([1, 2, 3], makeRng(9)) // a permutation of 1, 2, 3, the same for every run with seed 9
 */
export function shuffleInPlace<A extends MutableArrayLike<unknown>>(a: A, rng: Rng): A {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a;
}

/**
 * k distinct indices of 0..n-1, uniformly without replacement, in draw order
 * (a partial Fisher–Yates shuffle). Use it to sample rows, e.g. few-shot examples.
 *
 * @example sampleIndices(10, 3, makeRng(1)) // three distinct numbers in 0..9
 */
export function sampleIndices(n: number, k: number, rng: Rng): number[] {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`sampleIndices needs integers 0 ≤ k ≤ n, got n=${n}, k=${k}`);
  }
  const pool = new Array<number>(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}
