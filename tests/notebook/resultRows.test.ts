import { test } from "node:test";
import assert from "node:assert/strict";
import type { TableComparison } from "../../src/reproduce/tableComparison";
import { comparisonRows, comparisonSummaryRows, differenceRows, experimentRows } from "../../src/notebook/resultRows";

const t: TableComparison = {
  id: "table3",
  table: "Table 3",
  caption: "F1 by country",
  notes: [],
  columns: ["US", "CA"],
  rows: ["gpt-4o-mini", "gpt-4o"],
  cells: [
    { table: "Table 3", model: "gpt-4o-mini", column: "US", ours: 0.6731, paper: 0.67, digits: 2, status: "reproduces", cause: "" },
    { table: "Table 3", model: "gpt-4o-mini", column: "CA", ours: 0.61, paper: 0.59, digits: 2, status: "differs", cause: "why" },
    { table: "Table 3", model: "gpt-4o", column: "US", ours: null, paper: 0.53, digits: 2, status: "not computable", cause: "no data" },
  ],
};

test("comparisonRows: one row per model, 'ours / paper mark' per column", () => {
  assert.deepEqual(comparisonRows(t), [
    { model: "gpt-4o-mini", US: "0.67 / 0.67 =", CA: "0.61 / 0.59 ≠" },
    { model: "gpt-4o", US: "- / 0.53 -" },
  ]);
  assert.deepEqual(comparisonSummaryRows([t]), [{ table: "Table 3", cells: 3, reproduces: 1, differs: 1, notComputable: 1, notPrinted: 0 }]);
  assert.deepEqual(differenceRows([t]), [{ table: "Table 3", cause: "why", cells: 1 }]);
});

test("experimentRows flattens the F1 interval", () => {
  const rows = experimentRows([
    { target: "m", label: "gap", setting: "action", method: "logistic", n: 10, f1: 0.5, accuracy: 0.6, precision: 0.5, recall: 0.5, auc: 0.7, ci95: { f1: [0.4, 0.6], auc: null } },
    { target: "m", label: "gap", setting: "action", method: "majority", n: 10, f1: 0, accuracy: 0.6, precision: 0, recall: 0, auc: null, ci95: { f1: null, auc: null } },
  ]);
  assert.deepEqual([rows[0].f1Low, rows[0].f1High, rows[1].f1Low], [0.4, 0.6, null]);
});
