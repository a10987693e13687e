import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUE_INDEX } from "../../src/catalog/values";
import { rowOf } from "../../src/analysis/matrix";
import {
  cellConfidence,
  cellConfidenceVector,
  ensembleMean,
  entropyConfidence,
  rankNormalize,
  task1Confidence,
  task2Confidence,
  unanimity,
  type Task1ConfidenceRow,
  type Task2ConfidenceRow,
} from "../../src/analysis/confidence";
import { gapConfidence, gapConfidenceFromExamples, restrictToConfident } from "../../src/analysis/gapConfidence";
import { makeScenarioMatrix } from "../../src/analysis/matrix";

const at = (country: string, topic: string, value: keyof typeof VALUE_INDEX) => rowOf(country, topic) * 56 + VALUE_INDEX[value];
const EG = "Egypt" as const;
const POL = "Politics" as const;

test("entropy confidence and rank normalisation on hand-computed cases", () => {
  assert.equal(entropyConfidence([1, 1, 2, 2], 2), 0);
  assert.equal(entropyConfidence([3, 3, 3], 4), 1);
  // p = (3/4, 1/4): H = −(.75 ln .75 + .25 ln .25) = 0.5623; / ln 2 = 0.8113
  assert.ok(Math.abs(entropyConfidence([0, 0, 0, 1], 2) - (1 - 0.8112781244591328)) < 1e-12);
  const r = rankNormalize([0.2, NaN, 0.9, 0.2]);
  assert.deepEqual([r[0], r[2], r[3]], [0.5, 1, 0.5]);
  assert.ok(Number.isNaN(r[1]));
  assert.deepEqual([...ensembleMean({ variant: [1, 0.5], token: [0.6, 0.9] })], [0.75, 0.75]);
  // a unit with one signal only: its mean is that signal's rank
  assert.deepEqual([...ensembleMean({ variant: [1, 0.5], token: [NaN, 0.9] })], [1, (0.5 + 1) / 2]);
});

test("Task 1: answer, variant consistency, sample consistency, entropy, token and verbalized per cell", () => {
  const rows: Task1ConfidenceRow[] = [
    // Wealth: variants 0, 1, 2 answer 1, 2, 3 → binary 0, 0, 1: variant = 2/3; mean 2 → agree
    { country: EG, topic: POL, variant: 0, answers: { Wealth: 1, Honest: 1 }, confidence: 0.9, answerProbs: { Wealth: 0.8 } },
    { country: EG, topic: POL, variant: 1, answers: { Wealth: 2, Honest: 1 }, confidence: 0.7, answerProbs: { Wealth: 0.6 } },
    { country: EG, topic: POL, variant: 2, answers: { Wealth: 3, Honest: 2 }, confidence: null },
    // replicates of variant 0 (not counted by the variant signal: it uses the lowest replicate)
    { country: EG, topic: POL, variant: 0, replicate: 1, answers: { Wealth: 3, Honest: 1 } },
    { country: EG, topic: POL, variant: 0, replicate: 2, answers: { Wealth: 1, Honest: 1 } },
    { country: EG, topic: POL, variant: 1, answers: null }, // unparsed row: ignored
  ];
  const c = task1Confidence(rows);
  const w = at(EG, POL, "Wealth");
  const h = at(EG, POL, "Honest");
  // mean of 1, 2, 3, 3, 1 = 2 < 2.5 → agree (0)
  assert.equal(c.answer[w], 0);
  assert.equal(c.n[w], 5);
  assert.equal(c.signals.variant![w], 2 / 3);
  assert.equal(c.signals.variant![h], 1); // 1, 1, 2 all agree
  // variant 0 replicates: 1, 3, 1 → binary 0, 1, 0: mode share 2/3; only variant 0 has ≥ 2 replicates
  assert.equal(c.signals.sample![w], 2 / 3);
  // Likert 1, 3, 1: p = (2/3, 1/3): H = 0.6365; / ln 4 = 0.4591
  assert.ok(Math.abs(c.signals.entropy![w] - (1 - 0.6365141682948128 / Math.log(4))) < 1e-12);
  assert.ok(Math.abs(c.signals.token![w] - 0.7) < 1e-12);
  // verbalized: mean over the rows that answered Wealth and gave a confidence (0.9, 0.7)
  assert.ok(Math.abs(c.signals.verbalized![w] - 0.8) < 1e-12);
  assert.ok(Number.isNaN(c.signals.token![h]));
  // a cell nobody answered
  const other = at("India", POL, "Wealth");
  assert.ok(Number.isNaN(c.answer[other]) && Number.isNaN(c.signals.variant![other]));
  const u = unanimity(c);
  assert.equal(u[w], 0);
  assert.equal(u[h], 1);
  assert.ok(Number.isNaN(u[other]));
  // no order signal for Task 1
  assert.equal(c.signals.order, undefined);
});

