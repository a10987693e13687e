import { SCENARIOS } from "../catalog/scenarios";
import { actedMatrix, type ActedChoice } from "../analysis/acted";
import { modelMatrices, type ModelMatrices } from "../analysis/heatmapGrids";
import { rowOf, type Matrix } from "../analysis/matrix";
import { task1PromptAgreement, type Task1Agreement } from "../analysis/promptAgreement";
import { statedMatrix, type StatedRow } from "../analysis/stated";
import { UserError } from "../errors";
import type { Protocol } from "../protocol";
import type { Manifest } from "../runs/manifest";
import { openRun, type Run } from "../runs/openRun";
import { DEFAULT_RESAMPLES, DEFAULT_RESULTS_SEED, modelResults } from "./modelResults";
import { resultsJsonText, type ModelResultsJson, type ResultsJson } from "./schema";

/**
 * The results of run directories: the run's records (latest per id) into the
 * study matrices V and A, then `modelResults` (every measure with its
 * interval), once. `vag analyze`, figures and the report (`--from RUN`), the
 * notebooks and `npm start` all get a run's numbers here.
 */
export interface RunResultsOptions {
  /** Seed and resamples of every interval (default: the reproduction's, DEFAULT_RESULTS_SEED and DEFAULT_RESAMPLES). */
  seed?: number;
  iterations?: number;
}

export interface RunResults {
  dir: string;
  manifest: Manifest;
  model: string;
  simulated: boolean;
  protocol: Protocol;
  /** The model's entry of results.json. */
  results: ModelResultsJson;
  /** Heatmap grids (matrices.json). */
  matrices: ModelMatrices;
  /** The 132 × 56 study matrices (NaN outside the run's scope; null without Task 1 / Task 2 records). */
  V: Matrix | null;
  A: Matrix | null;
  /** Task 1 prompt agreement with its per-scenario shares (null without Task 1 records). */
  task1Agreement: Task1Agreement | null;
  /** The run the numbers came from (its records are read once and kept), for the report's misaligned examples and the demo. */
  run: Run;
}

export const RUN_SEED = DEFAULT_RESULTS_SEED;
export const RUN_ITERATIONS = DEFAULT_RESAMPLES;

/** Analyse one run under its manifest's protocol (a malformed file throws FILE:LINE before anything is computed). */
export function runResults(source: string | Run, opts: RunResultsOptions = {}): RunResults {
  const run = typeof source === "string" ? openRun(source) : source;
  const manifest = run.manifest;
  const protocol = manifest.protocol;
  const records = { task1: run.task1(), task2: run.task2() };
  let V: Matrix | null = null;
  let A: Matrix | null = null;
  let agreement: Task1Agreement | null = null;
  if (records.task1.length > 0) {
    const rows: StatedRow[] = records.task1.map((r) => ({ country: r.country, topic: r.topic, answers: r.error ? null : r.answers }));
    V = statedMatrix(rows, protocol).matrix;
    const byScenario = new Map<string, StatedRow["answers"][]>();
    for (const r of rows) byScenario.set(`${r.country}+${r.topic}`, [...(byScenario.get(`${r.country}+${r.topic}`) ?? []), r.answers]);
    agreement = task1PromptAgreement(
      // All 132 in SCENARIOS order (a scenario the run did not ask scores NaN and is left out), so the agreement gets its crossed interval.
      SCENARIOS.map((s) => byScenario.get(`${s.country}+${s.topic}`) ?? []),
      protocol,
    );
  }
  if (records.task2.length > 0) {
    const choices: ActedChoice[] = records.task2.map((r) => ({ country: r.country, topic: r.topic, value: r.value, chosenPolarity: r.error ? null : r.chosenPolarity }));
    A = actedMatrix(choices, protocol).matrix;
  }
  // Prompt agreement only means something across several variants (Table 8's Task 1 column when all 8 were run).
  const task1Agreement = agreement && agreement.n > 0 && new Set(records.task1.map((r) => r.variant)).size > 1 ? agreement : undefined;
  // Position bias (with its crossed interval) is part of modelResults; it needs each answer's scenario row.
  const positioned = records.task2.map((r) => ({
    pair: `${r.country}+${r.topic}+${r.value}#${r.replicate}`,
    optionOrder: r.optionOrder,
    choice: r.error ? null : r.choice,
    row: rowOf(r.country, r.topic),
  }));
  const results: ModelResultsJson = modelResults(V, A, protocol, {
    seed: opts.seed,
    resamples: opts.iterations,
    task1Agreement,
    positioned,
    simulated: manifest.simulated,
  });
  results.cost = {
    spent_usd: manifest.costUsd,
    live_usd: manifest.priceUsd?.live ?? null,
    batch_usd: manifest.priceUsd?.batch ?? null,
    calls: manifest.calls.total,
  };
  return {
    dir: run.dir,
    manifest,
    model: manifest.model.id,
    simulated: manifest.simulated,
    protocol,
    results,
    matrices: modelMatrices(V, A),
    V,
    A,
    task1Agreement: agreement,
    run,
  };
}

export interface RunsAnalysis {
  runs: RunResults[];
  /** results.json: one entry under `models` per model of the runs. */
  results: ResultsJson;
  /** matrices.json: heatmap grids per model. */
  matrices: { simulated: boolean; heatmaps: Record<string, ModelMatrices> };
}

/** Several run directories into one results.json; two runs of one model id are an error (which would win is arbitrary). */
export function analyzeRuns(sources: ReadonlyArray<string | Run>, opts: RunResultsOptions = {}): RunsAnalysis {
  const runs = sources.map((d) => runResults(d, opts));
  const models: ResultsJson["models"] = {};
  const heatmaps: Record<string, ModelMatrices> = {};
  for (const r of runs) {
    if (models[r.model]) throw new UserError(`${r.dir}: model "${r.model}" is also the model of another --run directory; analyse them separately`, 2);
    models[r.model] = r.results;
    heatmaps[r.model] = r.matrices;
  }
  const simulated = runs.some((r) => r.simulated);
  const protocols = [...new Set(runs.map((r) => r.protocol))];
  return {
    runs,
    results: { simulated, ...(protocols.length === 1 ? { protocol: protocols[0] } : {}), models },
    matrices: { simulated, heatmaps },
  };
}

/** The files `vag analyze` writes, name -> content (all computed before any is written). */
export function analysisOutputs(a: RunsAnalysis): Map<string, string> {
  return new Map([
    ["results.json", resultsJsonText(a.results)],
    ["matrices.json", JSON.stringify(a.matrices) + "\n"],
  ]);
}
