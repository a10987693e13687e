import { join, resolve } from "node:path";
import { figureSet } from "../figures/figureSet";
import { loadInputs, type InputSource, type LoadedInputs } from "../figures/sources";
import { writeFileAtomic } from "../io/atomic";
import { loadMisaligned, MISALIGNED_FILE } from "./misaligned";
import { reportHtml } from "./page";
import { runExamples } from "./runExamples";
import { compareModels } from "../results/modelComparisons";
import { DEFAULT_RESAMPLES, DEFAULT_RESULTS_SEED } from "../results/modelResults";

export interface WrittenReport {
  path: string;
  models: number;
  charts: number;
  examples: number;
  simulated: boolean;
  bytes: number;
}

/**
 * Read every --from directory (results, matrices, gap results, runs,
 * misaligned.json), build the page and write `outDir/index.html` atomically.
 * All reading happens before anything is written, so a malformed input
 * leaves no partial output.
 */
export function writeReport(sources: ReadonlyArray<InputSource>, outDir: string, opts: { models?: readonly string[]; now?: Date } = {}): WrittenReport {
  return writeReportFrom(loadInputs(sources), sources, outDir, opts);
}

/** The report of inputs already loaded (publish loads once for figures and report); `sources` are searched for misaligned.json. */
export function writeReportFrom(
  inputs: LoadedInputs,
  sources: ReadonlyArray<InputSource>,
  outDir: string,
  opts: { models?: readonly string[]; now?: Date } = {},
): WrittenReport {
  const dirs = sources.map((s) => (typeof s === "string" ? s : s.dir));
  // Several runs: each model's results with their intervals, cost, and the pairwise tests between them (runs analysed
  // once, in loadInputs). The caller's inputs are left as they are (publish drew its figures from them).
  const several = inputs.runs.length >= 2;
  const runModels = new Set<string>(several ? inputs.runs.map((r) => r.model) : []);
  const results = several
    ? { ...(inputs.results ?? { models: {} }), comparisons: [...(inputs.results?.comparisons ?? []), ...compareModels(inputs.runs, { seed: DEFAULT_RESULTS_SEED, resamples: DEFAULT_RESAMPLES })] }
    : inputs.results;
  const misaligned = loadMisaligned(dirs);
  // Runs without a misaligned.json: their misaligned cells, from the analysed run.
  for (const run of inputs.runs) {
    if (!misaligned.files.includes(join(run.dir, MISALIGNED_FILE))) misaligned.examples.push(...runExamples(run));
  }
  misaligned.examples.push(...(inputs.publishedExamples ?? []));
  const examples = opts.models ? misaligned.examples.filter((e) => opts.models!.includes(e.model)) : misaligned.examples;
  const shown = { ...inputs, results, simulated: inputs.simulated || misaligned.simulated };
  const simulated = shown.simulated;
  const figures = figureSet(shown, { models: opts.models });
  const html = reportHtml({
    inputs: shown,
    figures,
    examples,
    sources: [...inputs.sources.map((s) => `${s.kind}: ${s.path}`), ...misaligned.files.map((f) => `misaligned: ${f}`)],
    generatedAt: (opts.now ?? new Date()).toISOString(),
    runModels,
  });
  const path = join(resolve(outDir), "index.html");
  writeFileAtomic(path, html);
  const models = new Set([...Object.keys(results?.models ?? {}), ...figures.map((f) => f.model).filter(Boolean)]);
  return { path, models: models.size, charts: figures.length, examples: examples.length, simulated, bytes: Buffer.byteLength(html) };
}
