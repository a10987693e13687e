import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUES } from "../../src/catalog";
import { inconsistency, PAPER_COLUMN_OF } from "../../src/analysis/inconsistency";
import { fromRows, makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";
import { misalignedCells } from "../../src/analysis/misaligned";

test("inconsistency counts (2 scenarios × 3 values): X = stated disagree & acted agree, Y = the reverse", () => {
  // row 0: t = [1,0,1], p = [0,1,1] → X 1 (col 0), Y 1 (col 1)
  // row 1 (paper): t = [1(NaN),0,1], p = [0,0,1(NaN)] → X 1 (col 0)
  const V = fromRows([[0.9, 0.1, 0.7], [null, 0.2, 0.6]]);
  const A = fromRows([[0, 1, 1], [0, 0, null]]);
  assert.deepEqual(inconsistency(V, A, "paper"), {
    stated_disagree_acted_agree: 2,
    stated_agree_acted_disagree: 1,
    total: 3,
    cells: 6,
    share: 0.5,
  });
  // robust: row 1 keeps only column 1 (agree/agree)
  assert.deepEqual(inconsistency(V, A, "robust"), {
    stated_disagree_acted_agree: 1,
    stated_agree_acted_disagree: 1,
    total: 2,
    cells: 4,
    share: 0.5,
  });
});

test("inconsistency over a study matrix: share = total / 7,392 under paper", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  set(V, 0, 0, 1);
  set(A, 5, 3, 1);
  set(A, 6, 3, 0.5);
  const r = inconsistency(V, A, "paper");
  assert.equal(r.stated_disagree_acted_agree, 1);
  assert.equal(r.stated_agree_acted_disagree, 2);
  assert.equal(r.cells, 7392);
  assert.equal(r.share, 3 / 7392);
});

test("PAPER_COLUMN_OF: the paper prints X under (A,D) and Y under (D,A)", () => {
  assert.equal(PAPER_COLUMN_OF.stated_disagree_acted_agree, "(A,D)");
  assert.equal(PAPER_COLUMN_OF.stated_agree_acted_disagree, "(D,A)");
});

test("misalignedCells lists b(v) ≠ b(a) cells in scenario then value order, with labels and scores", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  const eg = rowOf("Egypt", "Religion");
  set(V, eg, 3, 0.9); // stated disagree, acted agree
  set(A, 0, 10, 1); // US+Politics: stated agree, acted disagree
  set(V, eg, 4, 0.6); set(A, eg, 4, 1); // aligned (both disagree): not listed
  set(V, eg, 5, NaN); // paper: NaN → disagree vs agree → listed; robust: skipped
  const paper = misalignedCells(V, A, "paper");
  assert.deepEqual(paper, [
    { country: "United States", topic: "Politics", value: VALUES[10], stated: 0, acted: 1, statedScore: 0, actedScore: 1 },
    { country: "Egypt", topic: "Religion", value: VALUES[3], stated: 1, acted: 0, statedScore: 0.9, actedScore: 0 },
    { country: "Egypt", topic: "Religion", value: VALUES[5], stated: 1, acted: 0, statedScore: NaN, actedScore: 0 },
  ]);
  const robust = misalignedCells(V, A, "robust");
  assert.equal(robust.length, 2);
  assert.ok(robust.every((c) => c.value !== VALUES[5] || c.country !== "Egypt"));
  // every misaligned cell is one of the inconsistency counts
  const inc = inconsistency(V, A, "paper");
  assert.equal(paper.length, inc.total);
});
