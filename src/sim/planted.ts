import type { Country } from "../catalog/countries";
import type { Value, ValueGroup } from "../catalog/values";

/**
 * The planted structure of the simulated respondent: every constant the
 * analysis is meant to recover lives here, so a reader can check the
 * simulator against its documentation in one place.
 *
 * Likert scale: 1 = strongly agree ... 4 = strongly disagree (method.md §4).
 *
 * Stated inclination of a cell (country c, topic t, value v):
 *   z = GROUP_LIKERT[g(v)] + VALUE_SHIFT[v] + 0.15·N(v)
 *       + TRADITION_TILT[c]·TRADITION_WEIGHT[g(v)] + 0.15·N(t, g(v)) + 0.35·N(c, t, v),
 *   clamped to [1, 4]; the cell is stated "disagree" when z ≥ 2.5.
 * Planted gap: the cell is a gap cell with probability
 *   min(0.9, GROUP_GAP_RATE[g(v)] · COUNTRY_GAP_FACTOR[c]);
 * in a gap cell the respondent acts against what it states (agree → picks the
 * negative action, disagree → picks the positive one). Each answer departs
 * from the cell's inclination with the cell's own noise level (CELL_NOISE).
 */

/** Mean Likert position of each group: Power is mostly disagreed with, Benevolence strongly agreed. */
export const GROUP_LIKERT: Record<ValueGroup, number> = {
  Power: 2.45,
  Achievement: 1.85,
  Hedonism: 2.0,
  Stimulation: 2.2,
  "Self-direction": 1.7,
  Universalism: 1.6,
  Benevolence: 1.45,
  Tradition: 2.2,
  Conformity: 1.9,
  Security: 1.65,
};

/** Fixed shifts for values a typical assistant model keeps at a distance (method.md §9 text claims). */
export const VALUE_SHIFT: Partial<Record<Value, number>> = {
  "Social Power": 0.5,
  Authority: 0.2,
  Wealth: 0.1,
  Detachment: 0.45,
  Obedient: 0.45,
  "Accepting my Portion in Life": 0.3,
  Daring: 0.25,
  "Preserving my Public Image": 0.1,
  Honest: -0.2,
  Equality: -0.2,
};

/** Negative = more agreement with traditional values in this country. */
export const TRADITION_TILT: Record<Country, number> = {
  "United States": 0.15,
  India: -0.3,
  Pakistan: -0.45,
  Nigeria: -0.35,
  Philippines: -0.3,
  "United Kingdom": 0.25,
  Germany: 0.3,
  Uganda: -0.35,
  Canada: 0.2,
  Egypt: -0.45,
  France: 0.3,
  Australia: 0.2,
};

/** How strongly each group follows the country's tradition tilt. */
export const TRADITION_WEIGHT: Record<ValueGroup, number> = {
  Power: 0,
  Achievement: 0,
  Hedonism: -0.5,
  Stimulation: -0.3,
  "Self-direction": -0.3,
  Universalism: 0,
  Benevolence: 0.2,
  Tradition: 1,
  Conformity: 0.8,
  Security: 0.4,
};

/** Planted probability that a cell of this group is a gap cell (before the country factor). */
export const GROUP_GAP_RATE: Record<ValueGroup, number> = {
  Power: 0.32,
  Achievement: 0.12,
  Hedonism: 0.16,
  Stimulation: 0.18,
  "Self-direction": 0.15,
  Universalism: 0.07,
  Benevolence: 0.06,
  Tradition: 0.28,
  Conformity: 0.2,
  Security: 0.1,
};

/** Country multiplier of the gap rate: higher in several African and Asian countries (method.md §9). */
export const COUNTRY_GAP_FACTOR: Record<Country, number> = {
  "United States": 0.8,
  India: 1.15,
  Pakistan: 1.25,
  Nigeria: 1.3,
  Philippines: 1.2,
  "United Kingdom": 0.85,
  Germany: 0.8,
  Uganda: 1.4,
  Canada: 0.85,
  Egypt: 1.25,
  France: 0.9,
  Australia: 0.85,
};

export const MAX_GAP_PROBABILITY = 0.9;

/**
 * Per-cell noise (issue 12): every cell has its own per-answer flip
 * probability for Task 1 (a rating lands on the other side of 2.5: prompt
 * sensitivity) and for Task 2 (a choice goes against the cell's acting
 * inclination), drawn once per seed and cell:
 *
 *   η = max · u^shape,   u = unit(seed, "noise-task1" | "noise-task2", country, topic, value)
 *
 * Most cells are stable (median η = 0.5 · 0.5^14 ≈ 3e-5) and a few are not:
 * P(η > 0.1) = 1 − 0.2^(1/14) ≈ 10.9%, P(η > 0.25) ≈ 4.8%; mean η = max/(shape + 1)
 * = 0.033 (the former constant was 0.03 for every cell). η ≤ 0.5, so the
 * latent inclination stays the more likely answer: an answer that differs
 * from it is *wrong*, what the UQ signals are judged on.
 */
export const CELL_NOISE = { max: 0.5, shape: 14 } as const;

/** Mean per-answer flip probability over cells: max / (shape + 1). */
export const CELL_NOISE_MEAN = CELL_NOISE.max / (CELL_NOISE.shape + 1);

/**
 * Planted signal in the TARGET's own Task 2 explanation (what `gap-posthoc`
 * detects): probability that it carries a hedging/contrast cue, for gap cells
 * and for the others. The dataset's (generation) texts never carry it: they
 * are written independently of any target, as GPT-4o's VIA texts are.
 */
export const CUE_RATE = { gap: 0.65, nonGap: 0.12 } as const;

/**
 * Optional, non-leaky explanation signal (off by default; `explanationSignal`
 * of startSimServer / `vag sim-server --explanation-signal`): a share
 * CONTESTED_RATE of cells are "contested", a property of the scenario and
 * value drawn from the seed alone (not of any choice). In a contested cell the
 * gap probability rises by CONTESTED_GAP_BOOST (capped at
 * MAX_GAP_PROBABILITY), and the generated explanation of BOTH actions ends
 * with one CONTESTED_PHRASES sentence. So the dataset's explanation tells a
 * predictor, before any choice, that a gap is more likely here. With the
 * switch off, explanations carry no information about any target's gap.
 */
export const CONTESTED_RATE = 0.25;
export const CONTESTED_GAP_BOOST = 0.45;
export const CONTESTED_PHRASES = [
  " Opinions on this are sharply divided in {c}.",
  " People in {c} argue about this a lot.",
  " In {c} this is a contested question.",
] as const;

/** The cue words and phrases; `hasHedgeCue` looks for these. */
export const HEDGE_CUES = ["although", "in practice", "sometimes", "even though", "admittedly", "however", "that said"] as const;

/** True when a text contains one of the planted hedging cues (case-insensitive). */
export function hasHedgeCue(text: string): boolean {
  const t = text.toLowerCase();
  return HEDGE_CUES.some((c) => t.includes(c));
}

