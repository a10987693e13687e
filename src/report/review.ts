import { join } from "node:path";
import { reviewAgreement, type ReviewAgreement } from "../analysis/reviewAgreement";
import { writeFileAtomic } from "../io/atomic";
import { openRun } from "../runs/openRun";
import { readLabels, readSheet, REVIEW_DIR, SHEET_FILE, storedLabels, storeLabels } from "./reviewLabels";
import { reviewCsv, reviewHtml } from "./reviewPage";
import { REVIEW_LABELS, reviewSheet, type ReviewSheet } from "./reviewSheet";

/** `vag review export` / `import` as two calls: everything is computed before anything is written. */

export function exportReview(runDir: string, opts: { budget: number; misaligned: boolean; now?: Date }): { sheet: ReviewSheet; paths: string[] } {
  const sheet = reviewSheet(openRun(runDir), { budget: opts.budget, misaligned: opts.misaligned, createdAt: (opts.now ?? new Date()).toISOString() });
  const files: Array<[string, string]> = [
    [SHEET_FILE, JSON.stringify(sheet, null, 1) + "\n"],
    ["sheet.csv", reviewCsv(sheet)],
    ["sheet.html", reviewHtml(sheet)],
  ];
  const paths = files.map(([name, text]) => {
    const path = join(runDir, REVIEW_DIR, name);
    writeFileAtomic(path, text);
    return path;
  });
  return { sheet, paths };
}

export function importReview(
  runDir: string,
  file: string,
  opts: { annotator?: string; seed: number; iterations: number },
): { stored: string; annotator: string; labelled: number; agreement: ReviewAgreement; agreementPath: string } {
  const sheet = readSheet(runDir);
  const labels = readLabels(file, sheet, opts.annotator);
  // Agreement over the other annotators' stored labels and these, computed before anything is written.
  const all = [...storedLabels(runDir).filter((l) => l.annotator !== labels.annotator), labels].sort((a, b) => (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
  const items = sheet.items.map((it) => ({ item: it.item, labels: REVIEW_LABELS[it.kind], modelAnswer: it.modelAnswer, ensemble: it.ensemble, confidence: it.confidence }));
  const agreement = reviewAgreement(items, all, { scheme: "items", seed: opts.seed, resamples: opts.iterations });
  const agreementPath = join(runDir, REVIEW_DIR, "agreement.json");
  const stored = storeLabels(runDir, labels);
  writeFileAtomic(agreementPath, JSON.stringify({ simulated: sheet.simulated, model: sheet.model, ...agreement }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n");
  return { stored, annotator: labels.annotator, labelled: Object.keys(labels.labels).length, agreement, agreementPath };
}
