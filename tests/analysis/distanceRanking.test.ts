import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUES } from "../../src/catalog";
import { cellDistance, distanceCellMean, distanceGroupMean, groupDistance, hasNoMissing, weightedValueDistance } from "../../src/analysis/distance";
import { fromRows, get, makeScenarioMatrix, rowOf, set, toRows } from "../../src/analysis/matrix";
import { alignmentRanking, rankValues } from "../../src/analysis/ranking";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

// 2 scenarios (one group) × 3 values
const V = fromRows([[0, 0.5, 1], [1, 0.5, null]]);
const A = fromRows([[1, 0.5, 0], [0, 0, 1]]);

test("cell-mean distance: mean over the group's scenarios of |v − a|, over complete cells", () => {
  const d = groupDistance(V, A, [[0, 1]], "cell-mean", "paper");
  // col 0: (1 + 1)/2; col 1: (0 + 0.5)/2; col 2: only row 0 is complete: |1 − 0|
  assert.deepEqual(toRows(d.distance), [[1, 0.25, 1]]);
  assert.deepEqual(toRows(d.n), [[2, 2, 1]]);
  assert.deepEqual(toRows(groupDistance(V, A, [[0, 1]], "cell-mean", "robust").distance), [[1, 0.25, 1]]);
});

test("group-mean distance: |mean v − mean a|; paper averages each side over its own rows, robust over complete rows", () => {
  const paper = groupDistance(V, A, [[0, 1]], "group-mean", "paper");
  // col 0: |0.5 − 0.5| = 0; col 1: |0.5 − 0.25|; col 2: |1 − (0 + 1)/2| = 0.5
  assert.deepEqual(toRows(paper.distance), [[0, 0.25, 0.5]]);
  const robust = groupDistance(V, A, [[0, 1]], "group-mean", "robust");
  // col 2 robust: only row 0: |1 − 0| = 1
  assert.deepEqual(toRows(robust.distance), [[0, 0.25, 1]]);
  // a group with nothing present is NaN
  const empty = groupDistance(fromRows([[null]]), fromRows([[0]]), [[0]], "group-mean", "robust");
  assert.ok(Number.isNaN(empty.distance.data[0]));
});

test("cellDistance: |v − a| per cell, NaN where either is missing", () => {
  assert.deepEqual(toRows(cellDistance(V, A)), [[1, 0, 1], [1, 0.5, NaN]]);
});

test("distance tables by country (12 × 56), topic (11 × 56) and overall (56), both forms", () => {
  const Vs = makeScenarioMatrix(0);
  const As = makeScenarioMatrix(0);
  set(Vs, rowOf("United States", "Politics"), 0, 1); // v − a = +1
  set(As, rowOf("United States", "Social Networks"), 0, 1); // v − a = −1
  const cell = distanceCellMean(Vs, As, "paper");
  const group = distanceGroupMean(Vs, As, "paper");
  assert.equal(cell.form, "cell-mean");
  assert.equal(group.form, "group-mean");
  assert.equal(cell.byCountry.rows, 12);
  assert.equal(cell.byTopic.rows, 11);
  assert.equal(cell.overall.length, 56);
  close(get(cell.byCountry, 0, 0), 2 / 11);
  close(get(group.byCountry, 0, 0), 0); // the two US scenarios cancel
  close(get(cell.byTopic, 0, 0), 1 / 12); // Politics
  close(get(group.byTopic, 0, 0), 1 / 12);
  close(get(cell.byTopic, 1, 0), 1 / 12); // Social Networks
  close(cell.overall[0], 2 / 132);
  close(group.overall[0], 0);
  assert.equal(get(cell.byCountry, 1, 0), 0); // India
  assert.equal(get(cell.nByCountry, 0, 0), 11);
  assert.equal(get(cell.nByTopic, 0, 0), 12);
  assert.equal(cell.nOverall[0], 132);
});

