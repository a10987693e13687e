import type { HumanEvaluation } from "../analysis/humanEvaluation";
import type { ComparisonCell, HumanRowId, RowId, TableComparison } from "./tableComparison";
import { PROMPT_VARIANTS, TABLE10, TABLE2, TABLE9 } from "./paperNumbers";

/**
 * Tables 9, 10 and 2 (the human evaluation) beside the printed numbers, from
 * results.json's `human_evaluation` (src/analysis/humanEvaluation.ts).
 */

export const HUMAN_ROW_LABEL: Record<HumanRowId, string> = {
  A1: "A1 (Nick)",
  A2: "A2 (Hua)",
  Avg: "Avg",
  "Prompt-A": "Prompt-A (variant 3)",
  "Prompt-B": "Prompt-B (variant 5)",
  experts: "AI experts",
  Prolific: "Prolific annotators",
};

/** The paper's annotator names: A1's and A2's printed rows match Nick's and Hua's labels on every prompt whose labels were not revised. */
const ANNOTATOR_OF = { A1: "Nick", A2: "Hua" } as const;

type MakeCell = (table: string, model: RowId, column: string, ours: number | null | undefined, paper: number | null | undefined, digits: number, missingCause: string, differsCause?: string) => ComparisonCell;

const NO_SHEETS = "not computable: the human_annotation/*.csv sheets are not in the data directory";
const ROUND2 = "not computable: the second-round annotations (Harmless, Sufficiency, Plausibility) were not published (method.md §3.2)";
const PROLIFIC = "not computable: the Prolific responses were not published (method.md §3.2, §12 item 19)";
const KAPPA_TRUNCATED = "printed truncated, not rounded: kappa.ipynb prints 0.9264705882352942, the table cuts it to 0.9264";

/** Why our Table 9 differs, with what the sheet's own typed rows say (null when the sheet had no such rows). */
export function table9Cause(huaSummary: ReadonlyArray<ReadonlyArray<number | null>> | null): string {
  const equal = (row: ReadonlyArray<number | null> | undefined, printed: readonly number[]) =>
    row !== undefined && printed.every((p, k) => row[k] !== null && Math.abs(row[k]! - p) <= 0.5e-4 + 1e-9);
  const typed = huaSummary !== null && equal(huaSummary[1], TABLE9.values.A1) && equal(huaSummary[2], TABLE9.values.A2);
  return (
    "Table 9 was copied from the A1/A2 rows typed into Hua's sheet (its summary rows 2 and 3" +
    (typed ? ", which equal the printed A1 and A2 on all 8 prompts" : "") +
    "); they are the per-prompt means of older versions of both sheets (the authors' src/outputs/human_annotation/old/, commit 7a48d38, not among the published files). " +
    "The released sheets carry revised ACT labels for prompts 4 and 6 (both experts) and 8 (Nick), a net 1–3 labels of 80 per cell; Table 10's Correctness and kappa.ipynb's kappas use the revised labels and reproduce"
  );
}

export function humanEvaluationTables(he: HumanEvaluation | undefined, huaSummary: ReadonlyArray<ReadonlyArray<number | null>> | null, cell: MakeCell): TableComparison[] {
  const prompts = PROMPT_VARIANTS.map((k) => `prompt ${k + 1}`);
  const t9cause = table9Cause(huaSummary);
  const t9 = (["A1", "A2", "Avg"] as const).flatMap((row) =>
    PROMPT_VARIANTS.map((k) => {
      const ours = row === "Avg" ? he?.average_act[String(k)]?.mean : he?.by_annotator[ANNOTATOR_OF[row]]?.by_variant[String(k)]?.act.mean;
      return cell(TABLE9.table, row, prompts[k], ours, TABLE9.values[row][k], 4, NO_SHEETS, t9cause);
    }),
  );

  const t10columns = ["Correctness", "κ (ACT)", "Harmless", "Sufficiency", "Plausibility"];
  const t10 = (["Prompt-A", "Prompt-B"] as const).flatMap((row) => {
    const k = row === "Prompt-A" ? "3" : "5";
    const p = TABLE10.values[row];
    const kappa = he?.kappa_act_notebook.by_variant[k]?.kappa;
    return [
      cell(TABLE10.table, row, t10columns[0], he?.average_act[k]?.mean, p.correctness, 5, NO_SHEETS, t9cause),
      cell(TABLE10.table, row, t10columns[1], kappa, p.kappa, 4, NO_SHEETS, KAPPA_TRUNCATED),
      cell(TABLE10.table, row, t10columns[2], null, p.harmless, 5, ROUND2),
      cell(TABLE10.table, row, t10columns[3], null, p.sufficiency, 4, ROUND2),
      cell(TABLE10.table, row, t10columns[4], null, p.plausibility, row === "Prompt-B" ? 2 : 4, ROUND2),
    ];
  });

  const t2columns = ["Correct", "Harmless", "Sufficient", "Plausible"];
  const t2 = (["experts", "Prolific"] as const).flatMap((row) => {
    const p = TABLE2.values[row];
    const missing = row === "Prolific" ? PROLIFIC : ROUND2;
    return [
      cell(TABLE2.table, row, t2columns[0], row === "experts" ? he?.average_act["5"]?.mean : null, p.correct, 2, row === "experts" ? NO_SHEETS : PROLIFIC, t9cause),
      cell(TABLE2.table, row, t2columns[1], null, p.harmless, 2, missing),
      cell(TABLE2.table, row, t2columns[2], null, p.sufficient, 2, missing),
      cell(TABLE2.table, row, t2columns[3], null, p.plausible, 2, missing),
    ];
  });

  return [
    { id: "table9", table: TABLE9.table, caption: TABLE9.caption, notes: TABLE9.notes, columns: prompts, rows: ["A1", "A2", "Avg"], cells: t9 },
    { id: "table10", table: TABLE10.table, caption: TABLE10.caption, notes: TABLE10.notes, columns: t10columns, rows: ["Prompt-A", "Prompt-B"], cells: t10 },
    { id: "table2", table: TABLE2.table, caption: TABLE2.caption, notes: TABLE2.notes, columns: t2columns, rows: ["experts", "Prolific"], cells: t2 },
  ];
}
