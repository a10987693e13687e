import { escapeHtml } from "../figures/html";
import type { ResultsJson } from "../figures/results";
import { ciText, fmt, pText, SCHEME_TEXT } from "../results/describe";
import type { ComparisonJson, ModelResultsJson } from "../results/schema";
import { DASH } from "./tables";

/**
 * The leaderboard of every model of the report (evaluated runs beside the
 * paper's published models) and the pairwise tests between the evaluated
 * models on their shared scenarios. Pure: results.json entries -> HTML; the
 * numbers come from src/results (modelResults, compareModels).
 */

function num(x: number | null | undefined, ci?: readonly [number | null, number | null] | null): string {
  if (typeof x !== "number" || !Number.isFinite(x)) return `<td class="num">${DASH}</td>`;
  const c = ci ? ciText(ci) : "";
  return `<td class="num">${x.toFixed(3)}${c ? ` <small>${c}</small>` : ""}</td>`;
}

const usd = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? `$${x.toFixed(4)}` : DASH);

export function leaderboardHtml(results: ResultsJson | undefined, runModels: ReadonlySet<string>): string | null {
  const all = Object.entries((results?.models ?? {}) as Record<string, ModelResultsJson>);
  const f1Of = (m: ModelResultsJson) => (typeof m.f1?.overall === "number" && Number.isFinite(m.f1.overall) ? m.f1.overall : null);
  // A model without both tasks (e.g. a published model with Task 1 answers only) has no alignment to rank.
  const models = all.filter(([, m]) => f1Of(m) !== null);
  const without = all.filter(([, m]) => f1Of(m) === null).map(([id]) => id);
  if (models.length < 2) return null;
  models.sort((a, b) => f1Of(b[1])! - f1Of(a[1])!);
  const rows = models.map(([id, m]) => {
    const nul = m.null_f1;
    const adjusted = nul && typeof m.f1?.overall === "number" && typeof nul.mean === "number" ? m.f1.overall - nul.mean : null;
    const und = m.undecided;
    const cost = m.cost;
    return (
      `<tr data-model="${escapeHtml(id)}"><th scope="row">${escapeHtml(id)}${m.simulated ? " <small>(simulated)</small>" : ""}</th>` +
      `<td>${runModels.has(id) ? "run" : "published"}</td>` +
      num(m.f1?.overall, m.f1?.ci95?.overall ?? null) +
      num(m.kappa?.overall, m.kappa?.ci95?.overall ?? null) +
      `<td class="num">${adjusted === null ? DASH : `${adjusted >= 0 ? "+" : ""}${adjusted.toFixed(3)} <small>(null ${fmt(nul!.mean)}, ${pText(nul!.p)})</small>`}</td>` +
      `<td class="num">${und && typeof und.share === "number" ? `${(und.share * 100).toFixed(1)}% <small>of ${und.cells}</small>` : DASH}</td>` +
      `<td class="num">${cost ? `${usd(cost.spent_usd)} <small>(live ${usd(cost.live_usd)}, batch ${usd(cost.batch_usd)})</small>` : DASH}</td></tr>`
    );
  });
  const comparisons = ((results?.comparisons ?? []) as ComparisonJson[]).filter((c) => c.kind === "model");
  const cmpRows = comparisons.map(
    (c) =>
      `<tr data-pair="${escapeHtml(`${c.a}|${c.b}|${c.measure}`)}"><th scope="row">${escapeHtml(c.a)} &minus; ${escapeHtml(c.b)}</th><td>${escapeHtml(c.measure)}</td>` +
      num(c.diff, c.ci95) +
      `<td class="num">${pText(c.p)}</td><td class="num">${fmt(c.q)}</td><td class="num">${c.n}</td><td><small>${escapeHtml(SCHEME_TEXT[c.scheme] ?? c.scheme)}, ${c.resamples} resamples, seed ${c.seed}</small></td></tr>`,
  );
  const board =
    `<div class="table-wrap"><table id="leaderboard-table"><caption>Every model, best F1 first. F1 (positive = disagree) and Cohen's kappa with 95% CIs (crossed bootstrap: countries and topics resampled independently); ` +
    `null-adjusted = F1 minus the mean F1 of the within-value permutation null (what value base rates alone give), with its p; undecided = Task 2 pairs whose two option orders chose different actions; ` +
    `cost = what the run spent, and its tokens at the live and the batch price.</caption>` +
    `<thead><tr><th>Model</th><th>Source</th><th>F1</th><th>Kappa</th><th>Null-adjusted F1</th><th>Undecided</th><th>Cost</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
  const pairs =
    cmpRows.length > 0
      ? `<h3>Pairwise tests between the evaluated models</h3><div class="table-wrap"><table id="comparisons-table"><caption>Mean difference of the per-scenario measure over the scenarios both models answered, ` +
        `its 95% CI and two-sided p from the crossed bootstrap of the difference (the same resampled countries and topics for both models); q = Benjamini-Hochberg over the pairs of one measure.</caption>` +
        `<thead><tr><th>Pair (a &minus; b)</th><th>Measure</th><th>Difference</th><th>p</th><th>q</th><th>Scenarios</th><th>Resampling</th></tr></thead><tbody>${cmpRows.join("")}</tbody></table></div>`
      : `<p class="note">No pairwise tests: they need at least two evaluated run directories of one protocol with Task 1 and Task 2 on shared scenarios.</p>`;
  const left = without.length > 0 ? `<p class="note">Not ranked (no F1: Task 1 or Task 2 missing): ${without.map(escapeHtml).join(", ")}.</p>` : "";
  return `<section id="leaderboard"><h2>Leaderboard</h2>${board}${left}${pairs}</section>`;
}
