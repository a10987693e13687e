import { test } from "node:test";
import assert from "node:assert/strict";
import { makeRng } from "../../src/analysis/random";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { columnMask, fitLogistic, predictLogistic } from "../../src/gap/logistic";
import { evaluateTarget, foldSummary } from "../../src/gap/evaluate";
import { featureMatrix, textFeature } from "../../src/gap/features";
import type { GapExample } from "../../src/gap/labels";
import { majorityPredictor, stratifiedRandomPredictor } from "../../src/gap/predictors";
import { baselineSettings, textSetting } from "../../src/gap/settings";
import type { SparseMatrix } from "../../src/gap/sparse";

const csr = (rows: number[][]): SparseMatrix => {
  const rowPtr = [0];
  const colIdx: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    r.forEach((v, j) => {
      if (v !== 0) {
        colIdx.push(j);
        values.push(v);
      }
    });
    rowPtr.push(colIdx.length);
  }
  return { rows: rows.length, cols: rows[0].length, rowPtr: Int32Array.from(rowPtr), colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) };
};

test("FTRL-Proximal, one row, one pass, by hand", () => {
  // w = 0 → p = ½, g = (½ − 1)·x = −½ for both columns; n = ¼, σ = (½ − 0)/α = 5, z = −½ − 5·0 = −½;
  // w_j = ½ / ((β + ½)/α + λ_j): intercept ½/15, feature ½/(15 + λ)
  const m = csr([[1, 1]]);
  const w = fitLogistic(m, [0], [1], { l2: 1, minCount: 1 }, makeRng(1), { epochs: 1, alpha: 0.1, beta: 1, classWeight: "none" });
  assert.ok(Math.abs(w[0] - 0.5 / 15) < 1e-12, String(w[0]));
  assert.ok(Math.abs(w[1] - 0.5 / 16) < 1e-12, String(w[1]));
  const p = predictLogistic(m, [0], w)[0];
  assert.ok(Math.abs(p - 1 / (1 + Math.exp(-(0.5 / 15 + 0.5 / 16)))) < 1e-12);
});

test("minimum count: columns held by fewer training rows are left out (weight 0); the intercept always stays", () => {
  const m = csr([
    [1, 1, 0],
    [1, 1, 1],
    [1, 0, 0],
  ]);
  assert.deepEqual(Array.from(columnMask(m, [0, 1, 2], 2)), [1, 1, 0]);
  assert.deepEqual(Array.from(columnMask(m, [2], 2)), [1, 0, 0]);
  const w = fitLogistic(m, [0, 1, 2], [1, 1, 0], { l2: 1, minCount: 2 }, makeRng(1));
  assert.equal(w[2], 0);
  assert.ok(w[1] > 0);
});

test("majority and stratified random follow the training rows' base rate", () => {
  const y = [1, 1, 1, 0, 0, 0, 0, 0];
  const maj = majorityPredictor(y).fit([0, 1, 2, 3], { l2: 0, minCount: 1 }, makeRng(1)).predict([4, 5]);
  assert.deepEqual(Array.from(maj.pred), [1, 1]); // 3 of 4 training rows are 1
  assert.equal(maj.score[0], maj.score[1]);
  const rnd = stratifiedRandomPredictor(y).fit([0, 3, 4, 5], { l2: 0, minCount: 1 }, makeRng(1)).predict(Array.from({ length: 4000 }, (_, i) => i % 8));
  const rate = rnd.pred.reduce((s, v) => s + v, 0) / 4000;
  assert.ok(Math.abs(rate - 0.25) < 0.03, String(rate));
});

test("fold summary: mean ± t(K−1)·sd/√K, by hand", () => {
  const s = foldSummary([1, 2, 3]);
  assert.equal(s.mean, 2);
  assert.ok(Math.abs(s.ci95[0] - (2 - 4.303 / Math.sqrt(3))) < 1e-12);
  assert.ok(Math.abs(s.ci95[1] - (2 + 4.303 / Math.sqrt(3))) < 1e-12);
});

/** A toy choice set whose label is carried only by one explanation word. */
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
      stated: null,
      texts: { self: { action: `I support the ${w()} and the ${w()} in my ${w()}.`, attributions: [w()], explanation: `This shows ${label ? "reluctance" : "commitment"} to the ${w()}.` } },
      targetExplanation: null,
      label,
    });
  }
  return out;
}

test("nested grouped CV: the explanation word separates the toy set, the action and the baselines do not; tuned inside folds", () => {
  const examples = toy(600, 1);
  const settings = [
    ...baselineSettings("choice"),
    textSetting("action", "choice", [textFeature("action")]),
    textSetting("action+explanation", "choice", [textFeature("action"), textFeature("explanation")]),
  ];
  const r = evaluateTarget("toy", "choice", examples, settings, { bootstrap: 200, folds: 5, innerFolds: 2 });
  const by = (id: string) => r.settings.find((s) => s.setting === id)!;
  assert.equal(by("action+explanation").auc, 1);
  assert.equal(by("action+explanation").f1, 1);
  assert.ok(by("action").auc! < 0.65, `action AUC ${by("action").auc}`);
  assert.equal(by("majority").auc, 0.5);
  for (const s of r.settings) {
    assert.equal(s.chosen.length, 5);
    if (s.predictor === "logistic") assert.ok(s.chosen.every((p) => [1, 10].includes(p.l2)), JSON.stringify(s.chosen));
    assert.ok(s.ci95.f1[0] <= s.f1 && s.f1 <= s.ci95.f1[1], `${s.setting} F1 CI brackets the estimate`);
  }
  const top = by("action+explanation").top!;
  assert.equal(top.positive[0].feature, "explanation|reluctance");
  assert.ok(top.negative.slice(0, 3).some((f) => /commitment/.test(f.feature)), JSON.stringify(top.negative.slice(0, 3)));
});