test("rankValues: descending, ties in group order, NaN last", () => {
  assert.deepEqual(rankValues([0.1, 0.3, 0.3], ["Social Power", "Authority", "Wealth"]), [
    ["Authority", 0.3],
    ["Wealth", 0.3],
    ["Social Power", 0.1],
  ]);
  const r = rankValues([NaN, 0, 0.2], ["Social Power", "Authority", "Wealth"]);
  assert.deepEqual(r.map(([v]) => v), ["Wealth", "Authority", "Social Power"]);
  assert.ok(Number.isNaN(r[2][1]));
  // all equal: exactly the group order
  assert.deepEqual(rankValues(new Float64Array(56)).map(([v]) => v), [...VALUES]);
  assert.throws(() => rankValues([1, 2]), RangeError);
});

test("alignmentRanking: per country, per topic (from topic data) and per scenario; bug-compatible topics use country k", () => {
  const Vs = makeScenarioMatrix(0);
  const As = makeScenarioMatrix(0);
  set(Vs, rowOf("United States", "Social Networks"), 5, 1);
  set(Vs, rowOf("India", "Politics"), 7, 0.5);
  const r = alignmentRanking(Vs, As, { protocol: "paper" });
  assert.deepEqual(r.byCountry["United States"][0], [VALUES[5], 1 / 11]);
  assert.deepEqual(r.byCountry.India[0], [VALUES[7], 0.5 / 11]);
  assert.deepEqual(r.byTopic["Social Networks"][0], [VALUES[5], 1 / 12]);
  assert.deepEqual(r.byTopic.Politics[0], [VALUES[7], 0.5 / 12]);
  assert.deepEqual(r.byTopic.Religion[0], [VALUES[0], 0]); // all zero: group order
  assert.deepEqual(r.byScenario["United States+Social Networks"][0], [VALUES[5], 1]);
  assert.equal(Object.keys(r.byScenario).length, 132);
  assert.equal(r.byCountry.Egypt.length, 56);

  const bug = alignmentRanking(Vs, As, { protocol: "paper", bugCompatibleTopics: true });
  assert.deepEqual(bug.byTopic.Politics, r.byCountry["United States"]); // topic 0 ← country 0
  assert.deepEqual(bug.byTopic["Social Networks"], r.byCountry.India); // topic 1 ← country 1
  assert.deepEqual(bug.byCountry, r.byCountry);
});

test("alignmentRanking: the form option and precomputed tables", () => {
  const Vs = makeScenarioMatrix(0);
  const As = makeScenarioMatrix(0);
  set(Vs, rowOf("United States", "Politics"), 0, 1);
  set(As, rowOf("United States", "Social Networks"), 0, 1);
  set(Vs, rowOf("United States", "Politics"), 1, 0.1);
  // group-mean: Social Power cancels to 0, Authority 0.1/11 leads; cell-mean: Social Power 2/11 leads
  assert.equal(alignmentRanking(Vs, As, { protocol: "paper" }).byCountry["United States"][0][0], "Authority");
  assert.equal(alignmentRanking(Vs, As, { protocol: "paper", form: "cell-mean" }).byCountry["United States"][0][0], "Social Power");
  const t = distanceCellMean(Vs, As, "paper");
  assert.equal(alignmentRanking(Vs, As, { protocol: "paper" }, t).byCountry["United States"][0][0], "Social Power");
});

