/**
 * Gap predictor performance (issue 5 target: feature extraction plus 5-fold
 * cross-validation for ALL settings on 14,658 rows with 4,096 hashed features
 * in under 60 s and under 1 GB).
 *
 * Workload: the published data's claude-sonnet-4 `choice` examples (14,658
 * rows = 7,329 answered pairs × 2), the four settings available without
 * target explanations, dim 4,096, 5 grouped-stratified folds, default sparse
 * engine. Importing the published files (dataset parse, Task 1, Task 2) is
 * timed separately: it is the src/via importers' cost, not the predictor's.
 *
 * The ml-logistic-regression engine is timed on ONE fold of one setting with
 * a few gradient steps (its cost is linear in steps), and extrapolated.
 *
 *   npx tsx bench/gap.ts            (needs the published data: VAL_DATA_DIR or ../shared/via)
 */
import { cpuUsage, memoryUsage } from "node:process";
import { loadavg } from "node:os";
import { makeRng } from "../src/analysis/random";
import { scenarioKey } from "../src/catalog";
import { groupedStratifiedFolds } from "../src/gap/cv";
import { crossValidate } from "../src/gap/experiment";
import { FeatureExtractor } from "../src/gap/features";
import { choiceExamples } from "../src/gap/labels";
import { trainLogistic } from "../src/gap/logistic";
import { publishedTargets } from "../src/gap/published";
import { fitStandardizer } from "../src/gap/standardize";
import { scorePredictions } from "../src/gap/metrics";
import type { Setting } from "../src/gap/settings";
import { viaDir } from "../tests/helpers/data";
import { report, time } from "./lib";

const SETTINGS: Setting[] = ["action", "action+attribution", "action+explanation", "action+attribution+explanation"];

async function main(): Promise<void> {
  const dir = viaDir();
  if (!dir) {
    process.stderr.write("bench gap: skipped: published data not found (VAL_DATA_DIR or ../shared/via)\n");
    report("gap", [{ label: "features + 5-fold CV, 4 settings, 14,658 rows, dim 4,096", value: NaN, unit: "s", note: "no published data" }]);
    return;
  }
  const load0 = loadavg()[0];
  const imported = await time(() => publishedTargets(dir, ["claude-sonnet-4"]));
  const examples = choiceExamples(imported.value[0].pairs);
  const y = Uint8Array.from(examples, (e) => e.label);
  const rssBefore = memoryUsage().rss / 2 ** 20;

  const cpu0 = cpuUsage();
  const perSetting: string[] = [];
  const run = await time(() => {
    const fe = new FeatureExtractor({ dim: 4096 });
    const fold = groupedStratifiedFolds(examples.map(scenarioKey), y, 5, makeRng(42));
    for (const s of SETTINGS) {
      const t0 = performance.now();
      const m = fe.matrix(examples, s);
      const t1 = performance.now();
      const { pred, score } = crossValidate(m, y, fold, 5, {}, makeRng(1));
      const sc = scorePredictions(y, pred, score);
      perSetting.push(`${s}: features ${((t1 - t0) / 1000).toFixed(1)} s, CV ${((performance.now() - t1) / 1000).toFixed(1)} s, F1 ${sc.f1.toFixed(3)}, AUC ${sc.auc!.toFixed(3)}`);
    }
  });
  const cpu = cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const seconds = run.ms / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // ml-logistic-regression: one fold of the richest setting, few steps, then per-step cost
  const fe = new FeatureExtractor({ dim: 4096 });
  const m = fe.matrix(examples, "action+attribution+explanation");
  const fold = groupedStratifiedFolds(examples.map(scenarioKey), y, 5, makeRng(42));
  const fullTrain = Array.from({ length: m.rows }, (_, i) => i).filter((i) => fold[i] !== 0);
  // a 2,000-row slice keeps this probe from dominating the process's peak memory;
  // a full-batch step is linear in rows, so it is scaled to the full training fold
  const train = fullTrain.slice(0, 2000);
  const st = fitStandardizer(m, train);
  const steps = 5;
  const ml = await time(() => trainLogistic(m, train, y, st, makeRng(1), { engine: "ml-logistic-regression", mlSteps: steps, classWeight: "none" }));
  const perStep = (ml.ms / steps) * (fullTrain.length / train.length);
  // X, its transpose (built every step) and the ml-matrix copy of the dense rows: ≥ 3 dense n × d float64 matrices
  const mlMemMb = (3 * fullTrain.length * m.cols * 8) / 2 ** 20;
  // a fit needs hundreds of full-batch steps (its default is 50,000); 500 steps × 5 folds × 4 settings:
  const mlExtrapolated = (perStep * 500 * 5 * SETTINGS.length) / 1000;

  const load1 = loadavg()[0];
  const loadNote = `load average ${load0.toFixed(1)} -> ${load1.toFixed(1)} on ${require("node:os").cpus().length} cores`;
  process.stderr.write(
    `gap: import ${(imported.ms / 1000).toFixed(1)} s; features + 5-fold CV x 4 settings on ${examples.length} rows: ${seconds.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU, peak RSS ${peakMb.toFixed(0)} MB (${rssBefore.toFixed(0)} MB after import); ${loadNote}\n  ` +
      perSetting.join("\n  ") +
      `\n  ml-logistic-regression: ${perStep.toFixed(0)} ms per full-batch step (both one-vs-all classifiers) scaled to ${fullTrain.length} x ${m.cols} dense, ≥ ${mlMemMb.toFixed(0)} MB of dense matrices; ` +
      `500 steps x 5 folds x 4 settings ≈ ${mlExtrapolated.toFixed(0)} s\n`,
  );
  report("gap", [
    {
      label: `features + 5-fold CV, 4 settings, ${examples.length} rows, dim 4,096 (sparse engine)`,
      value: seconds,
      unit: "s",
      target: "< 60 s",
      ok: seconds < 60,
      note: `${cpuS.toFixed(1)} s CPU; ${loadNote}`,
    },
    { label: "peak RSS of that run (incl. imported data)", value: peakMb, unit: "MB", target: "< 1024 MB", ok: peakMb < 1024 },
    { label: "import of the published data (src/via importers)", value: imported.ms / 1000, unit: "s" },
    { label: `ml-logistic-regression: one full-batch step on ${fullTrain.length} x ${m.cols} dense (from a 2,000-row probe)`, value: perStep, unit: "ms", note: `needs ≥ ${mlMemMb.toFixed(0)} MB of dense matrices` },
    { label: "ml-logistic-regression: 500 steps x 5 folds x 4 settings (extrapolated)", value: mlExtrapolated, unit: "s", target: "< 60 s", ok: mlExtrapolated < 60 },
  ]);
}

main().catch((e) => {
  process.stderr.write(`bench gap: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
