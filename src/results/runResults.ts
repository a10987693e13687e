import { actedMatrix, type ActedChoice } from "../analysis/acted";
import { modelMatrices, type ModelMatrices } from "../analysis/heatmapGrids";
import { rowOf, type Matrix } from "../analysis/matrix";
import { task1AgreementOfRows, type Task1Agreement } from "../analysis/promptAgreement";
import { statedMatrix, type StatedRow } from "../analysis/stated";
import { UserError } from "../errors";
import type { Protocol } from "../protocol";
import type { Manifest } from "../runs/manifest";
import { openRun, type Run } from "../runs/openRun";
import { cellConfidence, cellConfidenceVector, task1Confidence, task2Confidence, type CellConfidence, type UnitConfidence } from "../analysis/confidence";
import { restrictToConfident } from "../analysis/gapConfidence";
import { hasSignal, uqPerformance, type UqTask } from "../analysis/uq";
import { groundTruth } from "../sim/respondent";
import { modelCountryComparisons } from "./countryComparisons";
import { DEFAULT_RESAMPLES, DEFAULT_RESULTS_SEED, modelResults } from "./modelResults";
import { resultsJsonText, type ModelResultsJson, type ResultsJson, type UqJsonOut } from "./schema";

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
  /**
   * `--min-confidence`: the alignment measures use only the cells whose
   * confidence (the lowest of their raw signals, analysis/confidence.ts
   * cellConfidence) is at least this; the others are left out as missing.
   * Robust protocol only (under `paper` a missing cell would count as disagree or agree).
   */
  minConfidence?: number;
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
  /** Confidence signals of every Task 1 cell and Task 2 pair (null without such records), and every cell's confidence. */
  confidence: { task1: UnitConfidence | null; task2: UnitConfidence | null; cells: CellConfidence[] };
  /** The run the numbers came from (its records are read once and kept), for the report's misaligned examples and the demo. */
  run: Run;
}

/** The study matrices of a run under its protocol, and what modelResults needs beside them; no resampling. */
export interface RunMatrices {
  run: Run;
  protocol: Protocol;
  V: Matrix | null;
  A: Matrix | null;
  /** Usable choices averaged in each cell of A (null without Task 2 records). */
  answered: Matrix | null;
  /** Task 1 prompt agreement over the 132 scenarios in SCENARIOS order (null without Task 1 records). */
  task1Agreement: Task1Agreement | null;
  /** Prompt rows and choices as parsed (`null` answers = unparsed, refused or failed), for the sensitivity table. */
  task1Rows: StatedRow[];
  choices: ActedChoice[];
}

/** A run's records (latest per id) into V and A: the cheap part of runResults, for readers that need only the matrices. */
export function runMatrices(source: string | Run): RunMatrices {
  const run = typeof source === "string" ? openRun(source) : source;
  const protocol = run.manifest.protocol;
  const task1Rows: StatedRow[] = run.task1().map((r) => ({ country: r.country, topic: r.topic, answers: r.error ? null : r.answers }));
  const choices: ActedChoice[] = run.task2().map((r) => ({ country: r.country, topic: r.topic, value: r.value, chosenPolarity: r.error ? null : r.chosenPolarity }));
  let V: Matrix | null = null;
  let agreement: Task1Agreement | null = null;
  if (task1Rows.length > 0) {
    V = statedMatrix(task1Rows, protocol).matrix;
    agreement = task1AgreementOfRows(task1Rows, protocol);
  }
  const acted = choices.length > 0 ? actedMatrix(choices, protocol) : null;
  return { run, protocol, V, A: acted?.matrix ?? null, answered: acted?.answered ?? null, task1Agreement: agreement, task1Rows, choices };
}

