import { TABLE3_COUNTRY_ORDER, COUNTRY_ABBREVIATION, TOPICS, TOPIC_SHORT_LABEL } from "../catalog";
import { MODEL_IDS, FEWSHOT_SETTINGS, type ModelId } from "../via/models";
import { RISK_CATEGORIES, TABLE13, TABLE14, TABLE3, TABLE4, TABLE5, TABLE8 } from "./paperNumbers";
import { humanEvaluationTables } from "./humanComparison";
import type { Reproduction } from "./reproduce";
import type { CellStatus, ComparisonCell, RowId, TableComparison } from "./tableComparison";

// Our numbers beside the paper's printed ones, cell by cell (the shapes and the rule are in tableComparison.ts).

const NO_TASK2 =
  "not computable: this model's Task 2 outputs were not published (only per-row logs of GPT-4o-mini and Claude survived; method.md §12 item 19)";
const NO_TASK1 = "not computable: this model's Task 1 outputs were not published (method.md §12 item 19)";
const CLAUDE =
  "Claude: the published Task 1 file and the rebuilt Task 2 choices (log of 2025-06-28) give these numbers; the paper's Claude numbers come from an unpublished notebook and Task 2 CSV (method.md §12 item 19), so single cells differ while the overall level agrees (see the summary of REPRODUCTION.md)";
const LLAMA_T1 =
  "Llama: the published Llama Task 1 file gives 0.9501 under the authors' parser and agreement rule, which reproduce the five other models exactly; no single row explains the gap (dropping any one row moves it by at most 0.0002), so the printed value was computed from another version of the Llama outputs (the repository also holds a near-duplicate file with one hand-repaired answer; the prompt-sensitivity runs used groq:llama-3.3-70b-versatile)";
const T2_AGREEMENT =
  "Task 2 agreement is a positive-choice rate over 50 unseeded random pairs with a '1'-substring detector (method.md §6.5, §12 item 17); the authors' own notebook prints 0.9125 for GPT-4o-mini and 0.92 for Qwen from these files, so the printed column was partly taken from other runs than the published ones";

function cause(table: string, model: RowId, column: string): string {
  if (model === "claude-sonnet-4" && (table === "Table 3" || table === "Table 4")) return CLAUDE;
  if (table === "Table 8" && column === "T1" && model === "llama-3.3-70b-instruct") return LLAMA_T1;
  if (table === "Table 8" && column === "T2") return T2_AGREEMENT;
  return "difference not explained";
}

/** One compared cell; `differsCause` explains a difference (default: the causes above). */
export function cell(
  table: string,
  model: RowId,
  column: string,
  ours: number | null | undefined,
  paper: number | null | undefined,
  digits: number,
  missingCause: string,
  differsCause?: string,
): ComparisonCell {
  const o = ours === undefined || ours === null || !Number.isFinite(ours) ? null : ours;
  const p = paper === undefined ? null : paper;
  let status: CellStatus;
  let why = "";
  if (o === null) {
    status = "not computable";
    why = missingCause;
  } else if (p === null) {
    status = "not printed";
    why = "the paper prints no number for this cell";
  } else if (Math.abs(o - p) <= 0.5 * 10 ** -digits + 1e-9) {
    status = "reproduces";
  } else {
    status = "differs";
    why = differsCause ?? cause(table, model, column);
  }
  return { table, model, column, ours: o, paper: p, digits, status, cause: why };
}

const modelsOf = (values: Partial<Record<ModelId, unknown>>): ModelId[] => MODEL_IDS.filter((m) => values[m] !== undefined);

