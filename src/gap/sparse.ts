/**
 * Compressed sparse rows: row i holds colIdx/values[rowPtr[i] .. rowPtr[i+1]),
 * column indices ascending and unique within a row.
 */
export interface SparseMatrix {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

/** Row i as a dense Float64Array (for tests and small inspections). */
export function denseRow(m: SparseMatrix, i: number): Float64Array {
  const out = new Float64Array(m.cols);
  for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) out[m.colIdx[k]] = m.values[k];
  return out;
}