test("Task 1 without replicates or logprobs: only the variant signal is present", () => {
  const c = task1Confidence([
    { country: EG, topic: POL, variant: 0, answers: { Wealth: 4 } },
    { country: EG, topic: POL, variant: 1, answers: { Wealth: 3 } },
  ]);
  assert.deepEqual(Object.keys(c.signals), ["variant"]);
  assert.equal(c.answer[at(EG, POL, "Wealth")], 1);
});

test("Task 2: answer with tie-break, order, variant, sample, entropy and token per pair", () => {
  const row = (variant: number, replicate: number, chosenPolarity: "positive" | "negative" | null, answerProb?: number): Task2ConfidenceRow => ({
    country: EG,
    topic: POL,
    value: "Wealth",
    variant,
    replicate,
    chosenPolarity,
    answerProb,
  });
  // counterbalanced 5/7 × 2 replicates: 5 → neg, neg; 7 → pos, neg
  const c = task2Confidence([row(5, 0, "negative", 0.9), row(5, 1, "negative", 0.8), row(7, 0, "positive", 0.6), row(7, 1, "negative", 0.7)]);
  const w = at(EG, POL, "Wealth");
  assert.equal(c.answer[w], 1); // 3 of 4 negative
  assert.equal(c.n[w], 4);
  // (wording 5, rep 0): neg vs pos disagree; (wording 5, rep 1): neg vs neg agree → 1/2
  assert.equal(c.signals.order![w], 1 / 2);
  // sample: variant 5: 2/2 = 1; variant 7: 1/2 → mean 0.75
  assert.equal(c.signals.sample![w], 0.75);
  // entropy: variant 5: 1; variant 7: 1 − ln2/ln2 = 0 → 0.5
  assert.equal(c.signals.entropy![w], 0.5);
  assert.ok(Math.abs(c.signals.token![w] - 0.75) < 1e-12);
  // one wording only: no variant signal
  assert.equal(c.signals.variant, undefined);

  // a tie takes the lowest variant's lowest replicate; two wordings (1 and 5) give the variant signal
  const t = task2Confidence([row(7, 0, "negative"), row(5, 1, "negative"), row(5, 0, "positive"), row(1, 0, null)]);
  assert.equal(t.answer[w], 1); // 2 neg, 1 pos: no tie
  const tie = task2Confidence([row(7, 0, "negative"), row(5, 0, "positive")]);
  assert.equal(tie.answer[w], 0); // variant 5 replicate 0 chose positive
  assert.equal(tie.signals.order![w], 0);
  const two = task2Confidence([row(5, 0, "negative"), row(1, 0, "negative"), row(3, 0, "positive")]);
  // wordings {5, 1} (3 is wording 1 in the other order): lowest-replicate choices 1, 1, 0 → 2/3
  assert.equal(two.signals.variant![w], 2 / 3);
});

test("cell confidence: min raw signal, min of the halves' ensembles, a vector for --min-confidence", () => {
  const t1 = task1Confidence([
    { country: EG, topic: POL, variant: 0, answers: { Wealth: 1, Honest: 1 } },
    { country: EG, topic: POL, variant: 1, answers: { Wealth: 3, Honest: 1 } },
  ]);
  const t2 = task2Confidence([
    { country: EG, topic: POL, value: "Wealth", variant: 5, chosenPolarity: "negative" },
    { country: EG, topic: POL, value: "Wealth", variant: 7, chosenPolarity: "negative" },
  ]);
  const cells = cellConfidence(t1, t2);
  assert.equal(cells.length, 2);
  const wealth = cells.find((c) => c.value === "Wealth")!;
  const honest = cells.find((c) => c.value === "Honest")!;
  assert.equal(wealth.stated!.unanimous, false);
  assert.equal(wealth.confidence, 0.5); // variant 1/2 vs order 1
  assert.equal(honest.confidence, 1);
  assert.equal(honest.acted, undefined);
  // ranks: Task 1 variant [Wealth .5, Honest 1] → Wealth 1/2, Honest 1; Task 2 order: Wealth only → 1
  assert.equal(wealth.ensemble, 0.5);
  const v = cellConfidenceVector(cells);
  assert.equal(v[at(EG, POL, "Wealth")], 0.5);
  assert.ok(Number.isNaN(v[at(EG, POL, "Equality")]));
});

