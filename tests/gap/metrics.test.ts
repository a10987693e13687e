import { test } from "node:test";
import assert from "node:assert/strict";
import { makeRng } from "../../src/analysis/random";
import { rocAuc } from "../../src/gap/auc";
import { bootstrapCi, scorePredictions } from "../../src/gap/metrics";

test("AUC hand cases", () => {
  // positives 0.35, 0.8 vs negatives 0.1, 0.4: pairs won 3 of 4
  assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
  assert.equal(rocAuc([0, 1], [0.2, 0.9]), 1);
  assert.equal(rocAuc([0, 1], [0.9, 0.2]), 0);
  // ties count half: positive 0.5 vs negatives 0.5 and 0.1 -> (0.5 + 1) / 2
  assert.equal(rocAuc([0, 0, 1], [0.5, 0.1, 0.5]), 0.75);
  assert.equal(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]), 0.5);
  assert.equal(rocAuc([1, 1], [0.1, 0.2]), null);
  assert.equal(rocAuc([], []), null);
});

test("AUC with multiplicities equals AUC of the expanded data", () => {
  const y = [0, 1, 0, 1, 1];
  const s = [0.2, 0.3, 0.6, 0.6, 0.9];
  const w = [2, 0, 1, 3, 1];
  const ey: number[] = [];
  const es: number[] = [];
  y.forEach((v, i) => {
    for (let k = 0; k < w[i]; k++) (ey.push(v), es.push(s[i]));
  });
  assert.equal(rocAuc(y, s, w), rocAuc(ey, es));
});

test("scores follow sklearn conventions", () => {
  const s = scorePredictions([1, 1, 0, 0], [1, 0, 1, 0], [0.9, 0.4, 0.6, 0.1]);
  assert.deepEqual(s, { n: 4, f1: 0.5, accuracy: 0.5, precision: 0.5, recall: 0.5, auc: 0.75 });
  assert.equal(scorePredictions([1, 0], [0, 0], null).f1, 0);
  assert.equal(scorePredictions([1, 0], [0, 0], null).auc, null);
});

test("bootstrap CI: seeded, brackets the estimate, narrows with n", () => {
  const rng = makeRng(5);
  const mk = (n: number) => {
    const y: number[] = [];
    const p: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = rng.next() < 0.3 ? 1 : 0;
      const score = t ? rng.next() * 0.7 + 0.3 : rng.next() * 0.7;
      y.push(t);
      s.push(score);
      p.push(score >= 0.5 ? 1 : 0);
    }
    return { y, p, s };
  };
  const small = mk(200);
  const big = mk(5000);
  const a = bootstrapCi(small.y, small.p, small.s, 300, makeRng(1));
  const b = bootstrapCi(small.y, small.p, small.s, 300, makeRng(1));
  assert.deepEqual(a, b);
  const est = scorePredictions(small.y, small.p, small.s);
  assert.ok(a.f1![0] <= est.f1 && est.f1 <= a.f1![1]);
  assert.ok(a.auc![0] <= est.auc! && est.auc! <= a.auc![1]);
  const c = bootstrapCi(big.y, big.p, big.s, 300, makeRng(1));
  assert.ok(c.f1![1] - c.f1![0] < a.f1![1] - a.f1![0]);
  assert.equal(bootstrapCi(small.y, small.p, null, 50, makeRng(1)).auc, null);
});
