/**
 * Tokenization for the gap features: lower-case, tokens are maximal runs of
 * letters, digits and apostrophes (Unicode aware), with leading/trailing
 * apostrophes (quotes) stripped. Curly apostrophes become "'" first, so
 * "don’t" and "don't" are one token.
 * Example: tokenize("I don't 'vote' (ever).") = ["i", "don't", "vote", "ever"].
 */
const TOKEN = /[\p{L}\p{N}']+/gu;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  for (const m of lower.match(TOKEN) ?? []) {
    const t = m.charCodeAt(0) === 39 || m.charCodeAt(m.length - 1) === 39 ? m.replace(/^'+|'+$/g, "") : m;
    if (t.length > 0) out.push(t);
  }
  return out;
}

/** Adjacent token pairs joined by one space. Example: bigrams(["a","b","c"]) = ["a b", "b c"]. */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
