import { join } from "node:path";
import { isCountry, isTopic, isValue, type Country, type Topic, type Value } from "../catalog";
import { FileLineError } from "../errors";
import { readCsvGrid } from "./csv";
import { newStats, countSkip, type ImportStats } from "./importStats";

/**
 * The expert annotation sheets of the generation-prompt pilot (method.md
 * §3.2, §12 item 16): 80 rows (US and Philippines × Politics, Social
 * Inequality × 10 values × 2 polarities), each with the 8 prompt variants'
 * generations and the annotator's 0/1 labels ACT, ATTR, EXP per variant,
 * then summary rows (per-variant means typed into the sheet).
 *
 * The versions differ in layout, so rows are found by content, never by
 * position: the 2024-12-11 Hua sheet and Nick's sheet open with an
 * instruction row above the header, the HEAD Hua sheet lost it (its rows sit
 * one line higher), and the GPT-4o-mini copy was re-saved by pandas (ACT.1
 * column names, "1.0" labels, "0.0" numbers).
 */

export const ANNOTATION_VARIANTS = 8;
export const ANNOTATION_METRICS = ["act", "attr", "exp"] as const;
export type AnnotationMetric = (typeof ANNOTATION_METRICS)[number];

/** One annotator's labels for one generation: 1 good, 0 bad, null not annotated. */
export type AnnotationLabels = Record<AnnotationMetric, 0 | 1 | null>;

export interface AnnotatedRow {
  /** The sheet's "No." (row of the 160-row pilot grid). */
  no: number;
  country: Country;
  topic: Topic;
  value: Value;
  polarity: "positive" | "negative";
  /** Labels per generation-prompt variant 0..7. */
  labels: AnnotationLabels[];
  line: number;
}

export interface AnnotationSummaryRow {
  /** ACT cells of the row per variant, as numbers (null: empty or "#DIV/0!"). */
  act: Array<number | null>;
  line: number;
}

export interface AnnotationSheet {
  /** Data-directory-relative path. */
  path: string;
  annotator: string;
  /** Which version of the sheet ("HEAD", "2024-12-11", ...). */
  version: string;
  /** The sheet opens with the instruction row above the header. */
  instructionRow: boolean;
  rows: AnnotatedRow[];
  summary: AnnotationSummaryRow[];
  /**
   * ACT cells per variant of every row below the file's first line, in file
   * order: the frame `pandas.read_csv(path)` builds (header = first line), so
   * kappa.ipynb's positional slice `df.iloc[:, 6 + 4k][1:81]` can be replayed.
   */
  notebookAct: string[][];
}

export interface HumanAnnotationFile {
  path: string;
  annotator: string;
  version: string;
}

/** human_annotation/*.csv (MANIFEST.md): the two experts' sheets, Hua's as kappa.ipynb read it, and a re-saved copy. */
export const HUMAN_ANNOTATION_FILES: readonly HumanAnnotationFile[] = [
  { path: "human_annotation/human_annotation_value_actions_gpt_4o_Hua.csv", annotator: "Hua", version: "HEAD" },
  { path: "human_annotation/human_annotation_value_actions_gpt_4o_Nick.csv", annotator: "Nick", version: "HEAD" },
  { path: "human_annotation/human_annotation_value_actions_gpt_4o_Hua_2024-12-11.csv", annotator: "Hua", version: "2024-12-11" },
  { path: "human_annotation/human_annotation_value_actions_evaluation_gpt_4o_mini.csv", annotator: "Hua", version: "HEAD, pandas re-save (gpt_4o_mini sheet)" },
];

const KEY_COLUMNS = ["No.", "country", "topic", "value", "polarity"] as const;
/** First column of variant k's block: generation_prompt_id_k, then ACT, ATTR, EXP. */
const blockStart = (k: number) => KEY_COLUMNS.length + 4 * k;
export const SHEET_WIDTH = blockStart(ANNOTATION_VARIANTS);