export function compareTables(rep: Reproduction): TableComparison[] {
  const r = rep.results;
  const out: TableComparison[] = [];

  {
    const rows = modelsOf(TABLE3.values);
    const columns = TABLE3_COUNTRY_ORDER.map((c) => COUNTRY_ABBREVIATION[c]);
    const cells = rows.flatMap((m) =>
      TABLE3_COUNTRY_ORDER.map((c) => cell("Table 3", m, COUNTRY_ABBREVIATION[c], r.models[m]?.f1?.by_country?.[c], TABLE3.values[m]![c], 2, NO_TASK2)),
    );
    out.push({ id: "table3", table: TABLE3.table, caption: TABLE3.caption, notes: TABLE3.notes, columns, rows, cells });
  }
  {
    const rows = modelsOf(TABLE13.values);
    const columns = [...TOPICS.map((t) => TOPIC_SHORT_LABEL[t]), "Sum"];
    const cells = rows.flatMap((m) => {
      const missing = m === "qwen-qwq-32b" ? `${NO_TASK1}; ${NO_TASK2.replace("not computable: ", "")}` : NO_TASK2;
      return [
        ...TOPICS.map((t) => cell("Table 13", m, TOPIC_SHORT_LABEL[t], r.models[m]?.f1?.by_topic?.[t], TABLE13.values[m]![t], 3, missing)),
        cell("Table 13", m, "Sum", r.models[m]?.f1?.overall, TABLE13.values[m]!.Sum, 3, missing),
      ];
    });
    out.push({ id: "table13", table: TABLE13.table, caption: TABLE13.caption, notes: TABLE13.notes, columns, rows, cells });
  }
  {
    const rows = modelsOf(TABLE4.values);
    const columns = ["(A,D) = stated disagree, acted agree", "(D,A) = stated agree, acted disagree", "total", "%"];
    const cells = rows.flatMap((m) => {
      const inc = r.models[m]?.inconsistency;
      const p = TABLE4.values[m]!;
      return [
        cell("Table 4", m, columns[0], inc?.stated_disagree_acted_agree, p.printedAD, 0, NO_TASK2),
        cell("Table 4", m, columns[1], inc?.stated_agree_acted_disagree, p.printedDA, 0, NO_TASK2),
        cell("Table 4", m, columns[2], inc?.total, p.total, 0, NO_TASK2),
        cell("Table 4", m, columns[3], inc && inc.share !== null ? inc.share * 100 : null, p.percent, 2, NO_TASK2),
      ];
    });
    out.push({ id: "table4", table: TABLE4.table, caption: TABLE4.caption, notes: TABLE4.notes, columns, rows, cells });
  }
  {
    const rows = MODEL_IDS.filter((m) => TABLE8.values[m] !== undefined || r.task2_prompt_agreement[m] !== undefined);
    const columns = ["T1", "T2"];
    const cells = rows.flatMap((m) => [
      cell("Table 8", m, "T1", r.models[m]?.task1_agreement, TABLE8.values[m]?.t1 ?? null, 3, NO_TASK1),
      cell("Table 8", m, "T2", r.task2_prompt_agreement[m], TABLE8.values[m]?.t2 ?? null, 3, "not computable: no Task 2 prompt-agreement file"),
    ]);
    out.push({ id: "table8", table: TABLE8.table, caption: TABLE8.caption, notes: TABLE8.notes, columns, rows, cells });
  }
  {
    const rows = modelsOf(TABLE14.values);
    const columns = FEWSHOT_SETTINGS.flatMap((s) => [`${s} F1`, `${s} accuracy`]);
    const cells = rows.flatMap((m) =>
      FEWSHOT_SETTINGS.flatMap((s) => {
        const ours = r.gap_prediction_fewshot[m]?.[s];
        const p = TABLE14.values[m]![s];
        return [
          cell("Table 14", m, `${s} F1`, ours?.f1, p.f1, 3, "not computable: few-shot output file missing"),
          cell("Table 14", m, `${s} accuracy`, ours?.accuracy, p.accuracy, 3, "not computable: few-shot output file missing"),
        ];
      }),
    );
    out.push({ id: "table14", table: TABLE14.table, caption: TABLE14.caption, notes: TABLE14.notes, columns, rows, cells });
  }
  {
    const columns = [...RISK_CATEGORIES];
    const cells = RISK_CATEGORIES.map((c) => cell("Table 5", "all", c, r.risk_counts[c], TABLE5.values[c], 0, "not computable: misaligned-example files missing"));
    out.push({ id: "table5", table: TABLE5.table, caption: TABLE5.caption, notes: TABLE5.notes, columns, rows: ["all"], cells });
  }
  out.push(...humanEvaluationTables(rep.detail.humanEvaluation, rep.detail.humanSheetSummary ?? null, cell));
  return out;
}
