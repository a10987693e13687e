import { inspect } from "node:util";

/** A table cell as notebooks pass it: numbers are rounded for display, null/undefined/NaN stay empty. */
export type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

export interface TableOptions {
  /** Decimals kept for display (default 3); the DataFrame holds the rounded numbers. */
  digits?: number;
  /** Rows printed when the frame is shown as a cell's value (default 60; danfojs' own default is 10). */
  maxRows?: number;
  /** Column order (default: first-seen order over all rows). */
  columns?: string[];
}

/** The danfojs DataFrame type, kept loose so tsc and tslab never load danfojs' types for it. */
export interface DataFrameLike {
  shape: number[];
  columns: string[];
  toString(): string;
  [key: string]: unknown;
}

type Danfo = { DataFrame: new (data: unknown, options?: unknown) => DataFrameLike };
let danfo: Danfo | null = null;

/**
 * danfojs, loaded on first use only: it pulls in tfjs (~377 MB, seconds to
 * load), so nothing else in the library may import it (design.md §7: plain
 * `danfojs`, never `danfojs-node`).
 */
export function loadDanfo(): Danfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  danfo ??= require("danfojs") as Danfo;
  return danfo;
}

/**
 * Rows with the same columns in a fixed order, ready for a DataFrame:
 * numbers rounded to `digits`, NaN/±Infinity/undefined -> null, so that
 * missing stays visibly missing. Pure; what `table` displays.
 * @example tableRows([{ a: 0.12345, b: NaN }], { digits: 2 }) // { columns: ["a","b"], rows: [{ a: 0.12, b: null }] }
 */
export function tableRows(rows: readonly object[], o: TableOptions = {}): { columns: string[]; rows: Array<Record<string, string | number | boolean | null>> } {
  const digits = o.digits ?? 3;
  const columns = o.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  // Any object rows (interfaces such as Inconsistency have no index signature); values that are not cells are shown as text.
  const scale = 10 ** digits;
  const out = rows.map((r) => {
    const row: Record<string, string | number | boolean | null> = {};
    for (const c of columns) {
      const v = asCell((r as Record<string, unknown>)[c]);
      row[c] = typeof v === "number" ? (Number.isFinite(v) ? Math.round(v * scale) / scale : null) : v === undefined ? null : v;
    }
    return row;
  });
  return { columns, rows: out };
}

function asCell(v: unknown): Cell {
  return v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : JSON.stringify(v);
}

/**
 * A danfojs DataFrame for display in a notebook: `table(rows)` as the last
 * expression of a cell prints the frame as a text table (up to `maxRows`
 * rows), and the frame supports danfojs' own operations (groupBy, sortValues...).
 */
export function table(rows: readonly object[], o: TableOptions = {}): DataFrameLike {
  const { columns, rows: clean } = tableRows(rows, o);
  if (clean.length === 0) throw new Error("table: no rows to show");
  const { DataFrame } = loadDanfo();
  // Column-wise data keeps a column of all-null values typed (danfojs infers dtypes per column).
  const df = new DataFrame(Object.fromEntries(columns.map((c) => [c, clean.map((r) => r[c])])), {
    columns,
    config: {
      tableMaxRow: o.maxRows ?? 60,
      tableMaxColInConsole: Math.max(10, columns.length),
      // danfojs cuts every cell to 16 characters; size columns to their content instead (long texts wrap).
      tableDisplayConfig: { columns: columnWidths(columns, clean) },
    },
  });
  Object.defineProperty(df, inspect.custom, { value: () => df.toString(), enumerable: false });
  return df;
}

/** Text-table column widths (index column first): the longest header or cell, at most `max`; longer cells wrap at words. */
export function columnWidths(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, max = 48): Record<number, { width: number; wrapWord: boolean }> {
  const out: Record<number, { width: number; wrapWord: boolean }> = { 0: { width: Math.max(1, String(Math.max(0, rows.length - 1)).length), wrapWord: false } };
  columns.forEach((c, i) => {
    const longest = Math.max(c.length, ...rows.map((r) => String(r[c]).length));
    out[i + 1] = { width: Math.min(max, Math.max(3, longest)), wrapWord: true };
  });
  return out;
}

/**
 * Rows of a grid `{row: {column: x}}` (the shape of figure inputs and
 * results.json), one row per key of `grid` with its label under `label`.
 * @example gridRows({ US: { a: 1 } }, "country") // [{ country: "US", a: 1 }]
 */
export function gridRows(grid: Record<string, Record<string, number>>, label: string, columns?: readonly string[]): Row[] {
  return Object.entries(grid).map(([name, cells]) => {
    const row: Row = { [label]: name };
    for (const c of columns ?? Object.keys(cells)) row[c] = cells[c] ?? null;
    return row;
  });
}
