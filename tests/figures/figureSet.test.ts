import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileLineError, UserError } from "../../src/errors";
import { figureSet } from "../../src/figures/figureSet";
import { loadInputs } from "../../src/figures/sources";
import { syntheticGap, syntheticMatrices, syntheticResults, writeSyntheticRun } from "../helpers/figureData";

const names = (figs: { name: string }[]) => figs.map((f) => f.name);

test("figure set: every per-model and across-model figure the synthetic results support", () => {
  const figs = figureSet({ simulated: false, results: syntheticResults(), matrices: syntheticMatrices(), gap: syntheticGap() });
  const perModel = figs.filter((f) => f.model === "model-a");
  // 3 heatmaps x 2 axes + 12 country and 11 topic rankings + stated vs acted
  assert.equal(perModel.length, 6 + 12 + 11 + 1);
  for (const kind of ["task1", "task2", "distance"]) {
    for (const axis of ["country", "topic"]) assert.ok(names(perModel).includes(`model-a/heatmap-${kind}-${axis}`), `${kind} ${axis}`);
  }
  assert.ok(names(perModel).includes("model-a/ranking-country-united-states"));
  assert.ok(names(perModel).includes("model-a/ranking-topic-family-and-changing-gender-roles"));
  const across = names(figs.filter((f) => f.model === undefined));
  assert.deepEqual(across.sort(), [
    "across/f1-country",
    "across/f1-country-inverted",
    "across/f1-topic",
    "across/f1-topic-inverted",
    "across/gap-prediction",
    "across/inconsistency",
    "across/prompt-agreement",
    "across/risk-categories",
    "across/stated-vs-acted",
  ]);
  assert.equal(new Set(names(figs)).size, figs.length, "names are unique");
  assert.ok(figs.every((f) => /^[a-z0-9._/-]+$/.test(f.name)));
  assert.ok(figs.every((f) => !f.title.includes("simulated")));
});

test("figure set: only what the data supports; nothing invented", () => {
  // results without matrices: distances and rankings, no Task 1/2 heatmaps, no scatter
  const r = figureSet({ simulated: false, results: syntheticResults({ models: ["x"] }) });
  assert.ok(!names(r).some((n) => /heatmap-task[12]|stated-vs-acted/.test(n)));
  assert.ok(names(r).includes("x/heatmap-distance-country"));
  // matrices only: the Task 1/2 heatmaps; no distance or ranking is derived from the grids (the results hold them)
  const m = syntheticMatrices({ models: ["y"] });
  const figs = figureSet({ simulated: false, matrices: m });
  assert.ok(names(figs).includes("y/heatmap-task1-country") && names(figs).includes("y/stated-vs-acted"));
  assert.ok(!names(figs).some((n) => /heatmap-distance|ranking-/.test(n)), "nothing re-derived from grids");
  assert.ok(!names(figs).some((n) => n.startsWith("across/f1")));
  // the ranking bars carry the stored rank intervals
  const ranked = figureSet({ simulated: false, results: syntheticResults({ models: ["x"] }) }).find((f) => f.name === "x/ranking-country-nigeria")!;
  assert.match(String((ranked.figure.data[0] as { text: string[] }).text[0]), /^\d+–\d+$/);
  // empty inputs: no figures
  assert.deepEqual(figureSet({ simulated: false }), []);
  // a model filter
  assert.ok(figureSet({ simulated: false, results: syntheticResults() }, { models: ["model-b"] }).every((f) => f.model !== "model-a"));
});

test("figure set: one gap-prediction chart per predicted label; few-shot scores count as the choice label", () => {
  const gap = syntheticGap();
  gap.experiments!.push({ target: "model-a", label: "gap", setting: "action", method: "logistic", n: 10, f1: 0.4, ci95: { f1: [0.3, 0.5] } });
  const figs = figureSet({ simulated: false, results: syntheticResults(), gap });
  const gapFigs = figs.filter((f) => f.name.startsWith("across/gap-prediction"));
  assert.deepEqual(names(gapFigs), ["across/gap-prediction-choice", "across/gap-prediction-gap"]);
  const choice = gapFigs[0].figure.data.map((t) => t.name);
  assert.deepEqual(choice, ["logistic", "majority", "few-shot LLM"]);
  assert.deepEqual(gapFigs[1].figure.data.map((t) => t.name), ["logistic"]);
});

