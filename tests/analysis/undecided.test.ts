import { test } from "node:test";
import assert from "node:assert/strict";
import { actedMatrix } from "../../src/analysis/acted";
import { alignmentRate, rowScores } from "../../src/analysis/alignmentRate";
import { distanceCellMean } from "../../src/analysis/distance";
import { inconsistency } from "../../src/analysis/inconsistency";
import { fromRows, makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";
import { statedMatrix } from "../../src/analysis/stated";
import { undecidedCells } from "../../src/analysis/undecided";
import { COUNTRIES, VALUE_INDEX } from "../../src/catalog";

test("undecidedCells by hand: cells exactly on the cut, over cells with a value", () => {
  const u = undecidedCells(fromRows([[0.5, 1, null], [0, 0.5, 0.5]]));
  assert.deepEqual([u.count, u.cells, u.share], [3, 5, 0.6]);
  assert.deepEqual([...u.perRow.count], [1, 2]);
  assert.deepEqual([...u.perRow.cells], [2, 3]);
  assert.deepEqual(u.byCountry, {}); // not the 132-row layout
});

test("a counterbalanced pair answered once each way is undecided: missing for F1 / kappa / inconsistency, 0.5 in distance, counted per country", () => {
  // Egypt+Religion: Wealth answered positive in one order and negative in the other; Authority negative in both
  const choices = [
    { country: "Egypt", topic: "Religion", value: "Wealth", chosenPolarity: "positive" },
    { country: "Egypt", topic: "Religion", value: "Wealth", chosenPolarity: "negative" },
    { country: "Egypt", topic: "Religion", value: "Authority", chosenPolarity: "negative" },
    { country: "Egypt", topic: "Religion", value: "Authority", chosenPolarity: "negative" },
  ] as const;
  const A = actedMatrix(choices, "robust").matrix;
  const i = rowOf("Egypt", "Religion");
  assert.equal(A.data[i * 56 + VALUE_INDEX.Wealth], 0.5);
  const V = makeScenarioMatrix(NaN);
  set(V, i, VALUE_INDEX.Wealth, 1); // stated strongly disagree
  set(V, i, VALUE_INDEX.Authority, 1);
  // robust: only Authority is compared (TP = 1) → F1 1, n = 1; under the old rule Wealth would count as a TP too
  const robust = rowScores(V, A, { protocol: "robust" });
  assert.equal(robust.n[i], 1);
  assert.equal(robust.f1[i], 1);
  const inc = inconsistency(V, A, "robust");
  assert.deepEqual([inc.total, inc.cells], [0, 1]);
  // distance keeps a = 0.5: |1 − 0.5| for Wealth
  const egypt = COUNTRIES.indexOf("Egypt");
  assert.equal(distanceCellMean(V, A, "robust").byCountry.data[egypt * 56 + VALUE_INDEX.Wealth], 0.5);
  const u = undecidedCells(A);
  assert.deepEqual([u.count, u.cells], [1, 2]);
  assert.deepEqual(u.byCountry.Egypt, { count: 1, cells: 2, share: 0.5 });
  assert.deepEqual(u.byCountry.India, { count: 0, cells: 0, share: NaN });
  // paper keeps the authors' rule: a = 0.5 is disagree, so Wealth is a TP and n = 56 (NaN V → disagree, A missing → 0 agree)
  const Ap = actedMatrix(choices, "paper").matrix;
  assert.equal(rowScores(V, Ap, { protocol: "paper" }).n[i], 56);
});

test("robust Task 1: a cell whose variants' mean is exactly 2.5 is undecided; paper counts it as disagree", () => {
  const rows = [
    { country: "India", topic: "Politics", answers: { Wealth: 2, Authority: 3 } },
    { country: "India", topic: "Politics", answers: { Wealth: 3, Authority: 4 } },
  ] as const;
  const V = statedMatrix(rows, "robust").matrix;
  const i = rowOf("India", "Politics");
  assert.equal(V.data[i * 56 + VALUE_INDEX.Wealth], 0.5); // (2.5 − 1)/3
  const A = makeScenarioMatrix(NaN);
  set(A, i, VALUE_INDEX.Wealth, 1);
  set(A, i, VALUE_INDEX.Authority, 1);
  assert.equal(rowScores(V, A, { protocol: "robust" }).n[i], 1); // Wealth left out
  assert.equal(undecidedCells(V).count, 1);
  const Vp = statedMatrix(rows, "paper").matrix;
  const Ap = makeScenarioMatrix(0);
  set(Ap, i, VALUE_INDEX.Wealth, 1);
  set(Ap, i, VALUE_INDEX.Authority, 1);
  const paper = alignmentRate(Vp, Ap, { protocol: "paper" });
  // paper: Wealth (0.5) and Authority (5/6) both disagree and acted disagree → TP 2; every other cell V NaN → disagree, A 0 → FN 54
  assert.equal(paper.scenarios.f1[i], (2 * 2) / (2 * 2 + 54));
});