test("weightedValueDistance by hand: weights as multiplicities; unit weights give the overall column of both forms", () => {
  const V = fromRows([[0, 0.5], [1, null]]);
  const A = fromRows([[1, 0.5], [0, 1]]);
  const out = new Float64Array(2);
  // cell-mean, w = [1, 1]: value 0 (|0−1| + |1−0|)/2 = 1; value 1 only row 0: 0 → mean 0.5
  assert.equal(weightedValueDistance(V, A, [1, 1], "cell-mean", "paper", out), 0.5);
  assert.deepEqual([...out], [1, 0]);
  // group-mean: value 0 |0.5 − 0.5| = 0; value 1 under paper each mean over its own rows: |0.5 − 0.75| = 0.25
  weightedValueDistance(V, A, [1, 1], "group-mean", "paper", out);
  assert.deepEqual([...out], [0, 0.25]);
  // robust: both means over the rows where both are present (row 0 only): |0.5 − 0.5| = 0
  weightedValueDistance(V, A, [1, 1], "group-mean", "robust", out);
  assert.deepEqual([...out], [0, 0]);
  // w = [3, 1]: value 0 group-mean |(0·3 + 1)/4 − (3 + 0)/4| = 0.5
  weightedValueDistance(V, A, [3, 1], "group-mean", "paper", out);
  assert.equal(out[0], 0.5);
  // only row 1 (rows subset), weights indexed by row
  weightedValueDistance(V, A, [0, 2], "cell-mean", "paper", out, [1]);
  assert.equal(out[0], 1);
  assert.ok(Number.isNaN(out[1]));
  // unit weights on a study matrix = the overall column of the tables
  const V2 = makeScenarioMatrix(0.2);
  const A2 = makeScenarioMatrix(0);
  for (let i = 0; i < 132; i++) A2.data[i * 56 + (i % 56)] = 1;
  const ones = new Float64Array(132).fill(1);
  const d = new Float64Array(56);
  weightedValueDistance(V2, A2, ones, "cell-mean", "paper", d);
  assert.deepEqual([...d], [...distanceCellMean(V2, A2, "paper").overall]);
  weightedValueDistance(V2, A2, ones, "group-mean", "paper", d);
  assert.deepEqual([...d], [...distanceGroupMean(V2, A2, "paper").overall]);
});

test("weightedValueDistance: the no-missing fast path gives the very same doubles as the general path", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  for (let k = 0; k < V.data.length; k++) {
    V.data[k] = ((k * 7919) % 101) / 100;
    A.data[k] = (k * 31) % 3 === 0 ? 1 : 0;
  }
  assert.equal(hasNoMissing(V) && hasNoMissing(A), true);
  // the same matrices with one missing cell in a row of weight 0: same sums on the general path
  const Vm = { ...V, data: V.data.slice() };
  Vm.data[5 * 56 + 3] = NaN;
  assert.equal(hasNoMissing(Vm), false);
  const w = Float64Array.from({ length: 132 }, (_, i) => (i === 5 ? 0 : 1 + (i % 3)));
  const rows = Int32Array.from([0, 5, 7, 40, 131]);
  for (const form of ["cell-mean", "group-mean"] as const) {
    for (const protocol of ["paper", "robust"] as const) {
      for (const subset of [undefined, rows]) {
        const fast = new Float64Array(56);
        const slow = new Float64Array(56);
        const same = new Float64Array(56);
        const a = weightedValueDistance(V, A, w, form, protocol, fast, subset, true);
        const b = weightedValueDistance(Vm, A, w, form, protocol, slow, subset);
        const c = weightedValueDistance(V, A, w, form, protocol, same, subset);
        assert.deepEqual([...fast], [...slow], `${form} ${protocol} ${subset ? "rows" : "all"}`);
        assert.deepEqual([...fast], [...same]);
        assert.equal(a, b);
        assert.equal(a, c);
      }
    }
  }
});

test("weightedValueDistance: a matrix that gains a missing cell between calls is read as it is now (no remembered completeness)", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  for (let j = 0; j < 56; j++) V.data[j] = 1; // row 0: every value distance 1 under cell-mean
  const ones = new Float64Array(132).fill(1);
  const before = new Float64Array(56);
  weightedValueDistance(V, A, ones, "cell-mean", "robust", before);
  V.data[0] = NaN; // Value 0 of row 0 missing now: robust leaves the cell out, so its distance is 0 over the other rows
  const after = new Float64Array(56);
  weightedValueDistance(V, A, ones, "cell-mean", "robust", after);
  assert.equal(before[0], 1 / 132);
  assert.equal(after[0], 0);
  assert.equal(after[1], 1 / 132);
});
