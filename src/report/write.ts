import { join, resolve } from "node:path";
import { figureSet } from "../figures/figureSet";
import { loadInputs } from "../figures/sources";
import { writeFileAtomic } from "../io/atomic";
import { loadMisaligned, MISALIGNED_FILE } from "./misaligned";
import { reportHtml } from "./page";
import { runExamples } from "./runExamples";
import { compareModels } from "../results/modelComparisons";
import { analyzeRuns, RUN_ITERATIONS, RUN_SEED } from "../results/runResults";

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
export function writeReport(dirs: readonly string[], outDir: string, opts: { models?: readonly string[]; now?: Date } = {}): WrittenReport {
  const inputs = loadInputs(dirs);
  // Several run directories: each model's results with their intervals, cost, and the pairwise tests between them.
  const runDirs = inputs.sources.filter((s) => s.kind === "run").map((s) => s.path);
  const runModels = new Set<string>();
  if (runDirs.length >= 2) {
    const a = analyzeRuns(runDirs);
    const models = { ...(inputs.results?.models ?? {}) };
    for (const r of a.runs) {
      models[r.model] = { ...(models[r.model] ?? {}), ...(r.results as Record<string, unknown>) };
      runModels.add(r.model);
    }
    inputs.results = { ...(inputs.results ?? {}), models, comparisons: compareModels(a.runs, { seed: RUN_SEED, resamples: RUN_ITERATIONS }) };
  }
  const misaligned = loadMisaligned(dirs);
  // Run directories without a misaligned.json: derive their examples from the records.
  for (const s of inputs.sources) {
    if (s.kind === "run" && !misaligned.files.includes(join(s.path, MISALIGNED_FILE))) misaligned.examples.push(...runExamples(s.path));
  }
  misaligned.examples.push(...(inputs.publishedExamples ?? []));
  const examples = opts.models ? misaligned.examples.filter((e) => opts.models!.includes(e.model)) : misaligned.examples;
  const simulated = inputs.simulated || misaligned.simulated;
  const figures = figureSet({ ...inputs, simulated }, { models: opts.models });
  const html = reportHtml({
    inputs: { ...inputs, simulated },
    figures,
    examples,
    sources: [...inputs.sources.map((s) => `${s.kind}: ${s.path}`), ...misaligned.files.map((f) => `misaligned: ${f}`)],
    generatedAt: (opts.now ?? new Date()).toISOString(),
    runModels,
  });
  const path = join(resolve(outDir), "index.html");
  writeFileAtomic(path, html);
  const models = new Set([...Object.keys(inputs.results?.models ?? {}), ...figures.map((f) => f.model).filter(Boolean)]);
  return { path, models: models.size, charts: figures.length, examples: examples.length, simulated, bytes: Buffer.byteLength(html) };
}
