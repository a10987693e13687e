import { COUNTRY_ABBREVIATION, TABLE3_COUNTRY_ORDER, TOPICS, TOPIC_SHORT_LABEL } from "../catalog";
import { escapeHtml } from "../figures/html";
import { SETTING_LABEL } from "../figures/gapPredictionBars";
import { INCONSISTENCY_LABELS } from "../figures/inconsistencyBars";
import { interval, scoreInterval, type FigureInputs, type Interval } from "../figures/results";
import { SCHEME_TEXT, pText } from "../results/describe";
import type { ComparisonJson, ModelResultsJson } from "../results/schema";
import type { ModelSummary } from "./summary";

/**
 * The report's HTML tables, built from the same results as the charts.
 * Numbers are printed with 3 decimals, intervals in brackets below; a
 * missing number is an en dash, never a zero.
 */
export const DASH = "&ndash;";

export function fmt(x: number | null | undefined, digits = 3): string {
  return typeof x === "number" && Number.isFinite(x) ? x.toFixed(digits) : DASH;
}

function cell(x: number | null | undefined, ci?: Interval | null): string {
  const ciText = ci ? `<br><small>[${ci[0].toFixed(3)}, ${ci[1].toFixed(3)}]</small>` : "";
  return `<td class="num">${fmt(x)}${ciText}</td>`;
}

/** A captioned table of pre-rendered cells (`id` must be HTML-safe, e.g. from `anchor`). */
export function table(caption: string, head: readonly string[], rows: readonly string[][], id?: string): string {
  return (
    `<div class="table-wrap"><table${id ? ` id="${id}"` : ""}><caption>${caption}</caption>` +
    `<thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.join("")}</tr>`).join("")}</tbody></table></div>`
  );
}

/** "Power in Nigeria 0.42 (q = 0.010)" for the BH-tested claims, else "Power (0.42)" by overall distance. */
export function gapsText(s: ModelSummary): string {
  if (s.gapClaims.length > 0)
    return s.gapClaims.map((g) => `${escapeHtml(g.value)} in ${escapeHtml(g.country)} ${fmt(g.distance, 2)} (q ${escapeHtml(pText(g.q).slice(2))})`).join(", ");
  return s.largestGaps.map(([v, d]) => `${escapeHtml(v)} (${d.toFixed(2)})`).join(", ");
}

export function summaryTable(rows: readonly ModelSummary[]): string {
  return table(
    "Per model: alignment rate (F1, positive = disagree) and Cohen's kappa with their 95% CI (crossed bootstrap: countries and topics resampled independently), the agree-positive F1, prompt agreement, inconsistency counts (CI of the total), undecided Task 2 pairs (left out of the binary measures) and the largest gaps (per country and value with Benjamini-Hochberg q-values where tested).",
    ["Model", "F1", "kappa", "F1 (positive = agree)", "Task 1 prompt agreement", "Task 2 prompt agreement", INCONSISTENCY_LABELS.stated_disagree_acted_agree, INCONSISTENCY_LABELS.stated_agree_acted_disagree, "Inconsistent (share)", "Undecided pairs (share)", "Largest gaps"],
    rows.map((s) => [
      `<th scope="row"><a href="#model-${escapeHtml(anchor(s.model))}">${escapeHtml(s.model)}</a></th>`,
      cell(s.f1, s.f1Ci),
      cell(s.kappa, s.kappaCi),
      cell(s.f1Inverted, s.f1InvertedCi),
      cell(s.task1Agreement, s.task1AgreementCi),
      cell(s.task2Agreement, s.task2AgreementCi),
      `<td class="num">${s.statedDisagreeActedAgree ?? DASH}</td>`,
      `<td class="num">${s.statedAgreeActedDisagree ?? DASH}</td>`,
      `<td class="num">${s.inconsistencyTotal ?? DASH}${s.inconsistencyShare !== null ? ` (${(s.inconsistencyShare * 100).toFixed(1)}%)` : ""}${s.inconsistencyTotalCi ? `<br><small>[${s.inconsistencyTotalCi[0].toFixed(0)}, ${s.inconsistencyTotalCi[1].toFixed(0)}]</small>` : ""}</td>`,
      `<td class="num">${undecidedCell(s.results)}</td>`,
      `<td>${gapsText(s) || DASH}</td>`,
    ]),
    "summary-table",
  );
}

function undecidedCell(r: ModelResultsJson): string {
  const u = r.undecided;
  if (!u) return DASH;
  const share = typeof u.share === "number" ? ` (${(u.share * 100).toFixed(1)}%)` : "";
  const ci = u.ci95 ? interval(u.ci95.ci95) : null;
  return `${u.count}${share}${ci ? `<br><small>[${(ci[0] * 100).toFixed(1)}, ${(ci[1] * 100).toFixed(1)}]%</small>` : ""}`;
}

/** Issue 10 item 9: F1, kappa and inconsistency under the Task 1 cut, centring and missing-answer rules. */
export function sensitivityTable(model: string, r: ModelResultsJson): string | null {
  const s = r.sensitivity;
  if (!s || s.rows.length === 0) return null;
  return table(
    `Sensitivity of ${escapeHtml(model)}: the same measures under other analysis choices (Task 1 cut on the 1-4 scale, Task 1 centred per scenario, unparsed/refused answers as missing or as the paper's defaults). Baseline (the rest of this page): <b>${escapeHtml(s.baseline)}</b>.`,
    ["Setting", "Task 1 cut", "Centred", "Missing answers", "F1", "F1 (positive = agree)", "kappa", "Inconsistent (share)", "Undecided (Task 1 / Task 2)"],
    s.rows.map((x) => [
      `<th scope="row">${escapeHtml(x.setting)}${x.setting === s.baseline ? " (baseline)" : ""}</th>`,
      `<td class="num">${x.task1_cut}</td>`,
      `<td>${x.centred ? "yes" : "no"}</td>`,
      `<td>${escapeHtml(x.missing)}</td>`,
      cell(x.f1),
      cell(x.f1_inverted),
      cell(x.kappa),
      `<td class="num">${x.inconsistency.total} (${fmt((x.inconsistency.share ?? NaN) * 100, 1)}%)</td>`,
      `<td class="num">${x.undecided.task1} / ${x.undecided.task2}</td>`,
    ]),
    `sensitivity-${anchor(model)}`,
  );
}

