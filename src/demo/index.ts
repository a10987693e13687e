import { join } from "node:path";
import { figureSet } from "../figures/figureSet";
import { analyseRun, loadInputs } from "../figures/sources";
import { chromiumMissing, writeFigures } from "../figures/render";
import { gapForRun } from "../gap/outputs";
import type { Effect } from "../gap/experiment";
import { writeReport } from "../report/write";
import { latestById, readRecords } from "../runs/store";
import { Task2Record } from "../runs/records";
import { groundTruth } from "../sim/respondent";
import { DEMO_SEED, runDemoPipeline } from "../pipeline/demo";
import { expectedDeparture, observedDeparture } from "./departure";

export interface DemoPaths {
  runDir: string;
  gapDir: string;
  figuresDir: string | null;
  report: string;
}

/**
 * What `npm start` does, end to end on the SIMULATED model: the three tasks
 * (pipeline/demo.ts), the alignment analysis of the run, the gap predictor,
 * the figures and the HTML report. Every printed line that carries a result
 * says it is simulated.
 */
export async function runDemo(o: { runDir?: string; outDir?: string; seed?: number; log?: (s: string) => void } = {}): Promise<DemoPaths> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const seed = o.seed ?? DEMO_SEED;
  const outDir = o.outDir ?? join("out", "demo");
  const { runDir } = await runDemoPipeline({ runDir: o.runDir, seed, log });

  const run = analyseRun(runDir);
  const t2 = [...latestById(readRecords(join(runDir, "task2.jsonl"), { schema: Task2Record }).records).values()];
  const f1 = run.results.f1?.overall;
  const inc = run.results.inconsistency;
  log(`alignment [SIMULATED, ${run.protocol} protocol]: F1 ${f1?.toFixed(3)} over the demo scenarios; inconsistent cells ${inc?.total} (${((inc?.share ?? NaN) * 100).toFixed(1)}%)`);
  if (run.V) {
    const obs = observedDeparture(run.V, t2);
    const exp = expectedDeparture(groundTruth(seed), t2);
    log(`planted gap check: choices departing from the stated value ${(obs.share * 100).toFixed(1)}% observed (n=${obs.n}) vs ${(exp * 100).toFixed(1)}% expected from the simulator's ground truth`);
  }

  const gapDir = join(outDir, "gap");
  const gap = gapForRun(runDir, gapDir, { bootstrap: 200 });
  for (const e of gap.effects) log(`gap prediction [SIMULATED]: ${describeEffect(e)}`);

  let figuresDir: string | null = join(outDir, "figures");
  const missing = chromiumMissing();
  const figs = figureSet(loadInputs([runDir, gapDir]));
  const written = await writeFigures(figs, figuresDir, {
    formats: missing ? [] : ["png", "svg"],
    html: { title: "Figures (simulated)", note: "SIMULATED results of the built-in simulator, not a real model." },
  });
  if (missing) {
    log(`figures: ${missing}; wrote the interactive figures.html only`);
    figuresDir = null;
  } else log(`figures: ${figs.length} figures, ${written.files.length} files in ${(written.ms / 1000).toFixed(1)} s`);
  const report = writeReport([runDir, gapDir], join(outDir, "report"));
  log("");
  log(`run records:  ${runDir}/ (generate.jsonl, task1.jsonl, task2.jsonl, manifest.json)`);
  log(`gap results:  ${gapDir}/results.md`);
  if (figuresDir) log(`figures:      ${written.html}`);
  log(`report:       ${report.path}   <- open this first`);
  return { runDir, gapDir, figuresDir, report: report.path };
}

function describeEffect(e: Effect): string {
  const d = e.difference;
  const ci = (c: [number, number] | null) => (c ? `[${c[0].toFixed(3)}, ${c[1].toFixed(3)}]` : "[n/a]");
  const auc = d.auc === null ? "" : `, AUC ${d.auc >= 0 ? "+" : ""}${d.auc.toFixed(3)} ${ci(d.ci95.auc)}`;
  return `label ${e.label}: ${e.setting} vs ${e.baseline}: F1 ${d.f1 >= 0 ? "+" : ""}${d.f1.toFixed(3)} ${ci(d.ci95.f1)}${auc}`;
}
