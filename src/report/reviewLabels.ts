import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { FileLineError, UserError } from "../errors";
import { writeFileAtomic } from "../io/atomic";
import { readJsonText } from "../io/jsonFile";
import { readCsvFile } from "../via/csv";
import { REVIEW_LABELS, type ReviewSheet } from "./reviewSheet";

/**
 * Labels of one annotator read back from a CSV (the page's download, or the
 * sheet's CSV filled in a spreadsheet) and kept beside the run, in
 * DIR/review/labels/<annotator>.json. Every defect is one `FILE:LINE:
 * reason` (exit 2) and nothing is stored.
 */

export const REVIEW_DIR = "review";
export const SHEET_FILE = "sheet.json";

export interface AnnotatorLabels {
  annotator: string;
  /** The file the labels were read from. */
  file: string;
  /** item -> label (items left empty are absent). */
  labels: Record<string, string>;
}

export function readSheet(runDir: string): ReviewSheet {
  const path = join(runDir, REVIEW_DIR, SHEET_FILE);
  if (!existsSync(path)) throw new UserError(`${path}: no review sheet (run \`vag review export --run ${runDir}\` first)`, 2);
  const { json } = readJsonText(path);
  const sheet = json as ReviewSheet;
  if (!sheet || !Array.isArray(sheet.items)) throw new FileLineError(path, 1, "not a review sheet (no items)");
  return sheet;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Read a labels CSV against the sheet. `annotator` (from --annotator) names the labeller when the file has no annotator column. */
export function readLabels(file: string, sheet: ReviewSheet, annotator?: string): AnnotatorLabels {
  const table = readCsvFile(file, { columns: ["item", "label"], key: (r) => `item ${JSON.stringify(r.item)}` }, file);
  const kinds = new Map(sheet.items.map((it) => [it.item, it.kind]));
  const named = new Set<string>();
  const labels: Record<string, string> = {};
  table.rows.forEach((r, i) => {
    const line = table.lines[i];
    const kind = kinds.get(r.item);
    if (kind === undefined) throw new FileLineError(file, line, `unknown item ${JSON.stringify(r.item)} (not in the exported sheet)`);
    const who = (r.annotator ?? "").trim();
    if (who) {
      if (annotator !== undefined && who !== annotator) throw new FileLineError(file, line, `annotator ${JSON.stringify(who)} differs from --annotator ${JSON.stringify(annotator)}`);
      named.add(who);
      if (named.size > 1) throw new FileLineError(file, line, `a second annotator ${JSON.stringify(who)} (one annotator per file)`);
    }
    const label = r.label.trim();
    if (label === "") return; // not labelled yet
    if (!REVIEW_LABELS[kind].includes(label)) throw new FileLineError(file, line, `label ${JSON.stringify(r.label)}: expected ${REVIEW_LABELS[kind].join(", ")} for a ${kind} item`);
    labels[r.item] = label;
  });
  const who = annotator ?? [...named][0];
  if (!who) throw new FileLineError(file, 1, "no annotator: add an annotator column or pass --annotator NAME");
  if (!SAFE_NAME.test(who)) throw new FileLineError(file, 1, `annotator ${JSON.stringify(who)}: use letters, digits, '.', '_' or '-' (it names the stored file)`);
  if (Object.keys(labels).length === 0) throw new FileLineError(file, 2, "no labelled rows");
  return { annotator: who, file, labels };
}

/** Store (or replace) one annotator's labels beside the run; returns the path. */
export function storeLabels(runDir: string, labels: AnnotatorLabels): string {
  const path = join(runDir, REVIEW_DIR, "labels", `${labels.annotator}.json`);
  writeFileAtomic(path, JSON.stringify(labels, null, 2) + "\n");
  return path;
}

/** Every annotator's stored labels, by file name order. */
export function storedLabels(runDir: string): AnnotatorLabels[] {
  const dir = join(runDir, REVIEW_DIR, "labels");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readJsonText(join(dir, f)).json as AnnotatorLabels);
}
