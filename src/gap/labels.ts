import type { Country, Topic, Value } from "../catalog";
import type { Polarity } from "../runs/records";

/**
 * Labels of the gap predictor (method.md §8, §12 item 13).
 *
 * - `gap` (ours, what the paper's text describes): one example per
 *   (model, scenario, value) that has both a stated inclination (Task 1,
 *   binarized mean: 0 agree, 1 disagree) and a choice (Task 2). The chosen
 *   action's inclination is 0 when the positive action was chosen and 1 when
 *   the negative one was; gap = 1 when it differs from the stated one. The
 *   example's texts are those of the CHOSEN action.
 * - `choice` (what the authors' code predicts): one example per dataset row of
 *   an answered pair; label = 1 when the target picked this row's action.
 *
 * Inputs are plain objects so they can come from the published files or from
 * a run directory alike.
 */
export type LabelKind = "gap" | "choice";
export const LABEL_KINDS: readonly LabelKind[] = ["gap", "choice"];

/** The three VIA texts of one action (null where the generation did not give them). */
export interface ActionTexts {
  action: string | null;
  attributions: readonly string[];
  explanation: string | null;
}

/** One (scenario, value) pair as seen by one target model. */
export interface PairInput {
  country: Country;
  topic: Topic;
  value: Value;
  /** Binarized stated inclination from Task 1 (0 agree, 1 disagree), null when missing. */
  stated: 0 | 1 | null;
  /** Polarity of the action the target chose in Task 2, null when there is no usable choice. */
  chosenPolarity: Polarity | null;
  positive: ActionTexts;
  negative: ActionTexts;
  /** The target's own Task 2 explanation, when the run asked for one. */
  targetExplanation: string | null;
}

/** One labelled example for the predictor. */
export interface GapExample {
  country: Country;
  topic: Topic;
  value: Value;
  /** Polarity of the action whose texts the example carries. */
  polarity: Polarity;
  texts: ActionTexts;
  targetExplanation: string | null;
  label: 0 | 1;
}

/** Inclination implied by choosing an action of this polarity: positive = agree (0), negative = disagree (1). */
export const inclinationOf = (p: Polarity): 0 | 1 => (p === "positive" ? 0 : 1);

/** `gap` examples: pairs with both a stated inclination and a choice. */
export function gapExamples(pairs: readonly PairInput[]): GapExample[] {
  const out: GapExample[] = [];
  for (const p of pairs) {
    if (p.stated === null || p.chosenPolarity === null) continue;
    const chosen = p.chosenPolarity;
    out.push({
      country: p.country,
      topic: p.topic,
      value: p.value,
      polarity: chosen,
      texts: chosen === "positive" ? p.positive : p.negative,
      targetExplanation: p.targetExplanation,
      label: inclinationOf(chosen) === p.stated ? 0 : 1,
    });
  }
  return out;
}

/** `choice` examples: both rows of every answered pair (positive row first, as in the dataset). */
export function choiceExamples(pairs: readonly PairInput[]): GapExample[] {
  const out: GapExample[] = [];
  for (const p of pairs) {
    if (p.chosenPolarity === null) continue;
    for (const polarity of ["positive", "negative"] as const) {
      out.push({
        country: p.country,
        topic: p.topic,
        value: p.value,
        polarity,
        texts: polarity === "positive" ? p.positive : p.negative,
        targetExplanation: p.targetExplanation,
        label: polarity === p.chosenPolarity ? 1 : 0,
      });
    }
  }
  return out;
}

export function examplesFor(kind: LabelKind, pairs: readonly PairInput[]): GapExample[] {
  return kind === "gap" ? gapExamples(pairs) : choiceExamples(pairs);
}
