import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { columnWidths, gridRows, table, tableRows } from "../../src/notebook/table";

test("tableRows rounds numbers, keeps missing visibly missing, fixes column order", () => {
  const { columns, rows } = tableRows([{ a: 0.123456, b: NaN }, { b: Infinity, c: "x", a: undefined }], { digits: 2 });
  assert.deepEqual(columns, ["a", "b", "c"]);
  assert.deepEqual(rows, [
    { a: 0.12, b: null, c: null },
    { a: null, b: null, c: "x" },
  ]);
  assert.deepEqual(tableRows([{ a: 1, b: 2 }], { columns: ["b"] }).rows, [{ b: 2 }]);
});

test("gridRows turns {row: {col: x}} into labelled rows", () => {
  assert.deepEqual(gridRows({ US: { x: 1, y: 2 }, UK: { x: 3 } }, "country", ["x", "y"]), [
    { country: "US", x: 1, y: 2 },
    { country: "UK", x: 3, y: null },
  ]);
});

test("table builds a danfojs DataFrame that prints as a text table", () => {
  const df = table([
    { country: "Nigeria", f1: 0.6666666 },
    { country: "Egypt", f1: NaN },
  ]);
  assert.deepEqual(df.shape, [2, 2]);
  assert.deepEqual(df.columns, ["country", "f1"]);
  const shown = inspect(df);
  assert.match(shown, /Nigeria/);
  assert.match(shown, /0\.667/);
  assert.doesNotMatch(shown, /\$dataIncolumnFormat/);
  assert.throws(() => table([]), /no rows/);
});

test("columnWidths sizes text columns to their content, capped, long cells wrapping", () => {
  const w = columnWidths(["id", "cause"], [{ id: 1, cause: "x".repeat(100) }, { id: 22, cause: "short" }], 40);
  assert.deepEqual(w, { 0: { width: 1, wrapWord: false }, 1: { width: 3, wrapWord: true }, 2: { width: 40, wrapWord: true } });
  const shown = inspect(table([{ cause: "a long explanation that is much longer than sixteen characters" }]));
  assert.match(shown, /much longer than\s+║\n║\s+│ sixteen characters/);
});
