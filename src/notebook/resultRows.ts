import type { ExperimentRow } from "../gap/results";
import type { TableComparison } from "../reproduce/tableComparison";
import type { Row } from "./table";

/** Rows for results that are not records: the paper comparison (07) and the gap experiment (05). */

/**
 * One row per model of a paper table: each column reads "ours / paper" with
 * a mark (= reproduces at the printed precision, ≠ differs, - not
 * computable or not printed). The reason for every ≠ is in `differences`.
 * @example comparisonRows(compareTables(rep)[0])[0] // { model: "gpt-4o-mini", US: "0.67 / 0.67 =", ... }
 */
export function comparisonRows(t: TableComparison): Row[] {
  return t.rows.map((model) => {
    const row: Row = { model };
    for (const c of t.cells.filter((c) => c.model === model)) {
      const f = (x: number | null) => (x === null ? "-" : x.toFixed(c.digits));
      const mark = c.status === "reproduces" ? "=" : c.status === "differs" ? "≠" : "-";
      row[c.column] = `${f(c.ours)} / ${f(c.paper)} ${mark}`;
    }
    return row;
  });
}

/** Per table: how many cells reproduce, differ, or cannot be computed from the published files. */
export function comparisonSummaryRows(tables: readonly TableComparison[]): Row[] {
  return tables.map((t) => {
    const n = (s: string) => t.cells.filter((c) => c.status === s).length;
    return { table: t.table, cells: t.cells.length, reproduces: n("reproduces"), differs: n("differs"), notComputable: n("not computable"), notPrinted: n("not printed") };
  });
}

/** The distinct causes of the cells that differ, with how many cells each explains. */
export function differenceRows(tables: readonly TableComparison[]): Row[] {
  const count = new Map<string, { table: string; cause: string; cells: number }>();
  for (const t of tables)
    for (const c of t.cells)
      if (c.status === "differs") {
        const k = `${t.table}\n${c.cause}`;
        const e = count.get(k) ?? { table: t.table, cause: c.cause, cells: 0 };
        e.cells++;
        count.set(k, e);
      }
  return [...count.values()];
}

/** Gap-prediction experiments as rows (F1 with its 95% bootstrap interval). */
export function experimentRows(rows: readonly ExperimentRow[]): Row[] {
  return rows.map((e) => ({
    target: e.target,
    label: e.label,
    setting: e.setting,
    method: e.method,
    n: e.n,
    f1: e.f1,
    f1Low: e.ci95.f1?.[0] ?? null,
    f1High: e.ci95.f1?.[1] ?? null,
    auc: e.auc,
    accuracy: e.accuracy,
  }));
}
