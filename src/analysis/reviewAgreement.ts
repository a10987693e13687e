import { bootstrapMeanCI, type CI } from "./bootstrap";
import { kappaOfPairs, type KappaResult } from "./humanEvaluation";
import { uqScore, type UqScore } from "./uq";

/**
 * Agreement of `vag review` labels (issue 12 item 4): between annotators
 * (Cohen's kappa per pair), between the run and the people (accuracy), and
 * how well the run's confidence finds the answers people overrule (UQ
 * performance against human labels, analysis/uq.ts). Labels are binary per
 * item with a third "unsure" label that counts as no label. Intervals: seeded
 * percentile bootstrap over the labelled items.
 */

export interface ReviewedItem {
  item: string;
  /** The item's labels: [positive (1), negative (0), unsure]. */
  labels: readonly [string, string, string];
  /** The run's answer in those labels ("" when it has none). */
  modelAnswer: string;
  /** The review order's confidence (rank-mean ensemble) and the lowest raw signal; null when unknown. */
  ensemble: number | null;
  confidence: number | null;
}

export interface Annotation {
  annotator: string;
  labels: Readonly<Record<string, string>>;
}

export interface Accuracy {
  value: number;
  n: number;
  ci95: CI;
}

export interface ReviewAgreement {
  items: number;
  resampling: { scheme: "items"; seed: number; resamples: number };
  annotators: Array<{ annotator: string; labelled: number; unsure: number; accuracy: Accuracy }>;
  kappa: Array<{ a: string; b: string } & KappaResult>;
  /** The people's majority label per item (ties and all-unsure items undecided). */
  consensus: { decided: number; undecided: number; accuracy: Accuracy };
  /** Low confidence as a detector of the answers the consensus overrules, within the reviewed items. */
  uq: { ensemble: UqScore; confidence: UqScore };
}

/** 1 for the positive label, 0 for the negative, NaN for unsure, unknown or absent. */
export function binaryLabel(labels: readonly [string, string, string], label: string | undefined): number {
  return label === labels[0] ? 1 : label === labels[1] ? 0 : NaN;
}

/**
 * The consensus of several annotators on one item: the label most of them
 * gave among the decided ones,
 *
 *   c = 1 if #1 > #0,  0 if #0 > #1,  NaN on a tie (or no decided label).
 */
export function consensusLabel(xs: readonly number[]): number {
  let ones = 0;
  let zeros = 0;
  for (const x of xs) if (x === 1) ones++;
  else if (x === 0) zeros++;
  return ones > zeros ? 1 : zeros > ones ? 0 : NaN;
}

/**
 * accuracy = #{items with m_i = h_i} / #{items where both are decided},
 * m = the run's answer, h = a person's (or the consensus) label.
 */
function accuracy(model: readonly number[], human: readonly number[], boot: ReviewAgreement["resampling"]): Accuracy {
  const hits: number[] = [];
  for (let i = 0; i < model.length; i++) if (Number.isFinite(model[i]) && Number.isFinite(human[i])) hits.push(model[i] === human[i] ? 1 : 0);
  const value = hits.length === 0 ? NaN : hits.reduce((s, x) => s + x, 0) / hits.length;
  return { value, n: hits.length, ci95: bootstrapMeanCI(hits, { seed: boot.seed, iterations: boot.resamples }) };
}

export function reviewAgreement(items: readonly ReviewedItem[], annotations: readonly Annotation[], boot: ReviewAgreement["resampling"]): ReviewAgreement {
  const model = items.map((it) => binaryLabel(it.labels, it.modelAnswer));
  const human = annotations.map((a) => items.map((it) => binaryLabel(it.labels, a.labels[it.item])));
  const annotators = annotations.map((a, j) => ({
    annotator: a.annotator,
    labelled: human[j].filter(Number.isFinite).length,
    unsure: items.filter((it) => a.labels[it.item] === it.labels[2]).length,
    accuracy: accuracy(model, human[j], boot),
  }));
  const kappa: ReviewAgreement["kappa"] = [];
  for (let x = 0; x < annotations.length; x++)
    for (let y = x + 1; y < annotations.length; y++) {
      const pa: number[] = [];
      const pb: number[] = [];
      items.forEach((_, i) => {
        if (Number.isFinite(human[x][i]) && Number.isFinite(human[y][i])) {
          pa.push(human[x][i]);
          pb.push(human[y][i]);
        }
      });
      kappa.push({ a: annotations[x].annotator, b: annotations[y].annotator, ...kappaOfPairs(pa, pb, boot) });
    }
  const consensus = items.map((_, i) => consensusLabel(human.map((h) => h[i])));
  const labelledByAnyone = items.map((_, i) => human.some((h) => Number.isFinite(h[i])));
  const wrong = items.map((_, i) => (Number.isFinite(model[i]) && Number.isFinite(consensus[i]) ? (model[i] === consensus[i] ? 0 : 1) : NaN));
  const conf = (f: (it: ReviewedItem) => number | null) => items.map((it) => f(it) ?? NaN);
  return {
    items: items.length,
    resampling: boot,
    annotators,
    kappa,
    consensus: {
      decided: consensus.filter(Number.isFinite).length,
      undecided: consensus.filter((c, i) => !Number.isFinite(c) && labelledByAnyone[i]).length,
      accuracy: accuracy(model, consensus, boot),
    },
    uq: { ensemble: uqScore(conf((it) => it.ensemble), wrong), confidence: uqScore(conf((it) => it.confidence), wrong) },
  };
}
