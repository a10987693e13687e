import { VALUES, type Value } from "../catalog/values";

/**
 * Match a key written by a model to one of the 56 value names.
 *
 * Tried in order, each only if the result is unambiguous over all 56 names:
 *  1. exact;
 *  2. letters and digits only, lower-cased ("self respect", "Self_Respect",
 *     " Mature Love", "ACCEPTING MY PORTION IN LIFE");
 *  3. additionally without the little words a/an/the/of/my/and/in/for/with
 *     ("Spiritual Life", "Honoring Parents and Elders", "World Peace");
 *  4. the same after cutting a numbering prefix ("12. Wealth") or a
 *     definition suffix ("Wealth: material possessions", "Wealth (money)").
 * No spelling correction and no partial words: "Power" or "Secure" match nothing.
 *
 * @example matchValueName("self respect") // {value: "Self-Respect", exact: false}
 */
export function matchValueName(key: string): { value: Value; exact: boolean } | null {
  if (typeof key !== "string") return null;
  if (EXACT.has(key)) return { value: key as Value, exact: true };
  for (const k of [key, trimDecorations(key)]) {
    if (k === "") continue;
    for (const [norm, table] of LEVELS) {
      const hit = table.get(norm(k));
      if (hit !== undefined && hit !== AMBIGUOUS) return { value: hit, exact: false };
    }
  }
  return null;
}

const AMBIGUOUS = "\u0000ambiguous" as Value;
const EXACT = new Set<string>(VALUES);
const LITTLE = new Set(["a", "an", "the", "of", "my", "and", "in", "for", "with"]);

const alnum = (s: string) => s.toLowerCase().replace(/&/g, " and ").replace(/[^\p{L}\p{N}]+/gu, "");
const core = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "" && !LITTLE.has(w))
    .join("");

function table(norm: (s: string) => string): Map<string, Value> {
  const t = new Map<string, Value>();
  for (const v of VALUES) {
    const k = norm(v);
    t.set(k, t.has(k) ? AMBIGUOUS : v);
  }
  return t;
}
const LEVELS: Array<[(s: string) => string, Map<string, Value>]> = [
  [alnum, table(alnum)],
  [core, table(core)],
];

function trimDecorations(key: string): string {
  return key
    .replace(/^\s*(?:\d{1,2}\s*[.)\]:-]\s*|[-*•]\s*)/, "")
    .replace(/\s*(?:[:(\[]|\s[-–—]\s).*$/s, "")
    .trim();
}
