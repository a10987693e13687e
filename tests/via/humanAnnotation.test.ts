import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileLineError } from "../../src/errors";
import { HUMAN_ANNOTATION_FILES, importHumanAnnotation, SHEET_WIDTH } from "../../src/via/importHumanAnnotation";
import { humanEvaluation } from "../../src/analysis/humanEvaluation";
import { skipWithoutData, viaDir } from "../helpers/data";

const boot = { scheme: "items" as const, seed: 1, resamples: 200 };
const spec = (path: string) => ({ path, annotator: "T", version: "test" });

/** A small sheet in the published layout; `instruction` puts the instruction row (a quoted multi-line cell) above the header. */
function sheetText(o: { instruction: boolean; rows: string[][]; summary?: string[]; lineBreak?: string }): string {
  const header = ["No.", "country", "topic", "value", "polarity", ...Array.from({ length: 8 }, (_, k) => [`generation_prompt_id_${k}`, "ACT", "ATTR", "EXP"]).flat()];
  const pad = (cells: string[]) => [...cells, ...Array(SHEET_WIDTH - cells.length).fill("")];
  const q = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = [
    ...(o.instruction ? [pad(["Annotation Requirements:\nACT (Action):\n   => Correctness"])] : []),
    header,
    ...o.rows.map(pad),
    ...(o.summary ? [pad(o.summary)] : []),
  ];
  const br = o.lineBreak ?? "\n";
  return lines.map((l) => l.map(q).join(",")).join(br) + br;
}

const labels = (act: string) => Array.from({ length: 8 }, () => ['{"Human Action": "I, vote"}', act, "", ""]).flat();
const r = (no: number, act: string, value = "Authority") => [String(no), "United States", "Politics", value, no % 2 ? "negative" : "positive", ...labels(act)];

function write(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-ha-"));
  mkdirSync(join(dir, "human_annotation"));
  writeFileSync(join(dir, "human_annotation/s.csv"), text);
  return dir;
}

test("human annotation import: with and without the instruction row the same rows come back", () => {
  const rows = [r(0, "1"), r(1, "0"), r(2, "")];
  const summary = ["", "", "", "", "", "", "0.5"];
  const withRow = importHumanAnnotation(write(sheetText({ instruction: true, rows, summary, lineBreak: "\r\n" })), spec("human_annotation/s.csv"));
  const without = importHumanAnnotation(write(sheetText({ instruction: false, rows, summary })), spec("human_annotation/s.csv"));
  assert.equal(withRow.sheet.instructionRow, true);
  assert.equal(without.sheet.instructionRow, false);
  const strip = (s: typeof withRow.sheet) => s.rows.map(({ line: _l, ...x }) => x);
  assert.deepEqual(strip(withRow.sheet), strip(without.sheet));
  assert.deepEqual(withRow.sheet.rows.map((x) => x.labels[0].act), [1, 0, null]);
  assert.equal(withRow.sheet.summary[0].act[0], 0.5);
  // The pandas frame starts below the file's first line: the header row under an instruction row.
  assert.equal(withRow.sheet.notebookAct[0][0], "ACT");
  assert.equal(without.sheet.notebookAct[0][0], "1");
});

test("human annotation import: a malformed sheet is one FILE:LINE: reason", () => {
  const cases: Array<[string, RegExp]> = [
    [sheetText({ instruction: false, rows: [r(0, "1"), r(1, "2")] }), /s\.csv:3: ACT of variant 0: expected 0, 1 or empty, found "2"/],
    [sheetText({ instruction: true, rows: [r(0, "1"), r(0, "1")] }), /s\.csv:6: duplicate No\. 0 \(first at line 5\)/],
    [sheetText({ instruction: false, rows: [r(0, "1"), r(1, "1", "Kindness")] }), /s\.csv:3: unknown value "Kindness"/],
    [sheetText({ instruction: false, rows: [r(0, "1")], summary: ["", "", "", "", "", "", "1.5"] }), /s\.csv:3: summary ACT of variant 0/],
    [sheetText({ instruction: false, rows: [r(0, "1")] }).replace("polarity", "pol"), /s\.csv:1: column 5: expected "polarity"/],
    [sheetText({ instruction: false, rows: [] }), /s\.csv:1: no annotated rows below the header/],
    ["a,b\n1,2\n", /s\.csv:1: expected 37 columns/],
  ];
  for (const [text, re] of cases) {
    const dir = write(text);
    assert.throws(() => importHumanAnnotation(dir, spec("human_annotation/s.csv")), (e: unknown) => e instanceof FileLineError && e.exitCode === 2 && re.test(e.message), re.source);
  }
  const below = sheetText({ instruction: false, rows: [r(0, "1")], summary: ["", "", "", "", "", "", "1"] }) + sheetText({ instruction: false, rows: [r(5, "1")] }).split("\n")[1] + "\n";
  assert.throws(() => importHumanAnnotation(write(below), spec("human_annotation/s.csv")), /s\.csv:4: annotated row below the summary rows/);
});

test("published sheets: realigned by content, Table 10 correctness and kappa.ipynb's kappas", { skip: skipWithoutData() }, () => {
  const dir = viaDir()!;
  const [hua, nick, hua1211, mini] = HUMAN_ANNOTATION_FILES.map((f) => importHumanAnnotation(dir, f).sheet);
  assert.equal(hua.instructionRow, false, "the HEAD Hua sheet lost its instruction row");
  assert.equal(hua1211.instructionRow, true);
  assert.equal(nick.instructionRow, true);
  for (const s of [hua, nick, hua1211, mini]) assert.equal(s.rows.length, 80);
  const he = humanEvaluation({ annotators: [hua, nick], notebook: [hua1211, nick], others: [hua1211, mini] }, boot);
  // kappa.ipynb's printed outputs (method.md §3.2).
  assert.ok(Math.abs(he.kappa_act_notebook.by_variant["3"].kappa - 0.9264705882352942) < 1e-12);
  assert.ok(Math.abs(he.kappa_act_notebook.by_variant["5"].kappa - 0.7073170731707317) < 1e-12);
  // Matched by content the HEAD sheets give the same; positionally they pair shifted rows.
  assert.ok(Math.abs(he.kappa_act["3"].kappa - 0.9264705882352942) < 1e-12);
  assert.ok(Math.abs(he.kappa_act["5"].kappa - 0.7073170731707317) < 1e-12);
  assert.ok(he.kappa_act_notebook_on_head.by_variant["3"].kappa < 0);
  // Table 10 Correctness: Prompt-A 0.90625, Prompt-B 0.93125.
  assert.equal(he.average_act["3"].mean, 0.90625);
  assert.equal(he.average_act["5"].mean, 0.93125);
  // The sheets' own per-annotator mean rows equal our shares.
  for (const s of [hua, nick]) {
    s.summary[0].act.forEach((m, k) => assert.ok(Math.abs(m! - he.by_annotator[s.annotator].by_variant[String(k)].act.mean) < 1e-9, `${s.annotator} ${k}`));
  }
  assert.deepEqual(he.copies.map((c) => c.same_labels_as), [hua.path, hua.path]);
});