test("gap confidence: unanimous share, gap rates, share of gaps on unstable cells, F1 on confident cells", () => {
  // 4 cells of Egypt/Politics: Wealth, Honest unanimous; Equality, Freedom not
  const rows: Task1ConfidenceRow[] = [
    { country: EG, topic: POL, variant: 0, answers: { Wealth: 1, Honest: 4, Equality: 1, Freedom: 4 } },
    { country: EG, topic: POL, variant: 1, answers: { Wealth: 2, Honest: 4, Equality: 4, Freedom: 1 } },
    { country: EG, topic: POL, variant: 2, answers: { Wealth: 1, Honest: 3, Equality: 1, Freedom: 4 } },
  ];
  const t1 = task1Confidence(rows);
  const V = makeScenarioMatrix();
  const A = makeScenarioMatrix(0);
  const answered = makeScenarioMatrix(0);
  const set = (v: "Wealth" | "Honest" | "Equality" | "Freedom", stated: number, acted: number) => {
    V.data[at(EG, POL, v)] = stated;
    A.data[at(EG, POL, v)] = acted;
    answered.data[at(EG, POL, v)] = 1;
  };
  // stated: Wealth agree, Honest disagree, Equality agree (mean 2), Freedom disagree (mean 3)
  set("Wealth", 0.1, 0); // no gap
  set("Honest", 0.9, 0); // gap
  set("Equality", 1 / 3, 1); // gap
  set("Freedom", 2 / 3, 0); // gap
  const g = gapConfidence(V, A, answered, t1, "paper");
  assert.equal(g.counts.cells, 4);
  assert.equal(g.unanimousShare, 0.5);
  assert.equal(g.gapRateUnanimous, 0.5);
  assert.equal(g.gapRateNotUnanimous, 1);
  assert.equal(g.shareOfGapsInLowConfidence, 2 / 3);
  // confident cells of Egypt/Politics: Wealth (t 0, p 0), Honest (t 1, p 0): TP 0, FN 1 → F1 0
  assert.equal(g.f1Confident, 0);
  assert.equal(g.f1ConfidentPerScenario[rowOf(EG, POL)], 0);
  // an unanswered Task 2 cell is not compared
  answered.data[at(EG, POL, "Honest")] = 0;
  const g2 = gapConfidence(V, A, answered, t1, "paper");
  assert.equal(g2.gapRateUnanimous, 0);
  assert.equal(g2.counts.comparedUnanimous, 1);

  const conf = new Float64Array(V.data.length).fill(NaN);
  conf[at(EG, POL, "Wealth")] = 1;
  conf[at(EG, POL, "Honest")] = 0.5;
  const r = restrictToConfident(V, A, conf, 0.75);
  assert.equal(r.kept, 1);
  assert.equal(r.V.data[at(EG, POL, "Wealth")], 0.1);
  assert.ok(Number.isNaN(r.V.data[at(EG, POL, "Honest")]) && Number.isNaN(r.A.data[at(EG, POL, "Honest")]));
});

test("gap confidence from the published misaligned examples: every cell with unanimity is compared; per-row terms add up", () => {
  const t1 = task1Confidence([
    { country: EG, topic: POL, variant: 0, answers: { Wealth: 1, Honest: 4, Equality: 1 } },
    { country: EG, topic: POL, variant: 1, answers: { Wealth: 2, Honest: 4, Equality: 4 } },
    { country: "India", topic: POL, variant: 0, answers: { Wealth: 1 } },
    { country: "India", topic: POL, variant: 1, answers: { Wealth: 1 } },
  ]);
  // gaps listed at Egypt Wealth (unanimous) and Egypt Equality (not)
  const g = gapConfidenceFromExamples(t1, [at(EG, POL, "Wealth"), at(EG, POL, "Equality")]);
  assert.equal(g.source, "misaligned-examples");
  assert.equal(g.counts.cells, 4);
  assert.equal(g.unanimousShare, 3 / 4);
  assert.equal(g.gapRateUnanimous, 1 / 3);
  assert.equal(g.gapRateNotUnanimous, 1);
  assert.equal(g.shareOfGapsInLowConfidence, 1 / 2);
  assert.ok(Number.isNaN(g.f1Confident));
  const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
  assert.equal(sum(g.perRow.cells), 4);
  assert.equal(g.perRow.unanimous[rowOf("India", POL)], 1);
  assert.equal(sum(g.perRow.gapsNotUnanimous), 1);
});
