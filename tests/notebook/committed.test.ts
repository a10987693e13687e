import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { errorOutputs, head, listNotebooks, text, type NotebookJson } from "../../scripts/notebooks";

const EXPECTED = [
  "00-quickstart",
  "01-generate-actions",
  "02-stated-values",
  "03-value-informed-actions",
  "04-alignment",
  "05-gap-prediction",
  "06-paper-figures",
  "07-reproduce-paper",
];

test("the eight notebooks are committed without outputs, on the tslab kernel, loading the library", () => {
  const files = listNotebooks();
  assert.deepEqual(files.map((f) => basename(f, ".ipynb")), EXPECTED);
  for (const f of files) {
    const nb = JSON.parse(readFileSync(f, "utf8")) as NotebookJson;
    assert.equal(nb.metadata.kernelspec?.name, "tslab", f);
    assert.equal(nb.metadata.kernelspec?.language, "typescript", f);
    const code = nb.cells.filter((c) => c.cell_type === "code");
    for (const c of code) {
      assert.deepEqual(c.outputs, [], `${f}: committed with outputs (clear them before committing)`);
      assert.equal(c.execution_count, null, f);
    }
    // Typed: the compiled library's declarations (notebooks/vag.d.cts), checked by tslab's compiler.
    assert.match(text(code[0].source), /^import \* as vag from "\.\/notebooks\/vag\.cjs";/m, f);
    assert.ok(!nb.cells.some((c) => /require\("\.\/notebooks\/vag\.cjs"\)/.test(text(c.source))), `${f}: an untyped require of the library`);
    assert.equal(nb.cells[0].cell_type, "markdown", `${f}: starts by saying what it measures`);
    assert.equal(new Set(nb.cells.map((c) => c.id)).size, nb.cells.length, `${f}: cell ids must be unique`);
  }
});

test("listNotebooks selects by substring; errorOutputs finds error outputs and stderr streams", () => {
  assert.deepEqual(listNotebooks(["04", "reproduce"]).map((f) => basename(f)), ["04-alignment.ipynb", "07-reproduce-paper.ipynb"]);
  const nb: NotebookJson = {
    metadata: {},
    cells: [
      { cell_type: "code", source: ["ok\n"], outputs: [{ output_type: "stream", name: "stdout", text: ["fine"] }] },
      { cell_type: "code", source: "bad()", outputs: [{ output_type: "stream", name: "stderr", text: "1:1 - Cannot find name 'bad'." }] },
      { cell_type: "code", source: "x", outputs: [{ output_type: "error", ename: "Error", evalue: "boom", traceback: ["at x"] }] },
      { cell_type: "markdown", source: "# t" },
    ],
  };
  assert.deepEqual(errorOutputs(nb), [
    { cell: 1, source: "bad()", error: "1:1 - Cannot find name 'bad'." },
    { cell: 2, source: "x", error: "Error: boom\nat x" },
  ]);
  assert.equal(head("a\nb\nc", 2), "a\nb\n...");
});
