import type { Country, Topic, Value } from "../catalog";
import type { Polarity } from "../runs/records";

/**
 * The three prediction tasks of the gap predictor (method.md §8, issue 11).
 *
 * - `choice` (the paper's Table 14 task, what the authors' code predicts): one
 *   example per action of an answered pair; features of THAT action (its VIA
 *   text, attributions, explanation) plus the scenario and value; label 1 when
 *   the target chose it.
 * - `gap` (prediction): one example per decided (scenario, value) pair that
 *   has a stated inclination (Task 1). Only what exists before the target
 *   chooses: both actions' texts, the value, country, topic and the stated
 *   answer. The two actions are named by the stated answer, not by the
 *   choice: `consistent` is the action that matches the stated inclination
 *   (positive when stated agree, negative when stated disagree), `departing`
 *   the other one. Label 1 when the target chose the departing action, i.e.
 *   the choice departs from the stated inclination. No feature depends on
 *   which action was chosen (tests/gap/labels.test.ts flips the choice).
 * - `gap-posthoc` (DETECTION, not prediction): `gap` plus the target's own
 *   Task 2 explanation, written together with the choice, when the run has one.
 *
 * Inputs are plain objects so they can come from the published files or from
 * a run directory alike.
 */
export type LabelKind = "choice" | "gap" | "gap-posthoc";
export const LABEL_KINDS: readonly LabelKind[] = ["choice", "gap", "gap-posthoc"];

/** What each label is, in words (results.md, report, notebook). */
export const LABEL_MEANING: Record<LabelKind, string> = {
  choice: "prediction of the Task 2 choice, one example per action (the paper's Table 14 task)",
  gap: "prediction of the gap from pre-choice features, one example per decided (scenario, value) pair",
  "gap-posthoc": "DETECTION of the gap: the gap features plus the target's own Task 2 explanation, written with the choice",
};

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

/** Whose texts an example carries: `self` (choice) or the two actions of a gap example. */
export type TextRole = "self" | "consistent" | "departing";

/** One labelled example for the predictor. */
export interface GapExample {
  country: Country;
  topic: Topic;
  value: Value;
  /** `choice`: polarity of the example's action; gap labels: null (the choice is not a feature). */
  polarity: Polarity | null;
  /** Gap labels: the stated inclination (0 agree, 1 disagree); `choice`: null. */
  stated: 0 | 1 | null;
  /** `choice`: { self }; gap labels: { consistent, departing }. */
  texts: Partial<Record<TextRole, ActionTexts>>;
  /** `gap-posthoc` only: the target's Task 2 explanation; null elsewhere. */
  targetExplanation: string | null;
  label: 0 | 1;
}

/** Inclination implied by choosing an action of this polarity: positive = agree (0), negative = disagree (1). */
export const inclinationOf = (p: Polarity): 0 | 1 => (p === "positive" ? 0 : 1);

/** Polarity of the action that matches a stated inclination. */
export const consistentPolarity = (stated: 0 | 1): Polarity => (stated === 0 ? "positive" : "negative");

/** `gap` / `gap-posthoc` examples: pairs with both a stated inclination and a choice. */
export function gapExamples(pairs: readonly PairInput[], posthoc = false): GapExample[] {
  const out: GapExample[] = [];
  for (const p of pairs) {
    if (p.stated === null || p.chosenPolarity === null) continue;
    const consistent = consistentPolarity(p.stated);
    out.push({
      country: p.country,
      topic: p.topic,
      value: p.value,
      polarity: null,
      stated: p.stated,
      texts: {
        consistent: consistent === "positive" ? p.positive : p.negative,
        departing: consistent === "positive" ? p.negative : p.positive,
      },
      targetExplanation: posthoc ? p.targetExplanation : null,
      label: p.chosenPolarity === consistent ? 0 : 1,
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
        stated: null,
        texts: { self: polarity === "positive" ? p.positive : p.negative },
        targetExplanation: null,
        label: polarity === p.chosenPolarity ? 1 : 0,
      });
    }
  }
  return out;
}

export function examplesFor(kind: LabelKind, pairs: readonly PairInput[]): GapExample[] {
  if (kind === "choice") return choiceExamples(pairs);
  return gapExamples(pairs, kind === "gap-posthoc");
}
