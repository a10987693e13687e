import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Country, Topic } from "../../src/catalog";
import { runDemoPipeline } from "../../src/pipeline/demo";
import { analyzeRuns } from "../../src/results/runResults";
import { ResultsJsonSchema, resultsJsonText } from "../../src/results/schema";
import { startSimServer } from "../../src/sim";
import { runVag } from "../helpers/cli";
import { writeSyntheticRun } from "../helpers/figureData";

const tmp = (p: string) => mkdtempSync(join(tmpdir(), `vag-analyze-${p}-`));
const SCOPE = { countries: ["United States", "Nigeria"] as Country[], topics: ["Politics", "Religion"] as Topic[] };

/**
 * `vag analyze --run DIR --out OUT` on a real (simulated) run: results.json in
 * the one schema (strict parse), one entry per model, `simulated: true`,
 * every F1 / kappa / inconsistency / undecided interval with its scheme, the
 * same numbers as the library call; the printed summary names the undecided pairs.
 */
test("vag analyze: results.json of two runs in the one schema, with intervals and undecided pairs", { timeout: 300_000 }, async () => {
  const a = tmp("run-a");
  const sim = await startSimServer({ port: 0, seed: 5, positionBias: 0.1 });
  try {
    await runDemoPipeline({ runDir: a, cacheDir: tmp("cache"), seed: 5, sim, scope: SCOPE, log: () => {}, progress: false });
  } finally {
    await sim.close();
  }
  const b = tmp("run-b");
  writeSyntheticRun(b, "other-model");
  const out = join(tmp("out"), "out");
  const r = await runVag(["analyze", "--run", a, b, "--out", out, "--iterations", "200", "--seed", "9"]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ["matrices.json", "results.json"]);
  const text = readFileSync(join(out, "results.json"), "utf8");
  const json = ResultsJsonSchema.parse(JSON.parse(text));
  assert.equal(json.simulated, true);
  assert.deepEqual(Object.keys(json.models).sort(), ["other-model", "sim-respondent"]);
  const m = json.models["sim-respondent"];
  assert.equal(m.simulated, true);
  assert.equal(m.protocol, "robust");
  for (const s of [m.f1!, m.kappa!]) {
    assert.equal(s.ci95!.scheme.overall, "crossed");
    assert.equal(s.ci95!.resamples, 200);
    assert.equal(s.ci95!.seed, 9);
    const [lo, hi] = s.ci95!.overall as [number, number];
    assert.ok(lo <= s.overall! && s.overall! <= hi, `${s.overall} in [${lo}, ${hi}]`);
  }
  assert.ok(m.undecided!.count > 0, "10% position-biased cells give undecided pairs");
  assert.match(r.stdout, new RegExp(`${m.undecided!.count} undecided Task 2 pairs .* not counted as gaps`));
  const t1 = m.refusals!.task1!;
  assert.match(r.stdout, new RegExp(`sim-respondent \\[SIMULATED\\] refusals: .*Task 1: ${t1.refusals} refusals? of ${t1.answered} answered`));
  assert.match(r.stdout, /sim-respondent \[SIMULATED\]: .*F1 \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\] \(crossed\)/);
  // The CLI writes exactly what the library computes.
  assert.equal(text, resultsJsonText(analyzeRuns([a, b], { seed: 9, iterations: 200 }).results));
  const matrices = JSON.parse(readFileSync(join(out, "matrices.json"), "utf8"));
  assert.deepEqual(Object.keys(matrices.heatmaps).sort(), ["other-model", "sim-respondent"]);
  assert.deepEqual(Object.keys(matrices.heatmaps["sim-respondent"].task2_by_country).sort(), ["Nigeria", "United States"]);
});

test("vag analyze: the same model in two runs is one line and exit 2, nothing written", async () => {
  const a = tmp("dup-a");
  const b = tmp("dup-b");
  writeSyntheticRun(a);
  writeSyntheticRun(b);
  const out = join(tmp("dup-out"), "out");
  const r = await runVag(["analyze", "--run", a, b, "--out", out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^vag: .*model "sim-model" is also the model of another --run directory/);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.throws(() => readdirSync(out));
});
