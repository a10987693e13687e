/**
 * Cue word lists counted per text field (on tokens from ./tokens). They are
 * short on purpose: each list names one linguistic signal that may separate
 * an action a model really takes from one it only states.
 *
 * - negation: grammatical negators, plus any token ending in "n't".
 * - hedging: epistemic and frequency hedges (softening the commitment).
 * - contrast: discourse markers that set one thing against another.
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  "not", "no", "never", "none", "nor", "neither", "nobody", "nothing", "nowhere", "without", "cannot",
]);

export const HEDGING_WORDS: ReadonlySet<string> = new Set([
  "may", "might", "could", "perhaps", "possibly", "maybe", "probably", "likely", "unlikely", "sometimes",
  "occasionally", "often", "usually", "generally", "somewhat", "rather", "fairly", "partly", "mostly",
  "seem", "seems", "tend", "tends", "suggest", "suggests", "arguably",
]);

export const CONTRAST_WORDS: ReadonlySet<string> = new Set([
  "but", "however", "although", "though", "whereas", "while", "instead", "yet", "despite", "nevertheless",
  "nonetheless", "unlike", "conversely", "otherwise",
]);

export interface CueCounts {
  negation: number;
  hedging: number;
  contrast: number;
}

export function isNegation(token: string): boolean {
  return NEGATION_WORDS.has(token) || token.endsWith("n't");
}

/** Count the three cue kinds. Example: countCues(["i","don't","vote","but","may"]) = {negation:1, hedging:1, contrast:1}. */
export function countCues(tokens: readonly string[]): CueCounts {
  const c: CueCounts = { negation: 0, hedging: 0, contrast: 0 };
  for (const t of tokens) {
    if (isNegation(t)) c.negation++;
    if (HEDGING_WORDS.has(t)) c.hedging++;
    if (CONTRAST_WORDS.has(t)) c.contrast++;
  }
  return c;
}
