/**
 * FNV-1a, 32 bit, over the UTF-8 bytes of a string:
 *   h = 2166136261; for each byte b: h = (h XOR b) * 16777619 mod 2^32.
 * Returned as an unsigned integer. Example: fnv1a32("a") = 0xe40c292c = 3826002220,
 * fnv1a32("") = 2166136261.
 * Chosen because it is tiny, fast, well known and identical in every language,
 * so a hashed feature index can be recomputed by hand or in Python.
 */
export const FNV_OFFSET = 0x811c9dc5;

export function fnv1a32(s: string): number {
  return fnv1a32Continue(FNV_OFFSET, s);
}

/**
 * Continue an FNV-1a hash over more text: fnv1a32Continue(fnv1a32(a), b) = fnv1a32(a + b).
 * Lets bigram keys be hashed without building the joined string.
 */
export function fnv1a32Continue(h0: number, s: string): number {
  let h = h0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return fnv1a32Bytes(h0, Buffer.from(s, "utf8"));
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// non-ASCII text: hash the UTF-8 bytes (the ASCII loop above is the same for ASCII)
function fnv1a32Bytes(h0: number, bytes: Uint8Array): number {
  let h = h0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Bucket and sign of a hashed feature: index = h mod dim; with signed hashing
 * (Weinberger et al. 2009) the sign is bit 31 of h (1 -> -1), which is
 * independent of the low bits used for the index when dim is a power of two.
 */
export function hashBucket(h: number, dim: number): number {
  return h % dim;
}

export function hashSign(h: number): 1 | -1 {
  return h >>> 31 === 1 ? -1 : 1;
}
