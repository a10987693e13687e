import type { NamedFigure } from "../figures/figure";
import { escapeHtml, scriptJson } from "../figures/html";
import { INTERACTIVE_CONFIG, plotlyScriptTag } from "../figures/render";
import type { FigureInputs } from "../figures/results";
import { CLIENT_SCRIPT } from "./clientScript";
import type { MisalignedExample } from "./misaligned";
import { leaderboardHtml } from "./leaderboard";
import { modelSummaries } from "./summary";
import { anchor, comparisonsTable, f1Table, gapTable, gapVerdictTable, riskTable, sensitivityTable, summaryTable } from "./tables";
import { modelFacts } from "./facts";
import { datasetRefusalTable, promptAgreementRefusalTable, refusalTable } from "./refusals";

/**
 * The static report page (`index.html`), the first thing a person opens:
 * a summary table, one section per model (its summary, heatmaps, stated vs
 * acted, ranking bars behind a picker), the across-model charts and tables,
 * and a searchable, filterable list of misaligned examples. Self-contained:
 * plotly.js inlined once, data embedded as JSON, no network. Simulated
 * results carry a banner and "(simulated)" in every chart title.
 * Pure: inputs -> HTML string.
 */
export interface ReportInput {
  inputs: FigureInputs;
  figures: readonly NamedFigure[];
  examples: readonly MisalignedExample[];
  /** Where the numbers came from, shown in the header. */
  sources: readonly string[];
  /** ISO time shown in the footer (injected so the page is reproducible in tests). */
  generatedAt: string;
  title?: string;
  /** Models whose numbers come from run directories (the rest are published or reproduced). */
  runModels?: ReadonlySet<string>;
}

