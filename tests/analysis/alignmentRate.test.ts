import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUE_INDEX } from "../../src/catalog";
import { alignmentRate, rowScores, scenarioTable } from "../../src/analysis/alignmentRate";
import { rateCIs } from "../../src/analysis/alignmentRateCI";
import { fromRows, makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test("rowScores: F1 with disagree as positive, y_true = Task 1, y_pred = Task 2 (2 scenarios × 3 values)", () => {
  // row 0: t = [1,0,1], p = [1,1,0] → TP 1, FP 1, FN 1, TN 0 → F1 = 2/4
  // row 1: t = [0,0,1], p = [0,0,1] → TP 1 → F1 = 1
  const V = fromRows([[0.8, 0.2, 0.9], [0.1, 0.4, 0.5]]);
  const A = fromRows([[1, 1, 0], [0, 0, 1]]);
  const s = rowScores(V, A, { protocol: "paper" });
  assert.deepEqual([...s.f1], [0.5, 1]);
  assert.deepEqual([...s.accuracy], [1 / 3, 1]);
  assert.deepEqual([...s.precision], [0.5, 1]);
  assert.deepEqual([...s.recall], [0.5, 1]);
  assert.deepEqual([...s.n], [3, 3]);
  // kappa row 0: p_o = 1/3, p_e = (2·2 + 1·1)/9 = 5/9 → (1/3 − 5/9)/(4/9) = −1/2; row 1: perfect → 1
  close(s.kappa[0], -0.5);
  close(s.kappa[1], 1);
});

test("rowScores: no disagreement anywhere gives F1 = 0 (sklearn zero_division=0), kappa 0", () => {
  const s = rowScores(fromRows([[0, 0.1, 0.3]]), fromRows([[0, 0, 0]]), { protocol: "paper" });
  assert.equal(s.f1[0], 0);
  assert.equal(s.accuracy[0], 1);
  assert.equal(s.kappa[0], 0);
});

test("rowScores inverted: positive class = agree", () => {
  // t = [1,0,1], p = [1,1,0]; positive 0: TP 0 (no cell agree in both), FP 1 (col 1), FN 0 → F1 = 0
  // row 1: t = [0,0,1], p = [0,1,1] → TP 1, FP 0, FN 1 → 2/3
  const V = fromRows([[0.8, 0.2, 0.9], [0.1, 0.4, 0.5]]);
  const A = fromRows([[1, 1, 0], [0, 1, 1]]);
  const s = rowScores(V, A, { protocol: "paper", inverted: true });
  assert.equal(s.f1[0], 0);
  close(s.f1[1], 2 / 3);
  assert.deepEqual([...rowScores(V, A, { protocol: "paper" }).f1].map((x) => +x.toFixed(6)), [0.5, 0.666667]);
});

test("rowScores NaN: paper binarizes missing V and A to disagree; robust drops those cells", () => {
  const V = fromRows([[0.8, null, 0.9], [null, null, null]]);
  const A = fromRows([[1, 0, null], [0, 0, 0]]);
  const paper = rowScores(V, A, { protocol: "paper" });
  // row 0: t = [1,1,1], p = [1,0,1] → TP 2, FN 1 → 4/5; row 1: t = [1,1,1], p = [0,0,0] → 0
  close(paper.f1[0], 0.8);
  assert.equal(paper.f1[1], 0);
  assert.deepEqual([...paper.n], [3, 3]);
  const robust = rowScores(V, A, { protocol: "robust" });
  // row 0: only column 0 is complete: t = [1], p = [1] → 1; row 1: nothing left → NaN
  assert.equal(robust.f1[0], 1);
  assert.ok(Number.isNaN(robust.f1[1]));
  assert.deepEqual([...robust.n], [1, 0]);
});

/** V = A = all agree, except a few planted cells. */
function planted() {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  const us = rowOf("United States", "Politics");
  const usNet = rowOf("United States", "Social Networks");
  const inPol = rowOf("India", "Politics");
  // US+Politics, Power columns 0..2: t = [1,0,1], p = [1,1,0] → F1 0.5 (also within the Power group)
  set(V, us, 0, 0.8); set(V, us, 1, 0.2); set(V, us, 2, 0.9);
  set(A, us, 0, 1); set(A, us, 1, 1); set(A, us, 2, 0);
  // US+Social Networks, "Successful" (Achievement): both disagree → F1 1 (A = 0.5 binarizes to disagree)
  set(V, usNet, VALUE_INDEX.Successful, 0.6); set(A, usNet, VALUE_INDEX.Successful, 0.5);
  // India+Politics: stated disagree, acted agree → F1 0
  set(V, inPol, 0, 0.7);
  return { V, A, us, usNet, inPol };
}

test("alignmentRate aggregates: country = mean of 11, topic = mean of 12, overall = mean of 132, groups per scenario", () => {
  const { V, A, us, usNet } = planted();
  const r = alignmentRate(V, A, { protocol: "paper" });
  assert.equal(r.scenarios.f1[us], 0.5);
  assert.equal(r.scenarios.f1[usNet], 1);
  assert.deepEqual(r.f1.byCountry["United States"], { value: 1.5 / 11, n: 11 });
  assert.deepEqual(r.f1.byCountry.India, { value: 0, n: 11 });
  assert.deepEqual(r.f1.byTopic.Politics, { value: 0.5 / 12, n: 12 });
  assert.deepEqual(r.f1.byTopic["Social Networks"], { value: 1 / 12, n: 12 });
  close(r.f1.overall.value, 1.5 / 132);
  assert.equal(r.f1.overall.n, 132);
  close(r.f1.byGroup.Power.value, 0.5 / 132);
  close(r.f1.byGroup.Achievement.value, 1 / 132);
  assert.equal(r.f1.byGroup.Hedonism.value, 0);
  // accuracy: US+Politics 54/56, India+Politics 55/56, all other scenarios 1
  close(r.accuracy.overall.value, (54 / 56 + 55 / 56 + 130) / 132);
  // kappa US+Politics: p_o = 54/56, p_e = (2·2 + 54·54)/56² → (3024 − 2920)/(3136 − 2920) = 104/216
  close(r.scenarios.kappa[us], 104 / 216);
  const table = scenarioTable(r);
  assert.equal(table.length, 132);
  assert.deepEqual(
    { country: table[us].country, topic: table[us].topic, f1: table[us].f1, n: table[us].n },
    { country: "United States", topic: "Politics", f1: 0.5, n: 56 },
  );
});

test("alignmentRate inverted: agree is the positive class", () => {
  const { V, A, us, usNet, inPol } = planted();
  const r = alignmentRate(V, A, { protocol: "paper", inverted: true });
  assert.equal(r.inverted, true);
  // US+Politics: TP 53 (agree in both), FP 1 (col 2), FN 1 (col 1) → 106/108
  close(r.scenarios.f1[us], 106 / 108);
  assert.equal(r.scenarios.f1[usNet], 1);
  close(r.scenarios.f1[inPol], 110 / 111); // TP 55, FP 1
  close(r.f1.overall.value, (106 / 108 + 110 / 111 + 130) / 132);
});

test("alignmentRate robust: a scenario with no complete cell is left out of its aggregates (n drops)", () => {
  const { V, A } = planted();
  const eg = rowOf("Egypt", "Religion");
  for (let j = 0; j < 56; j++) set(V, eg, j, NaN);
  set(A, rowOf("United States", "Politics"), 3, NaN);
  const r = alignmentRate(V, A, { protocol: "robust" });
  assert.equal(r.scenarios.n[eg], 0);
  assert.ok(Number.isNaN(r.scenarios.f1[eg]));
  assert.equal(r.scenarios.n[rowOf("United States", "Politics")], 55);
  assert.deepEqual(r.f1.byCountry.Egypt, { value: 0, n: 10 });
  assert.equal(r.f1.byTopic.Religion.n, 11);
  assert.equal(r.f1.overall.n, 131);
  // US+Social Networks' only disagreement has A = 0.5: undecided under robust, so that scenario has
  // no positive left and scores 0; only US+Politics (0.5) contributes
  close(r.f1.overall.value, 0.5 / 131);
  // under paper the same Egypt row is all "disagree" in V vs all agree in A: F1 0, counted
  assert.equal(alignmentRate(V, A, { protocol: "paper" }).f1.overall.n, 132);
});

test("alignmentRate rejects matrices of the wrong shape", () => {
  assert.throws(() => alignmentRate(fromRows([[0]]), fromRows([[0]]), { protocol: "paper" }), RangeError);
});

test("rateCIs: seeded, deterministic, and each interval contains its point estimate", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  // vary the per-scenario F1 so intervals are not degenerate
  for (let i = 0; i < 132; i++) {
    for (let j = 0; j < 1 + (i % 5); j++) set(V, i, j, 1);
    for (let j = 0; j < 1 + (i % 3); j++) set(A, i, j, 1);
  }
  const r = alignmentRate(V, A, { protocol: "paper" });
  const a = rateCIs(r, "f1", { seed: 11, groups: true });
  const b = rateCIs(r, "f1", { seed: 11, groups: true });
  assert.deepEqual(a, b);
  // the value-group intervals are opt-in and do not change the others
  const plain = rateCIs(r, "f1", { seed: 11 });
  assert.equal(plain.byGroup, undefined);
  assert.deepEqual(plain.byCountry, a.byCountry);
  const within = (ci: [number, number], x: number) => assert.ok(ci[0] <= x && x <= ci[1], `${x} outside [${ci}]`);
  within(a.overall, r.f1.overall.value);
  assert.ok(a.overall[0] < a.overall[1]);
  within(a.byCountry.Egypt, r.f1.byCountry.Egypt.value);
  within(a.byTopic.Religion, r.f1.byTopic.Religion.value);
  within(a.byGroup!.Power, r.f1.byGroup.Power.value);
  assert.notDeepEqual(rateCIs(r, "f1", { seed: 12 }).overall, a.overall);
});
