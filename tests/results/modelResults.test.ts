import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { alignmentRate } from "../../src/analysis/alignmentRate";
import { bootstrapMeanCI } from "../../src/analysis/bootstrap";
import { makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";
import { readJsonFile } from "../../src/figures/readJson";
import { modelResults } from "../../src/results/modelResults";
import { ResultsJsonSchema, resultsJsonText, type ResultsJson } from "../../src/results/schema";
import { skipWithoutData, viaDir } from "../helpers/data";
import { publishedModel } from "../helpers/publishedModels";

/** V, A with a little structure: some disagreement in every country, a few planted gaps. */
function planted() {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  COUNTRIES.forEach((c, k) =>
    TOPICS.forEach((t, l) => {
      const i = rowOf(c, t);
      set(V, i, (k + l) % 56, 1);
      set(A, i, (k + l) % 56, (k + l) % 3 === 0 ? 0 : 1);
      set(A, i, (k * 5 + l) % 56, 1);
    }),
  );
  return { V, A };
}

/** Write and read back through the one JSON reader (FILE:LINE on a schema complaint). */
function roundTrip(results: ResultsJson): ResultsJson {
  const file = join(mkdtempSync(join(tmpdir(), "vag-results-")), "results.json");
  writeFileSync(file, resultsJsonText(results));
  return readJsonFile(file, ResultsJsonSchema);
}

test("modelResults: today's measures with crossed intervals; the entry fits the one schema after a round trip", () => {
  const { V, A } = planted();
  const perScenario = Float64Array.from({ length: 132 }, (_, i) => 0.8 + (i % 5) / 25);
  const agreement = { value: perScenario.reduce((s, x) => s + x, 0) / 132, n: 132, perScenario };
  const entry = modelResults(V, A, "paper", { seed: 3, resamples: 200, permutations: 100, task1Agreement: agreement });
  const rate = alignmentRate(V, A, { protocol: "paper" });
  assert.equal(entry.f1!.overall, rate.f1.overall.value);
  assert.equal(entry.f1!.by_country!.Egypt, rate.f1.byCountry.Egypt.value);
  assert.equal(entry.kappa!.overall, rate.kappa.overall.value);
  assert.equal(entry.accuracy!.by_topic!.Religion, rate.accuracy.byTopic.Religion.value);
  assert.ok(entry.f1_inverted!.overall! > entry.f1!.overall!);
  assert.deepEqual(entry.f1!.ci95!.scheme, { overall: "crossed", by_country: "topics", by_topic: "countries" });
  assert.equal(entry.f1!.ci95!.seed, 3);
  assert.equal(entry.f1!.ci95!.resamples, 200);
  const [lo, hi] = entry.f1!.ci95!.overall as [number, number];
  assert.ok(lo <= entry.f1!.overall! && entry.f1!.overall! <= hi);
  assert.deepEqual(Object.keys(entry.distance_cell_mean!.by_country.Egypt!), [...VALUES]);
  assert.equal(entry.ranking!.overall!.length, 56);
  assert.equal(entry.undecided!.count, 0);
  assert.equal(entry.task1_agreement, agreement.value);
  assert.equal(entry.task1_agreement_ci95!.scheme, "crossed");
  assert.ok(entry.task1_agreement_ci95!.ci95[0]! < agreement.value && agreement.value < entry.task1_agreement_ci95!.ci95[1]!);
  // the null keeps each value's base rate; p = (1 + #null ≥ observed) / (1 + 100)
  assert.equal(entry.null_f1!.permutations, 100);
  assert.equal(entry.null_f1!.observed, entry.f1!.overall);
  assert.equal(entry.null_f1_inverted!.observed, entry.f1_inverted!.overall);
  assert.ok(entry.null_f1!.p! > 0 && entry.null_f1!.p! <= 1);
  assert.equal(entry.ranking_stability!.by_country!.Egypt!.scheme, "topics");
  assert.equal(entry.ranking_stability!.overall!.top5.length, 5);
  assert.equal(entry.gap_claims!.length, 20);
  assert.ok(entry.gap_claims!.every((g, k) => k === 0 || entry.gap_claims![k - 1].distance! >= g.distance!));
  const inc = entry.inconsistency!;
  assert.equal(inc.total, inc.stated_agree_acted_disagree + inc.stated_disagree_acted_agree);
  assert.ok(inc.ci95!.total[0]! <= inc.total && inc.total <= inc.ci95!.total[1]!);

  const back = roundTrip({ simulated: true, models: { m: entry } });
  assert.deepEqual(back.models.m.f1, JSON.parse(JSON.stringify(entry.f1)));
  // a model with Task 1 only has no alignment keys
  assert.deepEqual(Object.keys(modelResults(V, null, "robust")), ["protocol"]);
  // position bias of counterbalanced answers: pairs answered in both orders, per scenario row
  const positioned = [
    { pair: "p1", optionOrder: "negative-first", choice: 1, row: 0 },
    { pair: "p1", optionOrder: "positive-first", choice: 1, row: 0 },
    { pair: "p2", optionOrder: "negative-first", choice: 2, row: 5 },
    { pair: "p2", optionOrder: "positive-first", choice: 1, row: 5 },
  ] as const;
  const bias = modelResults(V, null, "robust", { positioned, resamples: 50 }).position_bias!;
  assert.deepEqual([bias.option1_share, bias.order_consistency, bias.pairs, bias.answers], [0.75, 0.5, 2, 4]);
  assert.equal(bias.ci95!.scheme, "crossed");
});

test("results.json schema: an unknown key or a wrong type fails as FILE:LINE", () => {
  const { V, A } = planted();
  const entry = modelResults(V, A, "robust", { seed: 1, resamples: 50, permutations: 20 });
  const file = join(mkdtempSync(join(tmpdir(), "vag-results-")), "results.json");
  const text = resultsJsonText({ models: { m: { ...entry, f1: { ...entry.f1!, typo: 1 } as never } } });
  writeFileSync(file, text);
  assert.throws(() => readJsonFile(file, ResultsJsonSchema), (e: Error) => /results\.json:\d+: models\.m\.f1: Unrecognized key/.test(e.message));
  const bad = JSON.parse(resultsJsonText({ models: { m: entry } }));
  bad.models.m.f1.ci95.scheme.overall = "scenarioz";
  writeFileSync(file, JSON.stringify(bad, null, 2));
  assert.throws(() => readJsonFile(file, ResultsJsonSchema), (e: Error) => /results\.json:\d+: models\.m\.f1\.ci95\.scheme\.overall/.test(e.message));
  bad.models.m.f1.ci95.scheme.overall = "crossed";
  bad.models.m.f1.by_country.Atlantis = 0.5;
  writeFileSync(file, JSON.stringify(bad, null, 2));
  assert.throws(() => readJsonFile(file, ResultsJsonSchema), /Atlantis|by_country/);
});

test("published GPT-4o-mini and Claude: paper numbers unchanged; crossed F1 interval ≈ twice the scenario one", { skip: skipWithoutData() }, () => {
  for (const model of ["gpt-4o-mini", "claude-sonnet-4"] as const) {
    const { V, A } = publishedModel(viaDir()!, model);
    const { task1, task2 } = publishedModel(viaDir()!, model);
    const entry = modelResults(V, A, "paper", { seed: 20250118, sensitivity: { protocol: "paper", task1, task2 } });
    const base = entry.sensitivity!.rows.find((r) => r.setting === entry.sensitivity!.baseline)!;
    assert.equal(base.f1, entry.f1!.overall);
    assert.equal(base.inconsistency.total, entry.inconsistency!.total);
    const scenarios = bootstrapMeanCI(alignmentRate(V, A, { protocol: "paper" }).scenarios.f1, { seed: 20250118 });
    const [lo, hi] = entry.f1!.ci95!.overall as [number, number];
    const ratio = (hi - lo) / (scenarios[1] - scenarios[0]);
    console.log(`  ${model}: F1 ${entry.f1!.overall!.toFixed(3)} crossed [${lo.toFixed(3)}, ${hi.toFixed(3)}] scenarios [${scenarios.map((x) => x.toFixed(3)).join(", ")}] width ×${ratio.toFixed(2)}`);
    assert.ok(ratio > 1.6 && ratio < 3, `${model}: ${ratio}`);
    assert.equal(entry.undecided!.count, 0); // single option order
    if (model === "gpt-4o-mini") {
      assert.equal(entry.f1!.overall!.toFixed(3), "0.564");
      assert.equal(entry.f1!.by_country!["United States"]!.toFixed(2), "0.67");
      assert.deepEqual([entry.inconsistency!.stated_disagree_acted_agree, entry.inconsistency!.stated_agree_acted_disagree], [415, 729]);
    }
  }
});
