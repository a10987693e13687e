import { SCENARIOS, VALUES, GROUP_OF, type Country, type Topic, type Value } from "../catalog/index";
import { alignmentRate, scenarioTable, type AlignmentRate } from "../analysis/alignmentRate";
import { distanceCellMean, distanceGroupMean, type DistanceTables } from "../analysis/distance";
import { inconsistency, type Inconsistency } from "../analysis/inconsistency";
import type { Matrix } from "../analysis/matrix";
import type { Task1Agreement } from "../analysis/promptAgreement";
import { alignmentRanking, type AlignmentRanking } from "../analysis/ranking";
import { analyseRun, type RunAnalysis } from "../figures/sources";
import type { Protocol } from "../protocol";
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
 * Everything the notebooks show about one run, computed with src/analysis
 * under the run's protocol: V and A (132 x 56, NaN outside the run's scope),
 * alignment rate, both distance forms, rankings, inconsistency counts and
 * Task 1 prompt agreement, plus the figure inputs of src/figures/sources
 * (`analysis.results` / `analysis.matrices`, the shape of results.json).
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
  rate: AlignmentRate;
  rateInverted: AlignmentRate;
  distanceGroupMean: DistanceTables;
  distanceCellMean: DistanceTables;
  ranking: AlignmentRanking;
  inconsistency: Inconsistency;
  task1Agreement: Task1Agreement;
  figures: RunAnalysis;
}

export function analyzeStudy(runDir: string): StudyAnalysis {
  // One reading of the run: the figures' run analysis already builds V, A and the prompt agreement.
  const run = analyseRun(runDir);
  const { V, A, protocol } = run;
  if (!V || !A || !run.task1Agreement) throw new UserError(`${runDir}: the analysis needs both task1.jsonl and task2.jsonl`, 2);
  // Scenarios the run covers: rows of V with at least one stated inclination.
  const rows = SCENARIOS.flatMap((_, i) => (V.data.subarray(i * V.cols, (i + 1) * V.cols).some(Number.isFinite) ? [i] : []));
  const group = distanceGroupMean(V, A, protocol);
  return {
    runDir,
    model: run.model,
    protocol,
    simulated: run.simulated,
    rows,
    V,
    A,
    rate: alignmentRate(V, A, { protocol }),
    rateInverted: alignmentRate(V, A, { protocol, inverted: true }),
    distanceGroupMean: group,
    distanceCellMean: distanceCellMean(V, A, protocol),
    ranking: alignmentRanking(V, A, { protocol }, group),
    inconsistency: inconsistency(V, A, protocol),
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
 * distance mean|v - a|, and the share of cells where the binarized answers
 * disagree. Sorted by distance, largest gap first.
 */
export function valueRows(a: StudyAnalysis): Row[] {
  const out = VALUES.map((value: Value, j) => {
    let sv = 0, sa = 0, sd = 0, n = 0, flips = 0;
    for (const i of a.rows) {
      const v = at(a.V, i, j);
      const x = at(a.A, i, j);
      if (!Number.isFinite(v) || !Number.isFinite(x)) continue;
      sv += v;
      sa += x;
      sd += Math.abs(v - x);
      if (v >= 0.5 !== x >= 0.5) flips++;
      n++;
    }
    return { value, group: GROUP_OF[value], stated: n ? sv / n : NaN, acted: n ? sa / n : NaN, distance: n ? sd / n : NaN, inconsistent: n ? flips / n : NaN, n };
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
