import { test } from "node:test";
import assert from "node:assert/strict";
import { aucComponents, clusterIntervals, clustersOf, pairedGain } from "../../src/gap/clustered";
import { rocAuc } from "../../src/gap/auc";

test("AUC pseudo-values by hand: mean over all rows is the AUC; ties count half", () => {
  assert.deepEqual(Array.from(aucComponents([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])), [1.25, 0.25, 0.25, 1.25]);
  // a tie between a positive and a negative: each gets ½ from the other, AUC ½
  assert.deepEqual(Array.from(aucComponents([0, 1], [0.5, 0.5])), [0.5, 0.5]);
  const y = [0, 1, 1, 0, 1, 0, 0];
  const s = [0.2, 0.9, 0.2, 0.7, 0.4, 0.1, 0.4];
  const psi = aucComponents(y, s);
  assert.ok(Math.abs(psi.reduce((a, b) => a + b, 0) / y.length - rocAuc(y, s)!) < 1e-12);
});

test("paired AUC gain: the pseudo-value bootstrap CI is close to the exact paired bootstrap (recomputed AUCs)", () => {
  const { y, c, good, noisy } = data();
  const g = pairedGain(y, asPred(noisy), asPred(good), c, 1000, 3);
  // exact: recompute both AUCs on the same resampled scenarios
  const w = new Float64Array(y.length);
  const diffs: number[] = [];
  const rng = require("../../src/analysis/random").makeRng(11);
  for (let b = 0; b < 1000; b++) {
    const m = new Float64Array(c.count);
    for (let k = 0; k < c.count; k++) m[rng.int(c.count)]++;
    for (let i = 0; i < y.length; i++) w[i] = m[c.of[i]];
    diffs.push(rocAuc(y, good, w)! - rocAuc(y, noisy, w)!);
  }
  diffs.sort((a, b) => a - b);
  const exactWidth = diffs[974] - diffs[24];
  const width = g.ci95.auc[1] - g.ci95.auc[0];
  assert.ok(width > 0.6 * exactWidth && width < 1.6 * exactWidth, `pseudo-value width ${width} vs exact ${exactWidth}`);
});

test("clusters: first-seen order", () => {
  const c = clustersOf(["b", "a", "b", "c"]);
  assert.deepEqual(Array.from(c.of), [0, 1, 0, 2]);
  assert.equal(c.count, 3);
});

const data = () => {
  const y: number[] = [];
  const keys: string[] = [];
  const good: number[] = [];
  const noisy: number[] = [];
  for (let g = 0; g < 60; g++)
    for (let k = 0; k < 6; k++) {
      const label = (g + k) % 3 === 0 ? 1 : 0;
      y.push(label);
      keys.push(`s${g}`);
      good.push(label + 0.3 * Math.sin(g * 7 + k));
      noisy.push(label * 0.3 + Math.sin(g * 13 + k * 5));
    }
  return { y: Uint8Array.from(y), c: clustersOf(keys), good: Float64Array.from(good), noisy: Float64Array.from(noisy) };
};
const asPred = (s: Float64Array) => ({ score: s, pred: Uint8Array.from(s, (x) => (x >= 0.5 ? 1 : 0)) });

test("paired gain: identical predictors differ by exactly 0 with p = 1; a better one has a positive CI and a small p", () => {
  const { y, c, good, noisy } = data();
  const same = pairedGain(y, asPred(noisy), asPred(noisy), c, 300, 1);
  assert.equal(same.auc, 0);
  assert.deepEqual(same.ci95.auc, [0, 0]);
  assert.equal(same.p, 1);
  const g = pairedGain(y, asPred(noisy), asPred(good), c, 300, 1);
  assert.ok(g.auc > 0.2 && g.ci95.auc[0] > 0 && g.p < 0.01, JSON.stringify(g));
  assert.ok(g.f1 > 0 && g.ci95.f1[0] > 0);
  const ci = clusterIntervals(y, asPred(good), c, 300, 5);
  assert.ok(ci.auc[0] <= ci.auc[1] && ci.auc[1] <= 1);
});