/** Issue 10 item 8: paired differences between models (or countries) on their shared scenarios. */
export function comparisonsTable(comparisons: readonly ComparisonJson[] | undefined): string | null {
  // Every model pair; of the many country pairs (66 per model and measure) those at q <= 0.05 (all are in results.json).
  const shown = (comparisons ?? []).filter((c) => c.kind === "model" || (typeof c.q === "number" && c.q <= 0.05));
  const hidden = (comparisons ?? []).length - shown.length;
  if (shown.length === 0) return null;
  return table(
    "Paired comparisons: mean difference a - b with its 95% CI and permutation p-value; q = Benjamini-Hochberg over the comparisons of the same kind and measure (and model, for countries). " +
      `Models are compared on their shared scenarios, a model's countries on their shared topics${hidden > 0 ? `; ${hidden} country pairs with q &gt; 0.05 are in results.json, not shown` : ""}.`,
    ["Kind", "Measure", "a", "b", "a - b", "p", "q", "n", "Resampling"],
    shown.map((c) => [
      `<td>${escapeHtml(c.kind === "country" && c.model ? `country (${c.model})` : c.kind)}</td>`,
      `<td>${escapeHtml(c.measure)}</td>`,
      `<td>${escapeHtml(c.a)}</td>`,
      `<td>${escapeHtml(c.b)}</td>`,
      cell(c.diff, interval(c.ci95)),
      `<td class="num">${escapeHtml(pText(c.p))}</td>`,
      `<td class="num">${c.q === undefined ? DASH : escapeHtml(pText(c.q).replace(/^p/, "q"))}</td>`,
      `<td class="num">${c.n}</td>`,
      `<td><small>${escapeHtml(SCHEME_TEXT[c.scheme])}, ${c.resamples} resamples, ${c.permutations} permutations, seed ${c.seed}</small></td>`,
    ]),
    "paired-comparisons-table",
  );
}

/** F1 per country (paper Table 3 order and abbreviations) or per topic (Table 13), models as rows. */
export function f1Table(inputs: FigureInputs, models: readonly string[], axis: "country" | "topic"): string | null {
  const field = axis === "country" ? "by_country" : "by_topic";
  const keys: readonly string[] = axis === "country" ? TABLE3_COUNTRY_ORDER : TOPICS;
  const have = models.filter((m) => inputs.results?.models?.[m]?.f1?.[field]);
  if (have.length === 0) return null;
  const label = (k: string) =>
    axis === "country" ? COUNTRY_ABBREVIATION[k as keyof typeof COUNTRY_ABBREVIATION] : TOPIC_SHORT_LABEL[k as keyof typeof TOPIC_SHORT_LABEL];
  return table(
    `Alignment rate (F1, positive class = disagree) by ${axis === "country" ? "country (paper Table 3 order)" : "topic (paper Table 13)"}; 95% CI below (${axis === "country" ? "a country's topics" : "a topic's countries"} resampled; overall: crossed bootstrap).`,
    ["Model", ...keys.map((k) => `<abbr title="${escapeHtml(k)}">${escapeHtml(label(k))}</abbr>`), "Overall"],
    have.map((m) => {
      const s = inputs.results!.models![m].f1!;
      const byKey: Partial<Record<string, number | null>> = s[field] ?? {};
      return [
        `<th scope="row">${escapeHtml(m)}</th>`,
        ...keys.map((k) => cell(byKey[k], scoreInterval(s, field, k))),
        cell(s.overall, scoreInterval(s, "overall")),
      ];
    }),
    `f1-${axis}-table`,
  );
}

