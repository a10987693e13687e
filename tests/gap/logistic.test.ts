import { test } from "node:test";
import assert from "node:assert/strict";
import { makeRng } from "../../src/analysis/random";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { FeatureExtractor } from "../../src/gap/features";
import type { GapExample } from "../../src/gap/labels";
import { trainLogistic, undersample } from "../../src/gap/logistic";
import { fitStandardizer } from "../../src/gap/standardize";
import { crossValidate, majorityBaseline, randomBaseline } from "../../src/gap/experiment";
import { groupedStratifiedFolds } from "../../src/gap/cv";
import { scorePredictions } from "../../src/gap/metrics";
import { scenarioKey } from "../../src/catalog";

/** A toy set whose label is carried only by one explanation word. */
function toy(n: number, seed: number): GapExample[] {
  const rng = makeRng(seed);
  const words = ["community", "family", "work", "faith", "sport", "health", "school", "market"];
  const out: GapExample[] = [];
  for (let i = 0; i < n; i++) {
    const label = (rng.next() < 0.3 ? 1 : 0) as 0 | 1;
    const w = () => words[rng.int(words.length)];
    out.push({
      country: COUNTRIES[rng.int(4)],
      topic: TOPICS[rng.int(5)],
      value: VALUES[rng.int(VALUES.length)],
      polarity: rng.next() < 0.5 ? "positive" : "negative",
      texts: {
        action: `I support the ${w()} and the ${w()} in my ${w()}.`,
        attributions: [w()],
        explanation: `This shows ${label ? "reluctance" : "commitment"} to the ${w()}.`,
      },
      targetExplanation: null,
      label,
    });
  }
  return out;
}

test("separable toy set: grouped CV reaches F1 = 1 when the explanation is used, not without it", () => {
  const examples = toy(600, 1);
  const y = Uint8Array.from(examples, (e) => e.label);
  const fold = groupedStratifiedFolds(examples.map(scenarioKey), y, 5, makeRng(2));
  const fe = new FeatureExtractor({ dim: 256 });
  const withExpl = crossValidate(fe.matrix(examples, "action+explanation"), y, fold, 5, {}, makeRng(3));
  const s = scorePredictions(y, withExpl.pred, withExpl.score);
  assert.equal(s.f1, 1);
  assert.equal(s.auc, 1);
  const actionOnly = crossValidate(fe.matrix(examples, "action"), y, fold, 5, {}, makeRng(3));
  const a = scorePredictions(y, actionOnly.pred, actionOnly.score);
  assert.ok(a.auc! < 0.65, `action-only AUC ${a.auc}`);
});

test("ml-logistic-regression engine also separates the toy set (balanced undersampling)", () => {
  // metadata held constant and few buckets, so the unregularized library cannot fit noise instead
  const examples = toy(300, 4).map((e) => ({ ...e, country: "Egypt" as const, topic: "Politics" as const, value: "Wealth" as const, polarity: "positive" as const }));
  const y = Uint8Array.from(examples, (e) => e.label);
  const fe = new FeatureExtractor({ dim: 64, bigrams: false });
  const m = fe.matrix(examples, "action+explanation");
  const train = Array.from({ length: 200 }, (_, i) => i);
  const test = Array.from({ length: 100 }, (_, i) => 200 + i);
  const st = fitStandardizer(m, train);
  const model = trainLogistic(m, train, y, st, makeRng(1), { engine: "ml-logistic-regression", mlSteps: 100 });
  const p = model.predictProba(m, test);
  const s = scorePredictions(test.map((i) => y[i]), Array.from(p, (x) => (x >= 0.5 ? 1 : 0)), p);
  assert.equal(s.f1, 1);
});

test("training is deterministic for a seed", () => {
  const examples = toy(200, 5);
  const y = Uint8Array.from(examples, (e) => e.label);
  const m = new FeatureExtractor({ dim: 64 }).matrix(examples, "action+attribution+explanation");
  const rows = Array.from({ length: 200 }, (_, i) => i);
  const st = fitStandardizer(m, rows);
  const a = trainLogistic(m, rows, y, st, makeRng(9)).weights;
  const b = trainLogistic(m, rows, y, st, makeRng(9)).weights;
  assert.deepEqual(a, b);
});

test("balanced class weights move the threshold towards the minority class", () => {
  // no signal at all: unweighted predicts the majority everywhere; balanced predicts ~half positive
  const examples = toy(400, 6).map((e, i) => ({
    ...e,
    country: "Egypt" as const,
    topic: "Politics" as const,
    value: "Wealth" as const,
    polarity: "positive" as const,
    label: (i % 5 === 0 ? 1 : 0) as 0 | 1,
    texts: { action: "same", attributions: [], explanation: "same" },
  }));
  const y = Uint8Array.from(examples, (e) => e.label);
  const m = new FeatureExtractor({ dim: 16 }).matrix(examples, "action");
  const rows = Array.from({ length: 400 }, (_, i) => i);
  const st = fitStandardizer(m, rows);
  const none = trainLogistic(m, rows, y, st, makeRng(1), { classWeight: "none" }).predictProba(m, rows);
  const bal = trainLogistic(m, rows, y, st, makeRng(1), { classWeight: "balanced" }).predictProba(m, rows);
  const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
  assert.ok(Math.abs(mean(none) - 0.2) < 0.05, `unweighted mean p ${mean(none)}`);
  assert.ok(Math.abs(mean(bal) - 0.5) < 0.05, `balanced mean p ${mean(bal)}`);
});

test("undersample keeps all minority rows and as many majority rows", () => {
  const y = [1, 0, 0, 0, 1, 0, 0];
  const kept = undersample([0, 1, 2, 3, 4, 5, 6], y, makeRng(1));
  assert.equal(kept.filter((i) => y[i]).length, 2);
  assert.equal(kept.filter((i) => !y[i]).length, 2);
  assert.deepEqual(kept, [...kept].sort((a, b) => a - b));
});

test("baselines: majority predicts the training majority; random predicts at the training base rate", () => {
  const y = Uint8Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
  const fold = Int32Array.from({ length: 1000 }, (_, i) => i % 5);
  const maj = majorityBaseline(y, fold, 5);
  assert.ok(maj.pred.every((p) => p === 0));
  assert.equal(scorePredictions(y, maj.pred, maj.score).auc, 0.5);
  const rnd = randomBaseline(y, fold, 5, makeRng(1));
  const rate = rnd.pred.reduce((s, p) => s + p, 0) / 1000;
  assert.ok(Math.abs(rate - 0.25) < 0.05, `random positive rate ${rate}`);
  assert.deepEqual(randomBaseline(y, fold, 5, makeRng(1)), rnd);
});
