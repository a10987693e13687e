import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUE_INDEX, VALUES, type Value } from "../catalog/values";

/**
 * A dense numeric matrix, row-major, `NaN` = missing (design.md §6).
 * The study's matrices are 132 × 56: rows in SCENARIOS order (country-major),
 * columns in VALUES group order (src/catalog). Element (i, j) is data[i * cols + j].
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Rows of a study matrix: the 132 (country, topic) scenarios. */
export const SCENARIO_ROWS = COUNTRIES.length * TOPICS.length;
/** Columns of a study matrix: the 56 values. */
export const VALUE_COLS = VALUES.length;

/** A rows × cols matrix filled with `fill` (missing by default). */
export function makeMatrix(rows: number, cols: number, fill = NaN): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`matrix dimensions must be non-negative integers, got ${rows} × ${cols}`);
  }
  return { rows, cols, data: new Float64Array(rows * cols).fill(fill) };
}

/** A 132 × 56 study matrix filled with `fill`. */
export const makeScenarioMatrix = (fill = NaN): Matrix => makeMatrix(SCENARIO_ROWS, VALUE_COLS, fill);

export const get = (m: Matrix, i: number, j: number): number => m.data[i * m.cols + j];

export function set(m: Matrix, i: number, j: number, x: number): void {
  m.data[i * m.cols + j] = x;
}

/**
 * Build a matrix from nested arrays (null = missing), mainly for tests and notebooks.
 * @example fromRows([[0, 1], [null, 0.5]]) // 2 × 2 with one NaN
 */
export function fromRows(rows: ReadonlyArray<ReadonlyArray<number | null>>): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const m = makeMatrix(rows.length, cols);
  rows.forEach((r, i) => {
    if (r.length !== cols) throw new RangeError(`row ${i} has ${r.length} entries, expected ${cols}`);
    r.forEach((x, j) => set(m, i, j, x === null ? NaN : x));
  });
  return m;
}

/** Nested arrays (NaN kept), e.g. for plotly heatmaps. */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** Number of missing (NaN) cells. */
export function countMissing(m: Matrix): number {
  let n = 0;
  for (let k = 0; k < m.data.length; k++) if (Number.isNaN(m.data[k])) n++;
  return n;
}

/** Throw unless both matrices have the same shape (a programming error, not user input). */
export function assertSameShape(a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`matrix shapes differ: ${a.rows}×${a.cols} vs ${b.rows}×${b.cols}`);
  }
}

/** Throw unless `m` is a 132 × 56 study matrix. */
export function assertScenarioMatrix(m: Matrix, what = "matrix"): void {
  if (m.rows !== SCENARIO_ROWS || m.cols !== VALUE_COLS) {
    throw new RangeError(`${what} must be ${SCENARIO_ROWS}×${VALUE_COLS} (scenarios × values), got ${m.rows}×${m.cols}`);
  }
}

/**
 * A matrix keyed by names: `{row: {value: x}}`, e.g. a 12 × 56 country table
 * becomes `{ "United States": { "Social Power": 0.1, ... }, ... }`.
 */
export function keyed<R extends string>(m: Matrix, rowNames: readonly R[], colNames: readonly Value[] = VALUES): Record<R, Record<Value, number>> {
  if (rowNames.length !== m.rows || colNames.length !== m.cols) {
    throw new RangeError(`names do not fit a ${m.rows}×${m.cols} matrix`);
  }
  const out = {} as Record<R, Record<Value, number>>;
  rowNames.forEach((r, i) => {
    const row = {} as Record<Value, number>;
    colNames.forEach((c, j) => (row[c] = get(m, i, j)));
    out[r] = row;
  });
  return out;
}

/** Row index → country index (0..11) of the study layout. */
export const countryOfRow = (i: number): number => Math.floor(i / TOPICS.length);
/** Row index → topic index (0..10) of the study layout. */
export const topicOfRow = (i: number): number => i % TOPICS.length;

/** For each country (catalog order) its 11 scenario rows; for each topic its 12 rows. */
export const ROWS_OF_COUNTRY: Record<Country, Int32Array> = Object.fromEntries(
  COUNTRIES.map((c, k) => [c, Int32Array.from(TOPICS, (_, t) => k * TOPICS.length + t)]),
) as Record<Country, Int32Array>;
export const ROWS_OF_TOPIC: Record<Topic, Int32Array> = Object.fromEntries(
  TOPICS.map((t, k) => [t, Int32Array.from(COUNTRIES, (_, c) => c * TOPICS.length + k)]),
) as Record<Topic, Int32Array>;

/** Row index of a (country, topic) scenario; throws on names outside the catalog. */
export function rowOf(country: string, topic: string): number {
  const c = (COUNTRIES as readonly string[]).indexOf(country);
  const t = (TOPICS as readonly string[]).indexOf(topic);
  if (c < 0 || t < 0) throw new RangeError(`unknown scenario "${country}" + "${topic}"`);
  return c * TOPICS.length + t;
}

/** Index into a study matrix's `data` of the (country, topic, value) cell ("matrix unit"); throws on a scenario outside the catalog. */
export function cellOf(country: string, topic: string, value: Value): number {
  return rowOf(country, topic) * VALUE_COLS + VALUE_INDEX[value];
}
