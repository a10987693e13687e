import { join } from "node:path";
import { writeGapOutputs } from "../gap/outputs";
import { runGap } from "../gap/runGap";
import { publish } from "../report/publish";
import { writeOutputs } from "../reproduce/reproductionOutputs";
import { modelLine, nullSentence, undecidedText } from "../results/describe";
import { analysisOutputs, analyzeRuns } from "../results/runResults";
import { openRun } from "../runs/openRun";
import type { ReasoningMode } from "../sim/reasoning";
import { groundTruth } from "../sim/respondent";
import { DEMO_SEED, runDemoPipeline } from "../pipeline/demo";
import { expectedDeparture, observedDeparture } from "./departure";

export interface DemoPaths {
  runDir: string;
  /** results.json + matrices.json of the run (what `vag analyze` writes). */
  resultsDir: string;
  gapDir: string;
  figuresDir: string | null;
  report: string;
}

/**
 * What `npm start` does, end to end on the SIMULATED model: the three tasks
 * (pipeline/demo.ts), the alignment analysis of the run (results/runResults,
 * computed once and handed to the figures and the report), the gap predictor,
 * the figures and the HTML report. Every printed line that carries a result
 * says it is simulated.
 */
export async function runDemo(
  o: { runDir?: string; outDir?: string; cacheDir?: string; seed?: number; positionBias?: number; reasoning?: ReasoningMode; log?: (s: string) => void } = {},
): Promise<DemoPaths> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const seed = o.seed ?? DEMO_SEED;
  const outDir = o.outDir ?? join("out", "demo");
  const { runDir } = await runDemoPipeline({ runDir: o.runDir, cacheDir: o.cacheDir, seed, positionBias: o.positionBias, reasoning: o.reasoning, log });

  const records = openRun(runDir);
  // The one analysis of the run: printed here, written as results.json, drawn by the figures and the report.
  const analysis = analyzeRuns([records]);
  const run = analysis.runs[0];
  const r = run.results;
  const resultsDir = join(outDir, "results");
  writeOutputs(resultsDir, analysisOutputs(analysis));
  log(`alignment [SIMULATED, ${run.protocol} protocol, demo scenarios]: ${modelLine(run.model, r).replace(/^[^:]*: /, "")}`);
  const ci = r.f1?.ci95;
  if (ci) log(`  intervals: 95% CI, crossed bootstrap (countries and topics resampled independently), ${ci.resamples} resamples, seed ${ci.seed}`);
  const nul = nullSentence(r.f1?.overall, r.null_f1);
  if (nul) log(`  ${nul}`);
  const undecided = undecidedText(r);
  if (undecided) log(`undecided pairs [SIMULATED]: ${undecided}`);
  const bias = r.position_bias;
  if (bias)
    log(
      `position bias [SIMULATED]: Option 1 chosen in ${((bias.option1_share ?? NaN) * 100).toFixed(1)}% of answers; same action in both option orders for ${((bias.order_consistency ?? NaN) * 100).toFixed(1)}% of ${bias.pairs} pairs`,
    );
  if (run.V) {
    const t2 = records.task2();
    const obs = observedDeparture(run.V, t2);
    const exp = expectedDeparture(groundTruth(seed, { positionBias: o.positionBias }), t2);
    log(`planted gap check: choices departing from the stated value ${(obs.share * 100).toFixed(1)}% observed (n=${obs.n}) vs ${(exp * 100).toFixed(1)}% expected from the simulator's ground truth`);
  }

  const gapDir = join(outDir, "gap");
  const gap = runGap({ run: records }, { bootstrap: 200 });
  writeGapOutputs(gap, gapDir);
  for (const v of gap.verdicts) log(`gap verdict [SIMULATED]: ${v.sentence.replace(/\*\*/g, "")}`);

  const pub = await publish([run, gapDir], outDir);
  if (pub.figuresNote) log(`figures: ${pub.figuresNote}; wrote the interactive figures.html only`);
  else log(`figures: ${pub.figures.files.length} files in ${(pub.figures.ms / 1000).toFixed(1)} s`);
  const report = pub.report;
  const figuresDir = pub.figuresNote ? null : pub.figuresDir;
  log("");
  log(`run records:  ${runDir}/ (generate.jsonl, task1.jsonl, task2.jsonl, manifest.json)`);
  log(`results:      ${resultsDir}/results.json (every measure with its interval; vag analyze writes the same)`);
  log(`gap results:  ${gapDir}/results.md`);
  if (pub.figures.html) log(`figures:      ${pub.figures.html}`);
  log(`report:       ${report.path}   <- open this first`);
  return { runDir, resultsDir, gapDir, figuresDir, report: report.path };
}
