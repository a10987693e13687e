import { binaryScores, Confusion } from "../analysis/classification";
import { mcnemarExact, type McNemarResult } from "../analysis/mcnemar";
import { answerText } from "../parse/reasoning";

/**
 * Scorer of the paper's few-shot gap predictor (method.md §8, Table 14).
 *
 * The observer answers in the shape of the shots, "Label: True \n Reason: ...",
 * and the authors take the SECOND whitespace-separated token as the prediction.
 * We do the same: token "True" predicts True, token "False" predicts False.
 * Anything else (empty reply, one token, "True," ...) is counted in `unparsed`
 * and scored as a False prediction, which is what the authors' string
 * comparison does; the count makes that visible instead of hiding it.
 *
 * F1, precision and recall use True as the positive class (sklearn semantics,
 * src/analysis/classification.ts). Re-scoring the published
 * `explanations/*_explanation_outputs_*.csv` with this gives Table 14 exactly,
 * e.g. chatgpt default: F1 0.795, accuracy 0.745.
 */
export type FewShotPrediction = true | false | null;

/**
 * The prediction in one reply: true/false, or null when the second token is
 * neither "True" nor "False". The tokens are those of the answer: a
 * reasoning model's `<think>…</think>` block (reasoning.ts) is removed
 * first, so "<think> Label: False? …</think> Label: True" predicts True and
 * a reply that is only (cut-off) reasoning is null. A reply without tags is
 * read exactly as the authors read it.
 */
export function fewShotPrediction(reply: string | null | undefined): FewShotPrediction {
  if (typeof reply !== "string") return null;
  const answer = answerText(reply);
  if (answer === null) return null;
  const tokens = answer.trim().split(/\s+/);
  const token = tokens.length > 1 ? tokens[1] : undefined;
  if (token === "True") return true;
  if (token === "False") return false;
  return null;
}

export interface FewShotScore {
  n: number;
  f1: number;
  accuracy: number;
  precision: number;
  recall: number;
  /** replies whose second token was neither "True" nor "False" (scored as False). */
  unparsed: number;
  confusion: Confusion;
}

/** Score replies against gold labels (true = the target picked the action). */
export function scoreFewShot(labels: ArrayLike<boolean>, replies: ArrayLike<string | null | undefined>): FewShotScore {
  if (labels.length !== replies.length) throw new RangeError(`length mismatch: ${labels.length} labels vs ${replies.length} replies`);
  const yPred: boolean[] = [];
  let unparsed = 0;
  for (let i = 0; i < replies.length; i++) {
    const p = fewShotPrediction(replies[i]);
    if (p === null) unparsed++;
    yPred.push(p === true);
  }
  const s = binaryScores(Array.from(labels), yPred, true);
  return { n: s.n, f1: s.f1, accuracy: s.accuracy, precision: s.precision, recall: s.recall, unparsed, confusion: s.confusion };
}

/** Scores of a trivial rule on the few-shot test items (F1 etc. with True positive). */
export interface RuleScore {
  f1: number;
  accuracy: number;
  precision: number;
  recall: number;
  n: number;
}

const ruleScore = (labels: readonly boolean[], pred: readonly boolean[]): RuleScore => {
  const s = binaryScores(labels, pred, true);
  return { f1: s.f1, accuracy: s.accuracy, precision: s.precision, recall: s.recall, n: s.n };
};

/**
 * The rules every few-shot score must be read against (issue 11 item 5):
 * - always True: on the paper's balanced 100/100 test set F1 = 2·100/(2·100 + 100) = 0.667, accuracy 0.5;
 * - polarity rule: True iff the item is the POSITIVE action of its pair (the
 *   value-affirming one); needs each item's polarity, null when unknown.
 * On a balanced sample of chosen / not-chosen actions the polarity rule's F1
 * and accuracy are both the share of chosen actions that are positive.
 */
export function fewShotBaselines(labels: readonly boolean[], positive: readonly boolean[] | null): { always_true: RuleScore; polarity_rule: RuleScore | null } {
  return {
    always_true: ruleScore(labels, labels.map(() => true)),
    polarity_rule: positive ? ruleScore(labels, positive) : null,
  };
}

/**
 * Exact McNemar from one setting's predictions to another's on the SAME items
 * (analysis/mcnemar.ts): b = items only `from` got right, c = items only `to` got right.
 */
export function fewShotMcNemar(labels: readonly boolean[], from: ArrayLike<string | null | undefined>, to: ArrayLike<string | null | undefined>): McNemarResult {
  // as scoreFewShot: a missing reply would otherwise be read as a wrong False, silently
  if (from.length !== labels.length || to.length !== labels.length)
    throw new RangeError(`length mismatch: ${labels.length} labels vs ${from.length} and ${to.length} replies`);
  const correct = (replies: ArrayLike<string | null | undefined>) => labels.map((l, i) => (fewShotPrediction(replies[i]) === true) === l);
  return mcnemarExact(correct(from), correct(to));
}
