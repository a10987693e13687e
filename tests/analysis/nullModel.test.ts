import { test } from "node:test";
import assert from "node:assert/strict";
import { alignmentRate } from "../../src/analysis/alignmentRate";
import { makeScenarioMatrix } from "../../src/analysis/matrix";
import { withinValueNull } from "../../src/analysis/nullModel";

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

test("within-value null: a Task 2 column that is the same in every scenario cannot be permuted: null = observed, p = 1", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  for (let i = 0; i < 132; i++) {
    for (const j of [0, 5, 9]) A.data[i * 56 + j] = 1; // the model always opposes values 0, 5, 9
    V.data[i * 56 + (i % 56)] = 1; // states disagreement with a scenario-specific value
  }
  const r = withinValueNull(V, A, "paper", { seed: 1, permutations: 200 });
  close(r.f1.observed, alignmentRate(V, A, { protocol: "paper" }).f1.overall.value);
  close(r.f1Inverted.observed, alignmentRate(V, A, { protocol: "paper", inverted: true }).f1.overall.value);
  close(r.f1.mean, r.f1.observed);
  close(r.f1.sd, 0);
  assert.equal(r.f1.p, 1);
  assert.equal(r.f1.permutations, 200);
});

test("within-value null: scenario-specific agreement far above the base-rate null (p = 1/(1+P)); seeded", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  // each value is opposed in 10% of the scenarios, and the model acts exactly as it states
  for (let i = 0; i < 132; i++) for (let j = 0; j < 56; j++) if ((i * 7 + j * 3) % 10 === 0) V.data[i * 56 + j] = A.data[i * 56 + j] = 1;
  const r = withinValueNull(V, A, "paper", { seed: 2, permutations: 300 });
  close(r.f1.observed, 1);
  assert.ok(r.f1.mean < 0.3, `${r.f1.mean}`);
  assert.ok(r.f1.sd > 0);
  close(r.f1.p, 1 / 301);
  assert.deepEqual(withinValueNull(V, A, "paper", { seed: 2, permutations: 300 }), r);
  assert.notEqual(withinValueNull(V, A, "paper", { seed: 3, permutations: 300 }).f1.mean, r.f1.mean);
  assert.throws(() => withinValueNull(V, A, "paper", { seed: 1, permutations: 0 }), RangeError);
});

test("within-value null of a run of part of the study: answers move only among the answered scenarios, so the null stays defined", () => {
  // Three answered scenarios out of 132 (robust: the others stay missing); each states and acts on one value of its own.
  const V = makeScenarioMatrix(NaN);
  const A = makeScenarioMatrix(NaN);
  for (const i of [0, 1, 2]) for (let j = 0; j < 56; j++) {
    V.data[i * 56 + j] = 1;
    A.data[i * 56 + j] = 0;
  }
  for (const i of [0, 1, 2]) {
    V.data[i * 56 + i] = 4;
    A.data[i * 56 + i] = 1;
  }
  const r = withinValueNull(V, A, "robust", { seed: 3, permutations: 400 });
  close(r.f1.observed, alignmentRate(V, A, { protocol: "robust" }).f1.overall.value);
  // Before, columns were shuffled over all 132 rows, so the answers left the scope and most permutations scored nothing (NaN mean).
  assert.ok(Number.isFinite(r.f1.mean) && Number.isFinite(r.f1.sd), `null mean ${r.f1.mean}`);
  assert.ok(r.f1.mean < r.f1.observed);
  // a permutation keeps each value's answers inside the three scenarios: the null F1 of every draw is one of the few possible tables
  assert.ok(r.f1.p > 1 / 401, "the observed table is reachable by a permutation");
});
