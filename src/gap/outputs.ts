import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic";
import { runGapExperiment, type GapExperimentOptions, type GapResults } from "./experiment";
import { gapMarkdown } from "./report";
import type { Run } from "../runs/openRun";
import { runTargets } from "./runDir";

/** Write results.json and results.md (atomically) into `outDir`; returns their paths. */
export function writeGapOutputs(results: GapResults, outDir: string): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, "results.json");
  const markdown = join(outDir, "results.md");
  writeFileAtomic(json, JSON.stringify(results, null, 2) + "\n");
  writeFileAtomic(markdown, gapMarkdown(results));
  return { json, markdown };
}

/**
 * The gap predictor on a run directory in one call (what `npm start`'s demo
 * needs after its simulated run): read the run, run the experiment, write
 * results.json and results.md to `outDir`.
 */
export function gapForRun(run: string | Run, outDir: string, options: Partial<GapExperimentOptions> = {}): GapResults {
  const { targets, notes } = runTargets(run);
  const results = runGapExperiment(targets, options);
  results.notes.unshift(`source: run ${typeof run === "string" ? run : run.dir}`, ...notes);
  writeGapOutputs(results, outDir);
  return results;
}
