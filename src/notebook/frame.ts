import type { DataFrame } from "danfojs/dist/danfojs-browser/src";
import { binarize } from "../analysis/binarize";
import { makeMatrix, type Matrix } from "../analysis/matrix";
import { GROUP_OF, SCENARIOS, VALUES, type Country, type Topic, type Value, type ValueGroup } from "../catalog/index";
import type { Protocol } from "../protocol";
import { modelResults, type ModelResultsOptions } from "../results/modelResults";
import type { ModelResultsJson } from "../results/schema";
import { recordStatus } from "../runs/summary";
import type { StudyAnalysis } from "./analyze";
import { loadDanfo } from "./table";

export type { DataFrame };

/**
 * danfojs as the notebooks' table layer: the study's cells and a run's
 * records as DataFrames to slice in cells (`groupby`, `query`, `sortValues`),
 * and the way back: a filtered frame of cells -> the library's measures for
 * that subset. The core stays in typed arrays (design.md §6); frames are made
 * at this edge only. danfojs (tfjs) loads on the first frame, never before.
 */

/** One (scenario, value) cell of a study: what it stated, how it acted, whether the two disagree. */
export interface CellRow {
  country: Country;
  topic: Topic;
  value: Value;
  group: ValueGroup;
  /** Stated inclination v in [0, 1] (0 = agree, 1 = disagree); null when no Task 1 answer. */
  stated: number | null;
  /** Acted inclination a in [0, 1] (share of negative choices); null when no Task 2 answer. */
  acted: number | null;
  /** 1 when on the cut (robust protocol: a = 0.5, the two option orders chose differently; or v = 0.5), else 0. */
  undecided: 0 | 1;
  /** Confidence of the cell when known (a signal of analysis/confidence), else absent. */
  confidence?: number | null;
  /**
   * 1 when binarized stated != binarized acted, 0 when they agree, null when
   * either is missing or undecided. Numbers, so `groupby(...).col(["gap"]).mean()`
   * is a gap rate; drop the null cells first (danfojs' mean counts null as 0).
   */
  gap: 0 | 1 | null;
}

export interface CellRowsOptions {
  /** Scenario rows (SCENARIOS indices) to include; default every row with a stated or acted value. */
  rows?: readonly number[];
  /** Per-cell confidence, same 132 x 56 layout (NaN = unknown). */
  confidence?: Matrix;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The cells of V and A as rows (pure). gap_ij = [b(v_ij) != b(a_ij)] (1/0) with b
 * the protocol's binarization (analysis/binarize.ts: x >= 0.5 -> disagree;
 * under `robust` a value on the cut is undecided and has no gap).
 * @example cellRows(V, A, "robust")[0] // { country: "United States", topic: "Politics", value: "Equality", group: ..., stated: 0.33, acted: 1, undecided: 0, gap: 1 }
 */
export function cellRows(V: Matrix, A: Matrix, protocol: Protocol, o: CellRowsOptions = {}): CellRow[] {
  const cols = V.cols;
  const rows = o.rows ?? [...Array(V.rows).keys()].filter((i) => {
    for (let j = 0; j < cols; j++) if (Number.isFinite(V.data[i * cols + j]) || Number.isFinite(A.data[i * cols + j])) return true;
    return false;
  });
  const out: CellRow[] = [];
  for (const i of rows) {
    const { country, topic } = SCENARIOS[i];
    for (let j = 0; j < cols; j++) {
      const v = V.data[i * cols + j];
      const a = A.data[i * cols + j];
      const bv = binarize(v, protocol, 0.5, "missing");
      const ba = binarize(a, protocol, 0.5, "missing");
      const undecided = (Number.isFinite(v) && Number.isNaN(bv)) || (Number.isFinite(a) && Number.isNaN(ba));
      const row: CellRow = {
        country,
        topic,
        value: VALUES[j],
        group: GROUP_OF[VALUES[j]],
        stated: finite(v),
        acted: finite(a),
        undecided: undecided ? 1 : 0,
        gap: Number.isNaN(bv) || Number.isNaN(ba) ? null : bv !== ba ? 1 : 0,
      };
      if (o.confidence) row.confidence = finite(o.confidence.data[i * cols + j]);
      out.push(row);
    }
  }
  return out;
}