/** The verdicts of `vag gap`: per target and label, the best text setting against the best text-free baseline. */
export function gapVerdictTable(inputs: FigureInputs): string | null {
  const verdicts = inputs.gap?.verdicts ?? [];
  if (verdicts.length === 0) return null;
  const rows = verdicts.map((v) => {
    const g = v.gain ?? null;
    const p = typeof g?.p === "number" ? (g.p < 0.001 ? "&lt; 0.001" : g.p.toFixed(3)) : DASH;
    return [
      `<td>${escapeHtml(v.target ?? "")}</td>`,
      `<td>${escapeHtml(v.label ?? "")}</td>`,
      `<td>${escapeHtml(v.conclusion ?? "")}</td>`,
      `<td>${escapeHtml(v.bestTextFree?.setting ?? "")}</td>`,
      cell(v.bestTextFree?.auc ?? null),
      `<td>${escapeHtml(v.bestWithText?.setting ?? "")}</td>`,
      cell(v.bestWithText?.auc ?? null),
      cell(g?.auc ?? null, interval(g?.ci95)),
      `<td class="num">${p}</td>`,
    ];
  });
  return table(
    "Gap prediction verdicts: does text help? The best text setting against the best text-free baseline (majority, stratified random, value, value x polarity or x stated, + country + topic), by nested cross-validated AUC; gain with a paired scenario bootstrap 95% CI and a paired permutation p. gap-posthoc is detection (the target's own explanation), not prediction.",
    ["Target", "Label", "Conclusion", "Best text-free", "AUC", "Best with text", "AUC", "AUC gain", "p"],
    rows,
    "gap-verdicts",
  ) + `<ul class="gap-verdicts">${verdicts.map((v) => `<li>${escapeHtml((v.sentence ?? "").replace(/\*\*/g, "").replace(/`/g, ""))}</li>`).join("")}</ul>`;
}

export function gapTable(inputs: FigureInputs): string | null {
  const rows: string[][] = [];
  for (const e of inputs.gap?.experiments ?? []) {
    rows.push([
      `<td>${escapeHtml(e.target ?? "")}</td>`,
      `<td>${escapeHtml(e.label ?? "")}</td>`,
      `<td>${escapeHtml(SETTING_LABEL[e.setting ?? ""] ?? e.setting ?? "")}</td>`,
      `<td>${escapeHtml(e.method ?? "")}</td>`,
      `<td class="num">${e.n ?? DASH}</td>`,
      cell(e.f1, interval(e.ci95?.f1)),
      cell(e.accuracy),
      cell(e.precision),
      cell(e.recall),
      cell(e.auc, interval(e.ci95?.auc)),
    ]);
  }
  for (const [target, settings] of Object.entries(inputs.results?.gap_prediction_fewshot ?? {})) {
    for (const [setting, s] of Object.entries(settings ?? {})) {
      rows.push([
        `<td>${escapeHtml(target)}</td>`,
        `<td>task2 choice</td>`,
        `<td>${escapeHtml(SETTING_LABEL[setting] ?? setting)}</td>`,
        `<td>few-shot LLM</td>`,
        `<td class="num">${typeof s.n === "number" ? s.n : DASH}</td>`,
        cell(s.f1, interval(s.ci95?.f1)),
        cell(s.accuracy, interval(s.ci95?.accuracy)),
        cell(s.precision),
        cell(s.recall),
        cell(null),
      ]);
    }
  }
  if (rows.length === 0) return null;
  return table("Gap prediction: scores per target, label, input setting and method (95% CI below when known).", ["Target", "Label", "Setting", "Method", "n", "F1", "Accuracy", "Precision", "Recall", "AUC"], rows, "gap-table");
}

export function riskTable(inputs: FigureInputs): string | null {
  const counts = inputs.results?.risk_counts;
  if (!counts || Object.keys(counts).length === 0) return null;
  return table(
    "Risk categories of misaligned examples (keyword tagging, first match wins).",
    ["Category", "Examples"],
    Object.entries(counts).map(([k, n]) => [`<td>${escapeHtml(k)}</td>`, `<td class="num">${n}</td>`]),
    "risk-table",
  );
}

/** Anchor id for a model section. */
export function anchor(model: string): string {
  return model.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "model";
}