/** Analyse one run under its manifest's protocol (a malformed file throws FILE:LINE before anything is computed). */
export function runResults(source: string | Run, opts: RunResultsOptions = {}): RunResults {
  const m = runMatrices(source);
  const { run, protocol, answered } = m;
  let { V, A } = m;
  const manifest = run.manifest;
  const records = { task1: run.task1(), task2: run.task2() };
  const agreement = m.task1Agreement;
  // Confidence signals (issue 12): failed calls have no answer.
  const t1conf = records.task1.length > 0 ? task1Confidence(records.task1.map((r) => (r.error ? { ...r, answers: null } : r))) : null;
  const t2conf = records.task2.length > 0 ? task2Confidence(records.task2.map((r) => (r.error ? { ...r, chosenPolarity: null } : r))) : null;
  const cells = cellConfidence(t1conf, t2conf);
  const cellVector = cellConfidenceVector(cells);
  let minConfidence: { threshold: number; kept: number; cells: number } | undefined;
  if (opts.minConfidence !== undefined) {
    if (protocol === "paper")
      throw new UserError(`${run.dir}: --min-confidence leaves cells out, which the paper protocol's measures cannot do (a missing cell counts as disagree or agree there); use it on robust-protocol runs`, 2);
    if (V && A) {
      const r = restrictToConfident(V, A, cellVector, opts.minConfidence);
      V = r.V;
      A = r.A;
      minConfidence = { threshold: opts.minConfidence, kept: r.kept, cells: cells.length };
    }
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
  const uq = simulatedUq(manifest, t1conf, t2conf, opts.seed ?? DEFAULT_RESULTS_SEED);
  const results: ModelResultsJson = modelResults(V, A, protocol, {
    seed: opts.seed,
    resamples: opts.iterations,
    task1Agreement,
    positioned,
    simulated: manifest.simulated,
    // The sensitivity table redoes the measures from the raw answers (not under --min-confidence: it has its own cells).
    ...(m.V && m.A && !minConfidence ? { sensitivity: { protocol, task1: m.task1Rows, task2: m.choices } } : {}),
    ...(t1conf ? { confidence: { task1: t1conf, task2: t2conf, actedAnswered: answered, cells: cellVector } } : {}),
    ...(uq ? { uq } : {}),
    ...(minConfidence ? { minConfidence } : {}),
    // Refusals as the run's own parser classified them (issue 15).
    refusals: { generate: run.generate(), ...records },
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
    confidence: { task1: t1conf, task2: t2conf, cells },
    run,
  };
}

/**
 * UQ performance of a simulated run (issue 12 item 2): the simulator's seed
 * (manifest scope "simulator.seed", read from its fingerprint) gives its
 * ground truth; a Task 1 cell is wrong when its answer differs from the
 * latent stated inclination, a Task 2 pair when it differs from the latent
 * acting inclination. Null for real models or runs without the seed.
 */
function simulatedUq(manifest: Manifest, t1: UnitConfidence | null, t2: UnitConfidence | null, seed: number): UqJsonOut | undefined {
  const simSeed = manifest.scope["simulator.seed"];
  // uqPerformance skips a task without signals; with none at all there is nothing to judge.
  const judged = [t1, t2].some((t) => t !== null && hasSignal(t.signals));
  if (!manifest.simulated || typeof simSeed !== "number" || !judged) return undefined;
  const gt = groundTruth(simSeed);
  const tasks: Partial<Record<"task1" | "task2", UqTask>> = {};
  if (t1) tasks.task1 = { conf: t1, truth: Float64Array.from(gt.cells, (c) => (c.stated === "disagree" ? 1 : 0)) };
  if (t2) tasks.task2 = { conf: t2, truth: Float64Array.from(gt.cells, (c) => (c.acted === "disagree" ? 1 : 0)) };
  const uq = uqPerformance(tasks, {
    truth: `SIMULATED: the simulator's latent respondent (seed ${simSeed}); an answer is wrong when it differs from the latent stated (Task 1) or acting (Task 2) inclination`,
    seed,
  });
  return { ...uq, simulated: true } as UqJsonOut;
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
  // Country vs country per run; model vs model needs the runs side by side (vag report / evaluate).
  const comparisons = modelCountryComparisons(runs, { seed: opts.seed ?? DEFAULT_RESULTS_SEED, resamples: opts.iterations ?? DEFAULT_RESAMPLES });
  return {
    runs,
    results: { simulated, ...(protocols.length === 1 ? { protocol: protocols[0] } : {}), models, ...(comparisons.length > 0 ? { comparisons } : {}) },
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
