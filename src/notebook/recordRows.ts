import { GROUP_OF } from "../catalog/index";
import type { GenerateRecord, Task2Record } from "../runs/records";
import { recordStatus, summarizeRecords } from "../runs/summary";
import type { GroundTruth } from "../sim/index";
import type { RunRecords, StudyAnalysis } from "./analyze";
import type { Row } from "./table";

/** Table rows made from run records: what the notebooks display, kept out of cells so tests reach it. */

/** Shorten long texts for a table cell (the full text stays in the records). */
export function clip(s: string | null | undefined, n = 90): string | null {
  if (s === null || s === undefined) return null;
  const one = s.replace(/\s+/g, " ").trim();
  return one.length <= n ? one : one.slice(0, n - 1) + "…";
}

/** Per task: records and their parse status (ok / repaired / failed / error = the call failed). */
export function statusRows(rec: RunRecords): Row[] {
  const counts = summarizeRecords([...rec.generate, ...rec.task1, ...rec.task2]);
  return Object.entries(counts).map(([task, c]) => ({ task, ...c }));
}

/** Generated actions, one row per (scenario, value, polarity). */
export function actionRows(records: readonly GenerateRecord[], limit = 12, width = 90): Row[] {
  return records.slice(0, limit).map((r) => ({
    country: r.country,
    topic: r.topic,
    value: r.value,
    polarity: r.polarity,
    action: clip(r.action, width),
    attributions: r.attributions.length,
    parse: recordStatus(r),
  }));
}

/** Task 2 choices, one row per prompt (counterbalanced runs ask each pair in both option orders). */
export function choiceRows(records: readonly Task2Record[], limit = 12): Row[] {
  return records.slice(0, limit).map((r) => ({
    country: r.country,
    topic: r.topic,
    value: r.value,
    order: r.optionOrder,
    choice: r.choice,
    chose: r.chosenPolarity,
    explanation: clip(r.explanation, 70),
    parse: recordStatus(r),
  }));
}

/**
 * Position bias of Task 2: per option order, how often Option 1 was chosen
 * and how often the positive action was. With no position bias, the Option 1
 * rate is about the same in both orders' complement; the paper's fixed order
 * (negative first) cannot separate the two (method.md §12 item 1).
 */
export function orderRows(records: readonly Task2Record[]): Row[] {
  return (["negative-first", "positive-first"] as const).map((order) => {
    const rs = records.filter((r) => r.optionOrder === order && r.choice !== null);
    const option1 = rs.filter((r) => r.choice === 1).length;
    const positive = rs.filter((r) => r.chosenPolarity === "positive").length;
    return { order, answered: rs.length, option1Rate: rs.length ? option1 / rs.length : NaN, positiveRate: rs.length ? positive / rs.length : NaN };
  });
}

/** Generated actions of one value group: usable per polarity, and unusable (refused, unparseable or failed calls). */
export interface GroupRow {
  group: string;
  positive: number;
  negative: number;
  unusable: number;
}

/** Value-group view of generation: actions per group and polarity that parsed (ok or repaired). */
export function groupRows(records: readonly GenerateRecord[]): GroupRow[] {
  const out = new Map<string, GroupRow>();
  for (const r of records) {
    const g = GROUP_OF[r.value];
    const row = out.get(g) ?? { group: g, positive: 0, negative: 0, unusable: 0 };
    if (r.action === null || r.error !== null) row.unusable++;
    else row[r.polarity]++;
    out.set(g, row);
  }
  return [...out.values()];
}

/**
 * Only for the simulator: does the analysis find the gap the simulator
 * planted? Over the run's cells, the observed share of inconsistent cells
 * (binarized V != binarized A) among planted gap cells vs the others, beside
 * the simulator's expected departure probability for the same cells.
 */
export function plantedGapRows(a: StudyAnalysis, truth: GroundTruth): Row[] {
  const cols = a.V.cols;
  const acc = { gap: { n: 0, inconsistent: 0, expected: 0 }, other: { n: 0, inconsistent: 0, expected: 0 } };
  for (const i of a.rows) {
    for (let j = 0; j < cols; j++) {
      const v = a.V.data[i * cols + j];
      const x = a.A.data[i * cols + j];
      if (!Number.isFinite(v) || !Number.isFinite(x)) continue;
      const cell = truth.cells[i * cols + j];
      const k = cell.gap ? acc.gap : acc.other;
      k.n++;
      k.expected += cell.pDepart;
      if (v >= 0.5 !== x >= 0.5) k.inconsistent++;
    }
  }
  return (["gap", "other"] as const).map((k) => ({
    cells: k === "gap" ? "planted gap" : "no planted gap",
    n: acc[k].n,
    observedInconsistent: acc[k].n ? acc[k].inconsistent / acc[k].n : NaN,
    expectedDeparture: acc[k].n ? acc[k].expected / acc[k].n : NaN,
  }));
}
