import * as crypto from "node:crypto";

/**
 * Canonical JSON: object keys sorted (recursively), `undefined` members
 * dropped, arrays kept in order, no whitespace. Two processes that build the
 * same logical value get the same bytes, whatever order they set the keys in,
 * which is what makes hashes of it stable ids and cache keys.
 *
 *   canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] }) === '{"a":[2,{"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === "object") {
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return sortKeys((value as { toJSON(): unknown }).toJSON());
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined && typeof v !== "function") out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** sha256 of the canonical JSON of `value`, as 64 hex characters. */
export function sha256Hex(value: unknown): string {
  const text = canonicalJson(value);
  // crypto.hash (Node >= 20.12) is the one-shot form, about twice as fast for
  // short inputs as a Hash object; ids are hashed per record on import.
  return typeof crypto.hash === "function" ? crypto.hash("sha256", text, "hex") : crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * A record id: the first 16 hex characters (64 bits) of sha256(canonicalJson(parts)).
 * Stable across processes and key order; 64 bits make a collision among even
 * millions of items negligible (~n^2 / 2^65).
 *
 *   recordId({ task: "task2", country: "Nigeria", value: "Wealth", replicate: 0 })
 */
export function recordId(parts: object): string {
  return sha256Hex(parts).slice(0, 16);
}