test("figure set: simulated inputs say so in every title", () => {
  const figs = figureSet({ simulated: true, results: syntheticResults({ models: ["s"] }) });
  assert.ok(figs.length > 0);
  for (const f of figs) {
    assert.match(f.title, /\(simulated\)$/);
    const t = (f.figure.layout.title as { text: string; subtitle?: { text: string } });
    assert.match(t.text + (t.subtitle?.text ?? ""), /simulated/);
  }
});

function writeJson(dir: string, file: string, x: unknown): void {
  writeFileSync(join(dir, file), JSON.stringify(x, null, 2));
}

test("loadInputs: reproduce + gap directories merge; simulated flag carried", () => {
  const root = mkdtempSync(join(tmpdir(), "vag-fig-"));
  const rep = join(root, "reproduce");
  const gap = join(root, "gap");
  mkdirSync(rep);
  mkdirSync(gap);
  writeJson(rep, "results.json", syntheticResults({ simulated: true }));
  writeJson(rep, "matrices.json", syntheticMatrices());
  writeJson(gap, "results.json", syntheticGap());
  const inputs = loadInputs([rep, gap]);
  assert.equal(inputs.simulated, true);
  assert.deepEqual(inputs.sources.map((s) => s.kind), ["reproduce", "matrices", "gap"]);
  assert.equal(inputs.gap?.experiments?.length, syntheticGap().experiments!.length);
  assert.deepEqual(Object.keys(inputs.matrices!.heatmaps!), ["model-a", "model-b"]);
});

test("loadInputs: malformed files give FILE:LINE, missing directories a clear error", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-fig-bad-"));
  writeFileSync(join(dir, "results.json"), '{\n  "models": {\n    "m": {"f1": {"overall": 0.5,}}\n  }\n}\n');
  assert.throws(() => loadInputs([dir]), (e: unknown) => e instanceof FileLineError && e.line === 3 && e.exitCode === 2);
  writeFileSync(join(dir, "results.json"), '{\n  "models": {\n    "m": {\n      "f1": {"overall": 0.5, "by_country": {"India": "high"}}\n    }\n  }\n}\n');
  assert.throws(
    () => loadInputs([dir]),
    (e: unknown) => e instanceof FileLineError && e.line === 4 && /models\.m\.f1\.by_country\.India/.test(e.message),
  );
  assert.throws(() => loadInputs([join(dir, "nope")]), (e: unknown) => e instanceof UserError && /no such directory/.test(e.message));
  const empty = mkdtempSync(join(tmpdir(), "vag-fig-empty-"));
  assert.throws(() => loadInputs([empty]), /nothing to read/);
});

test("loadInputs: a run directory is analysed with its protocol (matrices, F1, distance, ranking, inconsistency)", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-fig-run-"));
  writeSyntheticRun(dir);
  const inputs = loadInputs([dir]);
  assert.equal(inputs.simulated, true);
  const m = inputs.matrices!.heatmaps!["sim-model"];
  assert.equal(m.task1_by_country!.India.Wealth, 1);
  assert.equal(m.task1_by_topic!.Politics.Wealth, 1);
  assert.equal(m.task2_by_country!.India.Wealth, 0);
  assert.equal(m.task1_by_country!.Egypt, undefined, "no answers for Egypt, no row");
  const r = inputs.results!.models!["sim-model"];
  assert.equal(r.distance_group_mean!.by_country.India!.Wealth, 1);
  assert.equal(r.ranking!.by_country.India![0][0], "Wealth");
  assert.equal(r.inconsistency!.stated_disagree_acted_agree, 1);
  assert.equal(r.inconsistency!.stated_agree_acted_disagree, 0);
  const figs = figureSet(inputs);
  assert.ok(names(figs).includes("sim-model/heatmap-task1-country"));
  assert.ok(names(figs).includes("sim-model/ranking-country-india"));
  // a run covers only some scenarios: no empty rows, rankings or F1 columns for the rest
  assert.ok(!names(figs).includes("sim-model/ranking-country-egypt"));
  const dist = figs.find((f) => f.name === "sim-model/heatmap-distance-country")!.figure.data[0] as { y: string[] };
  assert.deepEqual(dist.y, ["India"]);
  const f1 = figs.find((f) => f.name === "across/f1-country")!.figure.data[0] as { x: string[] };
  assert.deepEqual(f1.x, ["India", "Overall"]);
  assert.ok(figs.every((f) => f.title.endsWith("(simulated)")));
});
