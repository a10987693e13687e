import type { ModelId } from "../via/models";

/**
 * Our numbers beside the paper's printed ones, cell by cell, with a status
 * and, for every cell that does not reproduce, its cause (method.md §12).
 * A cell reproduces when ours, rounded to the printed precision, equals the
 * printed number: |ours − paper| ≤ ½·10^−digits.
 */
export type CellStatus = "reproduces" | "differs" | "not computable" | "not printed";

/** A row of the human-evaluation tables (Tables 9, 10, 2): annotator, prompt, rater group. */
export type HumanRowId = "A1" | "A2" | "Avg" | "Prompt-A" | "Prompt-B" | "experts" | "Prolific";

/** A table row: a model, "all" models, or a row of the human-evaluation tables (annotator, prompt, rater group). */
export type RowId = ModelId | "all" | HumanRowId;

export interface ComparisonCell {
  table: string;
  model: RowId;
  column: string;
  ours: number | null;
  paper: number | null;
  /** Printed decimals (0 for counts). */
  digits: number;
  status: CellStatus;
  cause: string;
}

export interface TableComparison {
  /** File stem, e.g. "table3". */
  id: string;
  table: string;
  caption: string;
  notes: string[];
  columns: string[];
  /** Row labels in order (models, "all", or human-evaluation rows). */
  rows: RowId[];
  cells: ComparisonCell[];
}
