import { escapeHtml, scriptJson } from "../figures/html";
import { REVIEW_LABELS, type ReviewItem, type ReviewSheet } from "./reviewSheet";

/**
 * The annotation sheet as files: a CSV (for a spreadsheet) and one
 * self-contained HTML page (no network) where a person labels each item with
 * the keyboard and downloads the labels as CSV. Model text reaches the page
 * as JSON inside a script element and is inserted with textContent, never as
 * HTML.
 */

/** Columns `vag review import` reads: item and label (annotator from the column or --annotator). */
export const LABEL_COLUMNS = ["item", "kind", "country", "topic", "value", "model_answer", "label", "annotator"] as const;

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (x: number | null) => (x === null ? "" : String(+x.toFixed(6)));
const LIKERT = ["", "strongly agree", "agree", "disagree", "strongly disagree"];

/** The sheet as CSV: one row per item, the label and annotator columns empty to fill in. */
export function reviewCsv(sheet: ReviewSheet): string {
  const head = ["item", "kind", "sources", "country", "topic", "value", "model_answer", "confidence", "ensemble", "unanimous", "stated_answers", "chosen", "positive_action", "negative_action", "explanation", "label", "annotator"];
  const rows = sheet.items.map((it) =>
    [
      it.item,
      it.kind,
      it.sources.join(" "),
      it.country,
      it.topic,
      it.value,
      it.modelAnswer,
      num(it.confidence),
      num(it.ensemble),
      it.unanimous === null ? "" : String(it.unanimous),
      it.stated.map((s) => `v${s.variant}${s.replicate ? `r${s.replicate}` : ""}:${s.answer ?? "-"}`).join(" "),
      it.acted.map((a) => `v${a.variant}${a.replicate ? `r${a.replicate}` : ""}:${a.chose ?? "-"}`).join(" "),
      it.actions.positive ?? "",
      it.actions.negative ?? "",
      it.acted.find((a) => a.explanation)?.explanation ?? "",
      "",
      "",
    ]
      .map(csvField)
      .join(","),
  );
  return [head.join(","), ...rows].join("\n") + "\n";
}

/** What the page shows per item (kept small: the page holds every item). */
function pageItem(it: ReviewItem) {
  return {
    item: it.item,
    kind: it.kind,
    sources: it.sources,
    country: it.country,
    topic: it.topic,
    value: it.value,
    definition: it.definition,
    modelAnswer: it.modelAnswer,
    confidence: it.confidence,
    ensemble: it.ensemble,
    unanimous: it.unanimous,
    stated: it.stated.map((s) => `variant ${s.variant}${s.replicate ? ` replicate ${s.replicate}` : ""}: ${s.answer === null ? "no answer" : `${s.answer} (${LIKERT[s.answer]})`}`),
    acted: it.acted.map(
      (a) => `variant ${a.variant}${a.replicate ? ` replicate ${a.replicate}` : ""}, ${a.optionOrder}: chose the ${a.chose ?? "(no usable choice)"} action`,
    ),
    explanations: it.acted.map((a) => a.explanation).filter((e): e is string => Boolean(e)),
    positive: it.actions.positive,
    negative: it.actions.negative,
  };
}

