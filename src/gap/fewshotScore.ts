import { binaryScores, Confusion } from "../analysis/classification";

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

/** The prediction in one reply: true/false, or null when the second token is neither "True" nor "False". */
export function fewShotPrediction(reply: string | null | undefined): FewShotPrediction {
  if (typeof reply !== "string") return null;
  const tokens = reply.trim().split(/\s+/);
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