/** Scalar fields of a record (and its parse status) as one row; prompts, answers maps and usage objects stay in the records. */
export function recordRow(r: object): Record<string, string | number | boolean | null> {
  const row: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") row[k] = v;
  }
  if ("response" in r) row.response = typeof r.response === "string" ? r.response : null;
  row.status = recordStatus(r as Parameters<typeof recordStatus>[0]);
  return row;
}

/** A study's cells, or a list of records, as a danfojs DataFrame (column-wise, so all-null columns keep a dtype). */
export function frame(source: StudyAnalysis | readonly object[], o: Omit<CellRowsOptions, "rows"> = {}): DataFrame {
  const rows: object[] = Array.isArray(source)
    ? (source as readonly object[]).map(recordRow)
    : cellRows((source as StudyAnalysis).V, (source as StudyAnalysis).A, (source as StudyAnalysis).protocol, { ...o, rows: (source as StudyAnalysis).rows });
  return frameOf(rows);
}

/** Rows (objects with the same keys) as a DataFrame. */
export function frameOf(rows: readonly object[]): DataFrame {
  if (rows.length === 0) throw new Error("frame: no rows");
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const data = Object.fromEntries(columns.map((c) => [c, rows.map((r) => (r as Record<string, unknown>)[c] ?? null)]));
  const { DataFrame } = loadDanfo();
  return new DataFrame(data, { columns }) as unknown as DataFrame;
}

/** The rows of a DataFrame as plain objects (what a cell hands back to the library after slicing). */
export function rowsOf(df: DataFrame): Array<Record<string, unknown>> {
  const columns = df.columns;
  return (df.values as unknown[][]).map((vals) => Object.fromEntries(columns.map((c, k) => [c, vals[k]])));
}

/**
 * The stated and acted matrices restricted to the cells of a (filtered) cell
 * frame: every other cell becomes NaN, so any measure of the library then
 * covers that subset only.
 */
export function subsetMatrices(a: Pick<StudyAnalysis, "V" | "A">, cells: DataFrame | readonly Pick<CellRow, "country" | "topic" | "value">[]): { V: Matrix; A: Matrix; cells: number } {
  const list = Array.isArray(cells) ? (cells as readonly Pick<CellRow, "country" | "topic" | "value">[]) : (rowsOf(cells as DataFrame) as unknown as Pick<CellRow, "country" | "topic" | "value">[]);
  const V = makeMatrix(a.V.rows, a.V.cols);
  const A = makeMatrix(a.A.rows, a.A.cols);
  const rowOf = new Map(SCENARIOS.map((s, i) => [`${s.country}\u0000${s.topic}`, i]));
  const colOf = new Map(VALUES.map((v, j) => [v as string, j]));
  const seen = new Set<number>();
  for (const c of list) {
    const i = rowOf.get(`${c.country}\u0000${c.topic}`);
    const j = colOf.get(c.value);
    if (i === undefined || j === undefined) throw new Error(`subset: no cell (${c.country}, ${c.topic}, ${c.value}) in the study layout`);
    const k = i * a.V.cols + j;
    V.data[k] = a.V.data[k];
    A.data[k] = a.A.data[k];
    seen.add(k);
  }
  return { V, A, cells: seen.size };
}

/**
 * Every measure of `modelResults` (F1 with crossed-bootstrap intervals,
 * kappa, distance, undecided, ...) for a subset of a study's cells, e.g.
 * `nb.subsetResults(a, cells.query(cells["group"].eq("Power")))`.
 */
export function subsetResults(a: StudyAnalysis, cells: DataFrame | readonly Pick<CellRow, "country" | "topic" | "value">[], o: ModelResultsOptions = {}): ModelResultsJson {
  const { V, A } = subsetMatrices(a, cells);
  return modelResults(V, A, a.protocol, { simulated: a.simulated, ...o });
}