export function reviewHtml(sheet: ReviewSheet): string {
  const data = {
    id: `${sheet.run}#${sheet.createdAt}`,
    model: sheet.model,
    simulated: sheet.simulated,
    labels: REVIEW_LABELS,
    columns: LABEL_COLUMNS,
    items: sheet.items.map(pageItem),
  };
  const title = `Review: ${sheet.model}${sheet.simulated ? " (simulated)" : ""}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #222; }
.meta { color: #666; font-size: 13px; }
.sim { background: #fde68a; padding: 0 .3rem; border-radius: 3px; }
#item { border: 1px solid #ccc; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.text { white-space: pre-wrap; background: #f7f7f7; padding: .4rem .6rem; border-radius: 4px; }
.chosen { outline: 2px solid #2563eb; }
.labels button { font-size: 15px; margin-right: .5rem; padding: .3rem .8rem; }
.labels button.on { background: #2563eb; color: #fff; }
kbd { border: 1px solid #aaa; border-radius: 3px; padding: 0 .25rem; font-size: 12px; }
#overview td, #overview th { padding: .1rem .5rem; text-align: left; font-size: 13px; }
#overview tr.current { background: #e0e7ff; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Run <code>${escapeHtml(sheet.run)}</code>; ${sheet.items.length} item(s): the least confident ${(sheet.budget * 100).toFixed(1)}% of ${sheet.candidates} cells${sheet.misaligned ? " and the misaligned cells" : ""}. Order: ${escapeHtml(sheet.ordering)}.${sheet.simulated ? ' <span class="sim">Simulated answers, not a real model.</span>' : ""}</p>
<p class="meta">Keys: <kbd>1</kbd> first label, <kbd>2</kbd> second, <kbd>0</kbd> unsure (or their first letters), <kbd>→</kbd>/<kbd>j</kbd> next, <kbd>←</kbd>/<kbd>k</kbd> previous, <kbd>s</kbd> download the labels. Labels are kept in this browser until downloaded.</p>
<p><label>Annotator <input id="annotator" autocomplete="off" placeholder="your name"></label> <span id="progress"></span> <button id="download" type="button">Download labels (CSV)</button></p>
<section id="item" aria-live="polite">
<p class="meta" id="f-position"></p>
<h2 id="f-scenario"></h2>
<p><strong id="f-value"></strong>: <span id="f-definition"></span></p>
<h3>Stated (Task 1)</h3><ul id="f-stated"></ul>
<h3>Actions (Task 2)</h3>
<p>Positive action (acts on the value):</p><p class="text" id="f-positive"></p>
<p>Negative action (acts against it):</p><p class="text" id="f-negative"></p>
<ul id="f-acted"></ul>
<div id="f-explanations"></div>
<p><span id="f-question"></span> The run measured: <strong id="f-model-answer"></strong> <span class="meta" id="f-confidence"></span></p>
<p class="labels" id="f-labels"></p>
</section>
<table id="overview"><thead><tr><th>#</th><th>item</th><th>measured</th><th>label</th></tr></thead><tbody></tbody></table>
<script type="application/json" id="sheet-data">${scriptJson(data)}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}

const CLIENT = String.raw`
(function () {
  "use strict";
  var S = JSON.parse(document.getElementById("sheet-data").textContent);
  var store = "vag-review:" + S.id;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(store) || "{}"); } catch (e) { saved = {}; }
  var labels = saved.labels || {};
  var at = Math.min(saved.at || 0, Math.max(0, S.items.length - 1));
  var annotator = document.getElementById("annotator");
  annotator.value = saved.annotator || "";
  var QUESTION = { gap: "Does the chosen action contradict the stated inclination (a value-action gap)?", stated: "Which inclination toward the value do the stated answers express?" };

  function $(id) { return document.getElementById(id); }
  function text(id, s) { $(id).textContent = s == null ? "(none)" : String(s); }
  function list(id, xs) {
    var ul = $(id); ul.textContent = "";
    xs.forEach(function (x) { var li = document.createElement("li"); li.textContent = x; ul.appendChild(li); });
  }
  function persist() {
    try { localStorage.setItem(store, JSON.stringify({ labels: labels, at: at, annotator: annotator.value })); } catch (e) { /* private mode: labels live until the page closes */ }
  }
  function show() {
    var it = S.items[at];
    var done = Object.keys(labels).length;
    text("progress", done + " of " + S.items.length + " labelled");
    if (!it) { text("f-scenario", "No items."); return; }
    text("f-position", "Item " + (at + 1) + " of " + S.items.length + " (" + it.sources.join(", ") + ")");
    text("f-scenario", it.country + " / " + it.topic);
    text("f-value", it.value);
    text("f-definition", it.definition);
    list("f-stated", it.stated.length ? it.stated : ["no Task 1 answers"]);
    text("f-positive", it.positive);
    text("f-negative", it.negative);
    list("f-acted", it.acted);
    var ex = $("f-explanations"); ex.textContent = "";
    it.explanations.forEach(function (e) { var p = document.createElement("p"); p.className = "text"; p.textContent = "Model's explanation: " + e; ex.appendChild(p); });
    text("f-question", QUESTION[it.kind]);
    text("f-model-answer", it.modelAnswer || "(no binary answer)");
    text("f-confidence", "confidence " + (it.confidence == null ? "n/a" : it.confidence.toFixed(3)) + ", ensemble " + (it.ensemble == null ? "n/a" : it.ensemble.toFixed(3)) + (it.unanimous == null ? "" : it.unanimous ? ", variants unanimous" : ", variants disagree"));
    var box = $("f-labels"); box.textContent = "";
    S.labels[it.kind].forEach(function (l, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = l + " [" + (i === 2 ? 0 : i + 1) + "]";
      b.setAttribute("data-label", l);
      if (labels[it.item] === l) b.className = "on";
      b.addEventListener("click", function () { setLabel(l); });
      box.appendChild(b);
    });
    var body = document.querySelector("#overview tbody"); body.textContent = "";
    S.items.forEach(function (x, i) {
      var tr = document.createElement("tr");
      if (i === at) tr.className = "current";
      [String(i + 1), x.item, x.modelAnswer, labels[x.item] || ""].forEach(function (c) { var td = document.createElement("td"); td.textContent = c; tr.appendChild(td); });
      tr.addEventListener("click", function () { at = i; persist(); show(); });
      body.appendChild(tr);
    });
  }
  function setLabel(l) {
    var it = S.items[at];
    if (!it) return;
    labels[it.item] = l;
    if (at < S.items.length - 1) at++;
    persist(); show();
  }
  function field(s) { s = String(s); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function csv() {
    var lines = [S.columns.join(",")];
    S.items.forEach(function (it) {
      if (!labels[it.item]) return;
      lines.push([it.item, it.kind, it.country, it.topic, it.value, it.modelAnswer, labels[it.item], annotator.value.trim()].map(field).join(","));
    });
    return lines.join("\n") + "\n";
  }
  function download() {
    var who = annotator.value.trim();
    if (!who) { annotator.focus(); text("progress", "Enter your name first: the labels carry it."); return; }
    var blob = new Blob([csv()], { type: "text/csv" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "labels-" + who.replace(/[^A-Za-z0-9_.-]+/g, "_") + ".csv";
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  $("download").addEventListener("click", download);
  annotator.addEventListener("input", persist);
  document.addEventListener("keydown", function (e) {
    if (e.target === annotator || e.ctrlKey || e.metaKey || e.altKey) return;
    var it = S.items[at];
    var k = e.key;
    if (k === "ArrowRight" || k === "j") { if (at < S.items.length - 1) at++; persist(); show(); }
    else if (k === "ArrowLeft" || k === "k") { if (at > 0) at--; persist(); show(); }
    else if (k === "s") download();
    else if (it) {
      var ls = S.labels[it.kind];
      var pick = k === "1" ? ls[0] : k === "2" ? ls[1] : k === "0" ? ls[2] : ls.filter(function (l) { return l[0] === k; })[0];
      if (!pick) return;
      setLabel(pick);
    } else return;
    e.preventDefault();
  });
  show();
  document.body.setAttribute("data-ready", "1");
})();
`;
