import { test } from "node:test";
import assert from "node:assert/strict";
import {
  expertKappa,
  humanEvaluation,
  kappaOfPairs,
  labelShare,
  notebookKappa,
  pairLabels,
  sameLabels,
  type LabelledRow,
  type LabelledSheet,
} from "../../src/analysis/humanEvaluation";
import { ResultsJsonSchema, resultsJsonText } from "../../src/results/schema";

const boot = { scheme: "items" as const, seed: 7, resamples: 200 };

/** A row whose ACT labels per variant are `act` (ATTR, EXP unlabelled). */
const row = (no: number, act: Array<0 | 1 | null>): LabelledRow => ({
  no,
  country: "United States",
  topic: "Politics",
  value: "Authority",
  polarity: no % 2 === 0 ? "positive" : "negative",
  labels: act.map((a) => ({ act: a, attr: null, exp: null })),
});

test("labelShare: mean over the labelled rows only, n counts them", () => {
  const rows = [row(0, [1]), row(1, [0]), row(2, [1]), row(3, [null])];
  const s = labelShare(rows, 0, "act", boot);
  assert.equal(s.n, 3);
  assert.equal(s.mean, 2 / 3);
  assert.ok(s.ci95[0] <= s.mean && s.mean <= s.ci95[1]);
  assert.ok(Number.isNaN(labelShare(rows, 0, "attr", boot).mean), "no ATTR label: NaN, not 0");
});

test("kappaOfPairs: hand-computed Cohen's kappa", () => {
  // a = 1 1 0 0 1, b = 1 0 0 0 1: p_o = 4/5, p_e = (3/5·2/5) + (2/5·3/5) = 12/25,
  // κ = (0.8 − 0.48) / 0.52 = 8/13.
  const k = kappaOfPairs([1, 1, 0, 0, 1], [1, 0, 0, 0, 1], boot);
  assert.ok(Math.abs(k.kappa - 8 / 13) < 1e-12);
  assert.equal(k.agreement, 0.8);
  assert.equal(k.n, 5);
  assert.equal(kappaOfPairs([1, 0, 1], [1, 0, 1], boot).kappa, 1);
});

test("pairLabels / expertKappa: rows are matched by content, not position; unlabelled pairs drop", () => {
  const a = [row(0, [1]), row(1, [1]), row(2, [0]), row(3, [0]), row(4, [1])];
  // b lists the same rows in another order, one unlabelled, one row a lacks.
  const b = [row(4, [1]), row(3, [0]), row(2, [0]), row(1, [0]), row(0, [null]), row(9, [1])];
  const p = pairLabels(a, b, 0, "act");
  assert.deepEqual(p.a, [1, 0, 0, 1]);
  assert.deepEqual(p.b, [0, 0, 0, 1]);
  assert.equal(p.unmatched, 1);
  // tp 1, fn 1, tn 2: p_o = 3/4, p_e = (1/4·2/4) + (3/4·2/4) = 1/2, κ = 1/2.
  assert.equal(expertKappa(a, b, 0, "act", boot).kappa, 0.5);
  // A row with the same No. but another value is a different row.
  const moved = [{ ...row(0, [1]), value: "Humble" }];
  assert.equal(pairLabels([row(0, [1])], moved, 0, "act").unmatched, 2);
});

test("notebookKappa: the positional slice [1:81] pairs shifted rows when one sheet lost a row", () => {
  // Frames as pandas builds them: index 0 is the row under the header.
  const aligned = [["No."], ["1"], ["0"], ["1"], ["1"]];
  const same = [["No."], ["1"], ["0"], ["1"], ["1"]];
  assert.equal(notebookKappa(aligned, same, 0, boot, 1, 5).kappa, 1);
  // The same labels one row higher (instruction row missing) and a summary share at the end.
  const shifted = [["1"], ["0"], ["1"], ["1"], ["0.75"]];
  const k = notebookKappa(shifted, same, 0, boot, 1, 5);
  assert.equal(k.not_labels, 1, "the summary share is not a label");
  // Pairs (0,1) (1,0) (1,1): p_o = 1/3, p_e = (2/3·2/3) + (1/3·1/3) = 5/9, κ = (1/3 − 5/9)/(4/9) = −1/2.
  assert.ok(Math.abs(k.kappa - -0.5) < 1e-12);
});

test("humanEvaluation: Table 9 shares, the Avg row, kappa and copies", () => {
  const sheet = (annotator: string, rows: LabelledRow[]): LabelledSheet => ({
    path: `${annotator}.csv`,
    annotator,
    version: "HEAD",
    rows,
    notebookAct: [["No."], ...rows.map((r) => r.labels.map((l) => (l.act === null ? "" : String(l.act))))],
  });
  const hua = sheet("Hua", [row(0, [1, 1, 0, 1, 1, 1]), row(1, [0, 1, 0, 1, 1, 1]), row(2, [1, 1, 0, 1, 1, 0]), row(3, [0, 0, 0, 1, 0, 1])]);
  const nick = sheet("Nick", [row(0, [1, 1, 0, 1, 1, 1]), row(1, [1, 1, 0, 0, 1, 1]), row(2, [0, 1, 0, 1, 1, 1]), row(3, [0, 0, 0, 1, 0, 1])]);
  const copy = sheet("HuaCopy", hua.rows.map((r) => ({ ...r })));
  const he = humanEvaluation({ annotators: [hua, nick], notebook: [hua, nick], others: [copy] }, boot);
  assert.equal(he.items, 4);
  assert.equal(he.by_annotator.Hua.by_variant["0"].act.mean, 0.5);
  assert.equal(he.by_annotator.Nick.by_variant["3"].act.mean, 0.75);
  // Avg = mean of the two annotators' shares: variant 3 (1 + 0.75) / 2, variant 5 (0.75 + 1) / 2.
  assert.equal(he.average_act["3"].mean, 0.875);
  assert.equal(he.average_act["5"].mean, 0.875);
  // Variant 3: Hua 1 1 1 1, Nick 1 0 1 1: p_e = 1·3/4 = 3/4, p_o = 3/4, κ = 0.
  assert.equal(he.kappa_act["3"].kappa, 0);
  assert.equal(he.kappa_act_notebook.by_variant["3"].kappa, 0);
  assert.deepEqual(Object.keys(he.kappa_act_notebook.by_variant), ["3", "5"]);
  assert.deepEqual(he.copies, [{ sheet: "HuaCopy.csv", same_labels_as: "Hua.csv" }]);
  assert.equal(sameLabels(hua.rows, nick.rows), false);
  // results.json's one schema holds it (unlabelled ATTR/EXP: NaN → null)
  const parsed = ResultsJsonSchema.parse(JSON.parse(resultsJsonText({ models: {}, human_evaluation: he })));
  assert.equal(parsed.human_evaluation!.by_annotator.Hua.by_variant["0"].attr.mean, null);
  assert.throws(() => ResultsJsonSchema.parse(JSON.parse(resultsJsonText({ models: {}, human_evaluation: { ...he, extra: 1 } as never }))));
});
