/**
 * Gap predictor performance (issue 11 target: the full `vag gap` run on the
 * published data, both targets, all three labels, nested CV, under 60 s and
 * under 1 GB on this machine).
 *
 * Workload: runGap on publishedTargets (claude-sonnet-4 and gpt-4o-mini;
 * `gap-posthoc` is reported as not evaluable there: the published Task 2 has
 * no target explanations), default options: 5 outer folds grouped by
 * scenario, 2 inner folds tuning L2 x minimum count, 1,000 scenario bootstrap
 * resamples and permutations. Import of the published files is timed too.
 *
 * The ml-logistic-regression engine (bench/mlLogistic.ts) is timed on ONE
 * outer training fold of claude-sonnet-4 `choice` / action+attribution+explanation
 * with a few gradient steps on a 100-row slice (the dense matrix has ~240,000 columns) and extrapolated (its cost
 * is linear in steps and rows).
 *
 *   npx tsx bench/gap.ts            (needs the published data: VAL_DATA_DIR or ../shared/via)
 */
import { cpuUsage } from "node:process";
import { cpus, loadavg } from "node:os";
import { makeRng } from "../src/analysis/random";
import { featureMatrix } from "../src/gap/features";
import { choiceExamples } from "../src/gap/labels";
import { publishedTargets } from "../src/gap/published";
import { runGap } from "../src/gap/runGap";
import { textSettings } from "../src/gap/settings";
import { viaDir } from "../tests/helpers/data";
import { report, time } from "./lib";
import { mlLogisticPredictor } from "./mlLogistic";

async function main(): Promise<void> {
  const dir = viaDir();
  if (!dir) {
    process.stderr.write("bench gap: skipped: published data not found (VAL_DATA_DIR or ../shared/via)\n");
    report("gap", [{ label: "full vag gap run (2 targets, 3 labels, nested CV)", value: NaN, unit: "s", note: "no published data" }]);
    return;
  }
  const load0 = loadavg()[0];
  const cpu0 = cpuUsage();
  const imported = await time(() => publishedTargets(dir));
  const run = await time(() => runGap(imported.value, {}));
  const cpu = cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const seconds = (imported.ms + run.ms) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const load1 = loadavg()[0];
  const loadNote = `load average ${load0.toFixed(1)} -> ${load1.toFixed(1)} on ${cpus().length} cores`;
  const settings = run.value.settings.reduce((s, b) => s + b.results.length, 0);

  // ml-logistic-regression: one training fold of the richest choice setting, few steps, scaled
  const examples = choiceExamples(imported.value[0].pairs);
  const y = Uint8Array.from(examples, (e) => e.label);
  const m = featureMatrix(examples, textSettings("choice").find((s) => s.id === "action+attribution+explanation")!.functions);
  const foldRows = Math.round(examples.length * 0.8);
  const probe = Array.from({ length: 100 }, (_, i) => i);
  const steps = 3;
  const ml = await time(() => mlLogisticPredictor(m, y, steps).fit(probe, { l2: 0, minCount: 1 }, makeRng(1)));
  const perStep = (ml.ms / steps) * (foldRows / probe.length);
  const mlMemMb = (3 * foldRows * m.cols * 8) / 2 ** 20;
  // one setting's nested CV needs 5 x (2 + 1) fits; a fit needs hundreds of full-batch steps (its default is 50,000)
  const mlExtrapolated = (perStep * 500 * 15) / 1000;

  process.stderr.write(
    `gap: import ${(imported.ms / 1000).toFixed(1)} s + runGap ${(run.ms / 1000).toFixed(1)} s = ${seconds.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU, ` +
      `peak RSS ${peakMb.toFixed(0)} MB; ${settings} settings x nested CV; ${loadNote}\n` +
      run.value.verdicts.map((v) => `  ${v.sentence.replace(/\*\*/g, "")}`).join("\n") +
      `\n  ml-logistic-regression: ${perStep.toFixed(0)} ms per full-batch step on ${foldRows} x ${m.cols} dense (scaled from 100 rows), >= ${mlMemMb.toFixed(0)} MB of dense matrices; ` +
      `500 steps x 15 fits of one setting's nested CV = ${mlExtrapolated.toFixed(0)} s\n`,
  );
  report("gap", [
    {
      label: `full vag gap run on the published data: 2 targets x 3 labels, ${settings} settings, nested 5x2 CV, 1,000 resamples (incl. import)`,
      value: seconds,
      unit: "s",
      target: "< 60 s",
      ok: seconds < 60,
      note: `${cpuS.toFixed(1)} s CPU; ${loadNote}`,
    },
    { label: "peak RSS of that run", value: peakMb, unit: "MB", target: "< 1024 MB", ok: peakMb < 1024 },
    { label: "import of the published data (src/via importers)", value: imported.ms / 1000, unit: "s" },
    { label: `ml-logistic-regression: one full-batch step on ${foldRows} x ${m.cols} dense (from a 100-row probe)`, value: perStep, unit: "ms", note: `needs >= ${mlMemMb.toFixed(0)} MB of dense matrices` },
    { label: "ml-logistic-regression: one setting's nested CV, 500 steps x 15 fits (extrapolated)", value: mlExtrapolated, unit: "s", target: "< 60 s", ok: mlExtrapolated < 60 },
  ]);
}

main().catch((e) => {
  process.stderr.write(`bench gap: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
