import { VALUES, type Value } from "../catalog/values";

/**
 * Match a key written by a model to one of the 56 value names.
 *
 * The key is lower-cased ("&" read as "and") and split into words at
 * spaces, hyphens and underscores; it matches a name when the words spell
 * the name's words with the same or fewer breaks ("self respect",
 * "Self_Respect", "SelfRespect", " Mature Love", "ACCEPTING MY PORTION IN
 * LIFE"). Failing that, the same test without the little words
 * a/an/the/of/my/and/in/for/with ("Spiritual Life", "Honoring Parents and
 * Elders"). Both are tried on the key as written and on the key without a
 * numbering prefix ("12. Wealth") or a definition suffix ("Wealth: money",
 * "Wealth (money)", without quotes or line breaks). Any other character (a stray "{", a dot inside) means
 * no match, and a key that fits two names matches neither. No spelling
 * correction and no partial words: "Power" or "Loya l" match nothing.
 *
 * @example matchValueName("self respect") // {value: "Self-Respect", exact: false}
 */
export function matchValueName(key: string): { value: Value; exact: boolean } | null {
  if (typeof key !== "string") return null;
  if (EXACT.has(key)) return { value: key as Value, exact: true };
  for (const k of [key, trimDecorations(key)]) {
    const words = wordsOf(k);
    if (words === null || words.length === 0) continue;
    for (const level of [NAMES, CORES]) {
      const w = level === NAMES ? words : words.filter((x) => !LITTLE.has(x));
      const hits = level.filter((n) => fits(w, n.words));
      if (hits.length === 1) return { value: hits[0].value, exact: false };
      if (hits.length > 1) return null;
    }
  }
  return null;
}

const EXACT = new Set<string>(VALUES);
const LITTLE = new Set(["a", "an", "the", "of", "my", "and", "in", "for", "with"]);

/** Lower-case words split at spaces, hyphens, underscores; null when other characters occur. */
function wordsOf(s: string): string[] | null {
  const t = s
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/^[\s*"'`“”‘’]+|[\s*"'`“”‘’]+$/g, "");
  if (/[^\p{L}\p{N}\s_-]/u.test(t)) return null;
  return t.split(/[\s_-]+/).filter((w) => w !== "");
}

const NAMES = VALUES.map((value) => ({ value, words: wordsOf(value) as string[] }));
const CORES = NAMES.map(({ value, words }) => ({ value, words: words.filter((w) => !LITTLE.has(w)) }));

/** Same letters, and every break in `key` is also a break in `name`. */
function fits(key: string[], name: string[]): boolean {
  if (key.join("") !== name.join("")) return false;
  const breaks = new Set<number>();
  let at = 0;
  for (const w of name) breaks.add((at += w.length));
  at = 0;
  return key.every((w) => breaks.has((at += w.length)));
}

function trimDecorations(key: string): string {
  return key
    .replace(/^\s*(?:\d{1,2}\s*[.)\]:-]\s*|[-*•]\s*)/, "")
    // A definition is prose on the key's own line: a quote or a line break in it means the lenient parser
    // ran one key into the next member ('"Freedom: "4",\n"Social Power": "1"' is one key), so no trim, no match.
    .replace(/\s*(?:[:(\[]|\s[-–—]\s)[^"“”\n]*$/, "")
    .trim();
}