export function reportHtml(r: ReportInput): string {
  const title = r.title ?? "Value-action gap report";
  const figs = r.figures;
  const models = [...new Set(figs.map((f) => f.model).filter((m): m is string => m !== undefined))];
  const resultModels = Object.keys(r.inputs.results?.models ?? {});
  const allModels = [...new Set([...resultModels, ...models])];
  const index = new Map(figs.map((f, i) => [f.name, i]));
  const chart = (i: number, id?: string) => `<div class="chart"${id ? ` id="${id}"` : ""} data-figure="${i}"></div>`;

  const modelSections = allModels.map((model) => {
    const own = figs.filter((f) => f.model === model);
    const plain = own.filter((f) => !/\/ranking-/.test(f.name));
    const ranking = own.filter((f) => /\/ranking-/.test(f.name));
    const id = anchor(model);
    const s = modelSummaries(r.inputs, [model])[0];
    const facts = modelFacts(s).map(escapeHtml);
    const sensitivity = sensitivityTable(model, s.results);
    const refusals = refusalTable(model, id, s.results);
    const picker =
      ranking.length > 0
        ? `<h3>Value rankings</h3><label>Ranking for <select class="figure-picker" data-target="rank-${id}">${ranking
            .map((f) => `<option value="${index.get(f.name)}">${escapeHtml(f.title.replace(`${model}: `, ""))}</option>`)
            .join("")}</select></label>${chart(index.get(ranking[0].name)!, `rank-${id}`)}`
        : "";
    return (
      `<section id="model-${escapeHtml(id)}" class="model"><h2>${escapeHtml(model)}</h2>` +
      (facts.length ? `<ul class="facts">${facts.map((f) => `<li>${f}</li>`).join("")}</ul>` : "<p>No summary numbers for this model.</p>") +
      plain.map((f) => `<h3>${escapeHtml(f.title)}</h3>${chart(index.get(f.name)!)}`).join("") +
      picker +
      (sensitivity ? `<h3>Sensitivity</h3>${sensitivity}` : "") +
      (refusals ? `<h3>Refusals</h3>${refusals}` : "") +
      `</section>`
    );
  });

  const across = figs.filter((f) => f.model === undefined);
  const tables = [
    f1Table(r.inputs, allModels, "country"),
    f1Table(r.inputs, allModels, "topic"),
    // The leaderboard (several runs) lists its pairwise tests itself.
    (r.runModels?.size ?? 0) >= 2 ? null : comparisonsTable(r.inputs.results?.comparisons),
    gapVerdictTable(r.inputs),
    gapTable(r.inputs),
    riskTable(r.inputs),
    datasetRefusalTable(r.inputs.results),
    promptAgreementRefusalTable(r.inputs.results),
  ].filter(
    (t): t is string => t !== null,
  );
  const acrossSection =
    across.length + tables.length > 0
      ? `<section id="across"><h2>Across models</h2>${across.map((f) => `<h3>${escapeHtml(f.title)}</h3>${chart(index.get(f.name)!)}`).join("")}<h3>Tables</h3>${tables.join("")}</section>`
      : "";

  const examplesSection = `<section id="misaligned"><h2>Misaligned examples</h2>
${
  r.examples.length === 0
    ? `<p class="note">No misaligned examples: put a misaligned.json (list of {model, country, topic, value, stated, acted, action, explanation}) in a --from directory to list them here.</p>`
    : `<p class="note">Cells where the model's stated inclination (Task 1) and its action choice (Task 2) disagree, with the chosen action and its explanation. Filter by model, country, topic and value, or search the text.</p>
<div class="filters">
<label>Model <select id="f-model"><option value="">all</option></select></label>
<label>Country <select id="f-country"><option value="">all</option></select></label>
<label>Topic <select id="f-topic"><option value="">all</option></select></label>
<label>Value <select id="f-value"><option value="">all</option></select></label>
<label>Search <input id="f-search" type="search" placeholder="words in action or explanation"></label>
<button id="f-reset" type="button">Reset</button>
</div>
<p id="examples-count" aria-live="polite"></p>
<div class="table-wrap"><table id="examples"><thead><tr><th>Model</th><th>Country</th><th>Topic</th><th>Value</th><th>Gap</th><th>Action</th><th>Explanation</th></tr></thead><tbody></tbody></table></div>
<button id="examples-more" type="button" hidden>Show more</button>`
}
</section>`;

  const leaderboard = leaderboardHtml(r.inputs.results, r.runModels ?? new Set());
  const toc = [
    `<li><a href="#summary">Summary</a></li>`,
    leaderboard ? `<li><a href="#leaderboard">Leaderboard</a></li>` : "",
    ...allModels.map((m) => `<li><a href="#model-${escapeHtml(anchor(m))}">${escapeHtml(m)}</a></li>`),
    acrossSection ? `<li><a href="#across">Across models</a></li>` : "",
    `<li><a href="#misaligned">Misaligned examples (${r.examples.length})</a></li>`,
  ].join("");

  const banner = r.inputs.simulated
    ? `<div class="simulated" role="note"><b>SIMULATED results.</b> These numbers come from the built-in simulated model (a seeded respondent with a planted gap), not from a real LLM. They demonstrate the pipeline and say nothing about real models.</div>`
    : "";

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}${r.inputs.simulated ? " (simulated)" : ""}</title>
<style>
body{font-family:Arial,'Liberation Sans',Helvetica,sans-serif;margin:0 auto;max-width:1500px;padding:16px 24px;color:#222;line-height:1.4}
h1{font-size:24px;margin-bottom:4px} h2{font-size:20px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:36px} h3{font-size:15px;margin:22px 0 6px}
nav ul{columns:3;font-size:14px} .note,.meta{color:#555;font-size:13px}
.simulated{background:#fff3e0;border:2px solid #e65100;padding:10px 14px;margin:12px 0;font-size:15px}
.chart{overflow-x:auto;min-height:40px} .table-wrap{overflow-x:auto;margin:10px 0}
table{border-collapse:collapse;font-size:13px} caption{text-align:left;color:#555;padding:4px 0;caption-side:top}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left} td.num{text-align:right;white-space:nowrap}
thead th{background:#f5f5f5;position:sticky;top:0} small{color:#666}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:8px 0} .filters label{display:flex;flex-direction:column;font-size:12px;color:#444}
.filters select,.filters input{font-size:13px;padding:3px;max-width:240px} #f-search{width:260px}
#examples td.text{min-width:260px;max-width:520px} #examples td.gap{white-space:nowrap}
ul.facts{font-size:14px}
</style>
${plotlyScriptTag()}
</head><body>
<header><h1>${escapeHtml(title)}</h1>
${banner}
<p class="meta">Sources: ${r.sources.map(escapeHtml).join("; ") || "none"}. ${allModels.length} model(s), ${figs.length} chart(s), ${r.examples.length} misaligned example(s).</p>
</header>
<nav><ul>${toc}</ul></nav>
<section id="summary"><h2>Summary</h2>${allModels.length ? summaryTable(modelSummaries(r.inputs, allModels)) : "<p>No model results.</p>"}
<p class="note">F1 ("alignment rate") compares the binarised stated inclination (Task 1) with the action choice (Task 2) per scenario, positive class = disagree as in the paper; kappa is its chance-corrected counterpart; distance = |mean stated - mean acted| per country or topic (0 = aligned); "stated disagree, acted agree" counts cells where the model says it disagrees with a value but picks the action that endorses it. Every interval is a 95% percentile bootstrap interval that respects the crossed design (12 countries x 11 topics): overall figures resample countries and topics independently, per-country figures a country's topics, per-topic figures a topic's countries. An undecided pair (counterbalanced Task 2 whose two option orders picked different actions) is left out of F1, kappa and inconsistency and is not a gap.</p></section>
${leaderboard ?? ""}
${modelSections.join("\n")}
${acrossSection}
${examplesSection}
<footer class="meta"><p>Generated ${escapeHtml(r.generatedAt)} by value-action-lens (vag report). Everything on this page is inline; it needs no network.</p></footer>
<script>
var FIGURES = ${scriptJson(figs.map((f) => f.figure))};
var CONFIG = ${scriptJson(INTERACTIVE_CONFIG)};
var EXAMPLES = ${scriptJson(r.examples)};
${CLIENT_SCRIPT}
</script>
</body></html>
`;
}
