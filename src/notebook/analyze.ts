import { SCENARIOS, VALUES, GROUP_OF, type Country, type Topic, type Value } from "../catalog/index";
import { alignmentRate, scenarioTable, type AlignmentRate } from "../analysis/alignmentRate";
import { binarize } from "../analysis/binarize";
import type { Matrix } from "../analysis/matrix";
import type { Task1Agreement } from "../analysis/promptAgreement";
import type { Protocol } from "../protocol";
import { runResults, type RunResults } from "../results/runResults";
import type { InconsistencyJson, ModelResultsJson } from "../results/schema";
import { UserError } from "../errors";
import type { Manifest } from "../runs/manifest";
import { openRun } from "../runs/openRun";
import type { GenerateRecord, Task1Record, Task2Record } from "../runs/records";
import type { Row } from "./table";

/** The latest record per id of each task file of a run directory (missing files -> []). */
export interface RunRecords {
  manifest: Manifest;
  generate: GenerateRecord[];
  task1: Task1Record[];
  task2: Task2Record[];
}

export function runRecords(runDir: string): RunRecords {
  const run = openRun(runDir);
  return { manifest: run.manifest, generate: run.generate(), task1: run.task1(), task2: run.task2() };
}

/**
 * Everything the notebooks show about one run, from results/runResults (the
 * numbers `vag analyze` writes, each with its interval): `results` is the
 * model's results.json entry, `figures` the analysed run (`figures.results`,
 * `figures.matrices`: what the figure builders take); `ranking` and
 * `inconsistency` are views of `results`. `rate` / `rateInverted` keep the
 * per-scenario table behind F1 (scenarioRows) that results.json aggregates.
 */
export interface StudyAnalysis {
  runDir: string;
  model: string;
  protocol: Protocol;
  simulated: boolean;
  /** Scenario rows (SCENARIOS indices) the run covers. */
  rows: number[];
  V: Matrix;
  A: Matrix;
  /** The model's entry of results.json: every aggregate with its interval, undecided pairs, ... */
  results: ModelResultsJson;
  rate: AlignmentRate;
  rateInverted: AlignmentRate;
  // Plain tuples (null = a distance nobody answered): tslab's TypeScript 5.0 reads zod's inferred tuple as optional elements.
  ranking: { byCountry: Partial<Record<Country, RankingList>>; byTopic: Partial<Record<Topic, RankingList>> };
  inconsistency: InconsistencyJson;
  task1Agreement: Task1Agreement;
  figures: RunResults;
}

/** One ranking as results.json stores it: values by descending distance. */
export type RankingList = Array<[Value, number | null]>;

export function analyzeStudy(runDir: string): StudyAnalysis {
  // One reading and one analysis of the run: the results every other consumer gets.
  const run = runResults(runDir);
  const { V, A, protocol, results } = run;
  if (!V || !A || !run.task1Agreement || !results.ranking || !results.inconsistency)
    throw new UserError(`${runDir}: the analysis needs both task1.jsonl and task2.jsonl`, 2);
  // Scenarios the run covers: rows of V with at least one stated inclination.
  const rows = SCENARIOS.flatMap((_, i) => (V.data.subarray(i * V.cols, (i + 1) * V.cols).some(Number.isFinite) ? [i] : []));
  return {
    runDir,
    model: run.model,
    protocol,
    simulated: run.simulated,
    rows,
    V,
    A,
    results,
    rate: alignmentRate(V, A, { protocol }),
    rateInverted: alignmentRate(V, A, { protocol, inverted: true }),
    ranking: { byCountry: results.ranking.by_country, byTopic: results.ranking.by_topic },
    inconsistency: results.inconsistency,
    task1Agreement: run.task1Agreement,
    figures: run,
  };
}

/** Per-scenario F1, accuracy, kappa... of the scenarios the run covers (paper: positive class = disagree). */
export function scenarioRows(a: StudyAnalysis, inverted = false): Row[] {
  const all = scenarioTable(inverted ? a.rateInverted : a.rate);
  return a.rows.map((i) => ({ ...all[i] }));
}

/** Row i, column j of a 132 x 56 matrix. */
const at = (m: Matrix, i: number, j: number) => m.data[i * m.cols + j];

/**
 * One row per value: mean stated inclination v, mean acted inclination a
 * (share of negative choices), over the run's scenarios, the cell-mean
 * distance mean|v - a|, and the share of decided cells (undecided ones left
 * out) where the binarized answers disagree. Sorted by distance, largest gap first.
 */
export function valueRows(a: StudyAnalysis): Row[] {
  const out = VALUES.map((value: Value, j) => {
    let sv = 0, sa = 0, sd = 0, n = 0, flips = 0, decided = 0;
    for (const i of a.rows) {
      const v = at(a.V, i, j);
      const x = at(a.A, i, j);
      if (!Number.isFinite(v) || !Number.isFinite(x)) continue;
      sv += v;
      sa += x;
      sd += Math.abs(v - x);
      n++;
      // The binary comparison leaves undecided cells out (robust: a value on the cut), as the results do.
      const bv = binarize(v, a.protocol);
      const bx = binarize(x, a.protocol);
      if (Number.isNaN(bv) || Number.isNaN(bx)) continue;
      decided++;
      if (bv !== bx) flips++;
    }
    return { value, group: GROUP_OF[value], stated: n ? sv / n : NaN, acted: n ? sa / n : NaN, distance: n ? sd / n : NaN, inconsistent: decided ? flips / decided : NaN, n };
  });
  return out.sort((p, q) => (Number.isNaN(q.distance) ? -1 : Number.isNaN(p.distance) ? 1 : q.distance - p.distance));
}

/** Rows of a cell matrix (scenario x value) restricted to the run's scenarios and the given values. */
export function matrixRows(a: StudyAnalysis, m: Matrix, values: readonly Value[]): Row[] {
  return a.rows.map((i) => {
    const row: Row = { country: SCENARIOS[i].country as Country, topic: SCENARIOS[i].topic as Topic };
    for (const v of values) row[v] = at(m, i, VALUES.indexOf(v));
    return row;
  });
}
