import { test } from "node:test";
import assert from "node:assert/strict";
import { makeScenarioMatrix, set } from "../../src/analysis/matrix";
import { GROUP_OF, SCENARIOS, VALUES } from "../../src/catalog/index";
import { cellRows, frame, frameOf, recordRow, rowsOf, subsetMatrices } from "../../src/notebook/frame";

// Two scenarios (rows 0 and 1), three values; everything else missing.
function study() {
  const V = makeScenarioMatrix();
  const A = makeScenarioMatrix();
  const cells: Array<[number, number, number, number]> = [
    [0, 0, 0.2, 0.9], // says agree, acts disagree: gap
    [0, 1, 0.8, 0.5], // acted on the cut: undecided under robust
    [0, 2, 0.3, 0.1], // agree both: no gap
    [1, 0, 0.6, 0.7], // disagree both: no gap
    [1, 1, 0.5, 0.0], // stated on the cut
    [1, 2, 0.1, NaN], // no Task 2 answer
  ];
  for (const [i, j, v, a] of cells) {
    set(V, i, j, v);
    set(A, i, j, a);
  }
  return { V, A };
}

test("cellRows: one row per cell of the rows with data; gap = b(v) != b(a); undecided on the cut under robust only", () => {
  const { V, A } = study();
  const robust = cellRows(V, A, "robust");
  assert.equal(robust.length, 2 * 56);
  const pick = (rows: typeof robust, i: number, j: number) => rows[i * 56 + j];
  assert.deepEqual(pick(robust, 0, 0), { country: SCENARIOS[0].country, topic: SCENARIOS[0].topic, value: VALUES[0], group: pick(robust, 0, 0).group, stated: 0.2, acted: 0.9, undecided: 0, gap: 1 });
  assert.equal(pick(robust, 0, 1).undecided, 1);
  assert.equal(pick(robust, 0, 1).gap, null);
  assert.equal(pick(robust, 0, 2).gap, 0);
  assert.equal(pick(robust, 1, 0).gap, 0);
  assert.equal(pick(robust, 1, 1).undecided, 1);
  assert.equal(pick(robust, 1, 2).acted, null);
  assert.equal(pick(robust, 1, 2).gap, null);
  assert.equal(pick(robust, 1, 3).stated, null);
  // paper: x >= 0.5 is disagree, nothing is undecided.
  const paper = cellRows(V, A, "paper");
  assert.equal(pick(paper, 0, 1).undecided, 0);
  assert.equal(pick(paper, 0, 1).gap, 0);
  assert.equal(pick(paper, 1, 1).gap, 1);
  assert.equal(robust.filter((c) => c.gap === 1).length, 1);
});

test("frame: cells as a danfojs DataFrame; groupby in a cell; a filtered frame goes back to the library as a subset", () => {
  const { V, A } = study();
  const a = { V, A, rows: [0, 1], protocol: "robust" as const, simulated: true };
  const df = frame(a as unknown as Parameters<typeof frame>[0]);
  assert.deepEqual(df.shape, [112, 8]);
  assert.deepEqual(df.columns, ["country", "topic", "value", "group", "stated", "acted", "undecided", "gap"]);
  const firstGroup = df.query(df["group"].eq(df["group"].values[0]));
  const back = rowsOf(firstGroup);
  assert.ok(back.length > 0 && back.every((r) => r.group === df["group"].values[0]));
  const sub = subsetMatrices(a, firstGroup);
  assert.equal(sub.cells, back.length);
  const k = 0;
  assert.equal(sub.V.data[k], 0.2);
  assert.ok(Number.isNaN(sub.V.data[2 * 56]), "cells outside the subset are missing");
  const counts = df.groupby(["country"]).count();
  assert.equal(counts.shape[0], 1);
  // The gap rate per group, as a notebook cell computes it: drop cells without a gap value, then groupby.
  const decided = df.dropNa({ axis: 1 }).loc({ columns: ["group", "gap"] });
  assert.equal(decided.shape[0], 3);
  const rate = decided.groupby(["group"]).col(["gap"]).mean();
  const first = rowsOf(rate).find((r) => r.group === df["group"].values[0]);
  assert.equal(GROUP_OF[VALUES[0]], GROUP_OF[VALUES[2]]);
  assert.equal(first?.gap_mean, 1 / 3, "the first group's three decided cells: one gap, two aligned");
  assert.throws(() => subsetMatrices(a, [{ country: "Atlantis", topic: "Politics", value: "Equality" } as never]), /no cell/);
  assert.throws(() => frameOf([]), /no rows/);
});

test("recordRow: scalar fields and the parse status; nested prompt and usage stay out", () => {
  const row = recordRow({ id: "x", task: "task2", choice: 1, cached: false, error: null, prompt: [{ role: "user", content: "hi" }], usage: { total: 3 }, parse: { status: "repaired" }, response: "{}" });
  assert.deepEqual(row, { id: "x", task: "task2", choice: 1, cached: false, error: null, response: "{}", status: "repaired" });
});
