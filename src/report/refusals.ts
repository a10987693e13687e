import { escapeHtml } from "../figures/html";
import { REFUSAL_TASK_LABEL, refusalFactorText } from "../results/describe";
import { MIN_REFUSALS_TESTED } from "../results/refusals";
import type { ModelResultsJson, RefusalTaskJson, ResultsJson } from "../results/schema";
import { DASH, table } from "./tables";

/**
 * The report's refusal tables (issue 15 item 2): per model, one row per task
 * with its refusals and other unparseable answers out of the answered records,
 * and where the refusals fall by country, topic, value and polarity with the
 * spread test; the VIA dataset's generation refusals when results.json has
 * them. Everything is read from results.json (results/refusals.ts computed
 * it); every text, including the parser's failure reasons, is escaped.
 */

const HEAD = ["Task", "Answered", "Refusals", "Other unparseable", "By country", "By topic", "By value", "By polarity"];

function row(label: string, t: RefusalTaskJson, minTested: number): string[] {
  const pct = (x: number | null) => (typeof x === "number" && Number.isFinite(x) ? ` (${(x * 100).toFixed(2)}%)` : "");
  const reasons = Object.entries(t.unparseable_reasons).map(([k, n]) => `${k}: ${n}`);
  const factor = (f: RefusalTaskJson["by_country"] | undefined) => {
    const text = f ? refusalFactorText(f, minTested) : null;
    return `<td>${text === null ? DASH : escapeHtml(text)}</td>`;
  };
  return [
    `<th scope="row">${escapeHtml(label)}${t.classified_by === "robust" ? "<br><small>failures re-read by the robust parser</small>" : ""}</th>`,
    `<td class="num">${t.answered}</td>`,
    `<td class="num">${t.refusals}${pct(t.refusal_rate)}</td>`,
    `<td class="num">${t.unparseable}${pct(t.unparseable_rate)}${reasons.length ? `<br><small>${escapeHtml(reasons.join("; "))}</small>` : ""}</td>`,
    factor(t.by_country),
    factor(t.by_topic),
    factor(t.by_value),
    factor(t.by_polarity),
  ];
}

const CAPTION =
  "Refusals (answers the refusal detector reads as declining the task) and other unparseable answers, out of the answered records (the call succeeded). " +
  "By factor: the levels holding refusals (refusals of answered there), most first, and whether they are spread in proportion to each level's answered records (exact or seeded Monte-Carlo test of Pearson's X²; too few refusals: no test).";

/** One model's refusal table; null when its results have no refusal section. */
export function refusalTable(model: string, anchorId: string, r: ModelResultsJson): string | null {
  const x = r.refusals;
  if (!x) return null;
  const rows = (["generate", "task1", "task2"] as const).flatMap((task) => (x[task] ? [row(REFUSAL_TASK_LABEL[task], x[task]!, x.min_refusals_tested)] : []));
  if (rows.length === 0) return null;
  return table(`Refusals of ${escapeHtml(model)}. ${CAPTION}`, HEAD, rows, `refusals-${anchorId}`);
}

/**
 * Task 2 refusals in the published prompt-robustness answers (50 pairs x 8
 * variants per model, the only published Task 2 answers with the model's
 * text); null when results.json has none.
 */
export function promptAgreementRefusalTable(results: ResultsJson | undefined, minTested = MIN_REFUSALS_TESTED): string | null {
  const byModel = Object.entries(results?.task2_prompt_agreement_refusals ?? {});
  if (byModel.length === 0) return null;
  return table(
    `Task 2 refusals in the published prompt-robustness answers (50 pairs x 8 variants per model, read by the robust Task 2 parser; the 8 answers of a pair share its cell, so the spread test, which takes answers as independent, is optimistic). ${CAPTION}`,
    HEAD,
    byModel.map(([m, t]) => row(m, t, minTested)),
    "prompt-agreement-refusals",
  );
}

/** The VIA dataset's generation refusals (vag reproduce --dataset); null without them. */
export function datasetRefusalTable(results: ResultsJson | undefined, minTested = MIN_REFUSALS_TESTED): string | null {
  const ds = results?.dataset_refusals;
  if (!ds) return null;
  return table(
    `Refusals in the VIA dataset's generations (${escapeHtml(ds.model)}, ${escapeHtml(ds.file)}). ${CAPTION}`,
    HEAD,
    [row("generation", ds, minTested)],
    "dataset-refusals",
  );
}