export function importHumanAnnotation(dataDir: string, spec: HumanAnnotationFile): { sheet: AnnotationSheet; stats: ImportStats } {
  const file = join(dataDir, spec.path);
  const grid = readCsvGrid(file, file);
  const stats = newStats(spec.path);
  const width = grid.rows[0].length;
  if (width !== SHEET_WIDTH) throw new FileLineError(file, 1, `expected ${SHEET_WIDTH} columns (No., country, topic, value, polarity, 8 × generation/ACT/ATTR/EXP), found ${width}`);

  // The header is line 1, or line 2 under the instruction row.
  const h = grid.rows.findIndex((r) => r[0] === "No.");
  if (h !== 0 && h !== 1) throw new FileLineError(file, 1, 'no header row ("No.", country, ...) on line 1 or 2');
  checkHeader(file, grid.lines[h], grid.rows[h]);
  if (h === 1 && !/^Annotation Requirements/.test(grid.rows[0][0])) {
    throw new FileLineError(file, 1, "the row above the header is not the annotation instructions");
  }

  const rows: AnnotatedRow[] = [];
  const summary: AnnotationSummaryRow[] = [];
  const seen = new Map<number, number>();
  for (let i = h + 1; i < grid.rows.length; i++) {
    const cells = grid.rows[i];
    const line = grid.lines[i];
    stats.rowsRead++;
    if (cells.every((c) => c.trim() === "")) {
      countSkip(stats, "empty row");
      continue;
    }
    if (cells[0].trim() === "") {
      summary.push({ act: Array.from({ length: ANNOTATION_VARIANTS }, (_, k) => summaryNumber(file, line, cells[blockStart(k) + 1], k)), line });
      countSkip(stats, "summary row (per-variant means typed into the sheet)");
      continue;
    }
    if (summary.length > 0) throw new FileLineError(file, line, "annotated row below the summary rows");
    const row = dataRow(file, line, cells);
    const first = seen.get(row.no);
    if (first !== undefined) throw new FileLineError(file, line, `duplicate No. ${row.no} (first at line ${first})`);
    seen.set(row.no, line);
    rows.push(row);
    stats.parsed.ok++;
  }
  if (rows.length === 0) throw new FileLineError(file, grid.lines[h], "no annotated rows below the header");
  const notebookAct = grid.rows.slice(1).map((r) => Array.from({ length: ANNOTATION_VARIANTS }, (_, k) => r[blockStart(k) + 1]));
  return { sheet: { path: spec.path, annotator: spec.annotator, version: spec.version, instructionRow: h === 1, rows, summary, notebookAct }, stats };
}

function checkHeader(file: string, line: number, header: string[]): void {
  const expected = (c: number): string[] => {
    if (c < KEY_COLUMNS.length) return [KEY_COLUMNS[c]];
    const k = Math.floor((c - KEY_COLUMNS.length) / 4);
    const name = ["generation_prompt_id_", "ACT", "ATTR", "EXP"][(c - KEY_COLUMNS.length) % 4];
    if (name.endsWith("_")) return [`${name}${k}`];
    // pandas suffixes repeated names: ACT, ACT.1, ...
    return k === 0 ? [name] : [name, `${name}.${k}`];
  };
  header.forEach((h, c) => {
    const ok = expected(c);
    if (!ok.includes(h)) throw new FileLineError(file, line, `column ${c + 1}: expected ${ok.map((x) => JSON.stringify(x)).join(" or ")}, found ${JSON.stringify(h)}`);
  });
}

function dataRow(file: string, line: number, cells: string[]): AnnotatedRow {
  const [no, country, topic, value, polarity] = cells;
  // pandas wrote the numbers as floats ("12.0").
  if (!/^\d+(\.0)?$/.test(no)) throw new FileLineError(file, line, `column "No.": expected a whole number, found ${JSON.stringify(no)}`);
  if (!isCountry(country)) throw new FileLineError(file, line, `unknown country ${JSON.stringify(country)}`);
  if (!isTopic(topic)) throw new FileLineError(file, line, `unknown topic ${JSON.stringify(topic)}`);
  if (!isValue(value)) throw new FileLineError(file, line, `unknown value ${JSON.stringify(value)}`);
  if (polarity !== "positive" && polarity !== "negative") throw new FileLineError(file, line, `column "polarity": expected positive or negative, found ${JSON.stringify(polarity)}`);
  const labels = Array.from({ length: ANNOTATION_VARIANTS }, (_, k): AnnotationLabels => {
    const at = blockStart(k) + 1;
    return { act: label(file, line, cells[at], `ACT of variant ${k}`), attr: label(file, line, cells[at + 1], `ATTR of variant ${k}`), exp: label(file, line, cells[at + 2], `EXP of variant ${k}`) };
  });
  return { no: Number(no), country, topic, value, polarity, labels, line };
}

function label(file: string, line: number, cell: string, what: string): 0 | 1 | null {
  const v = cell.trim();
  if (v === "") return null;
  if (v === "1" || v === "1.0") return 1;
  if (v === "0" || v === "0.0") return 0;
  throw new FileLineError(file, line, `${what}: expected 0, 1 or empty, found ${JSON.stringify(cell)}`);
}

function summaryNumber(file: string, line: number, cell: string, k: number): number | null {
  const v = cell.trim();
  if (v === "" || v === "#DIV/0!") return null;
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new FileLineError(file, line, `summary ACT of variant ${k}: expected a share in [0, 1], found ${JSON.stringify(cell)}`);
  return x;
}
