import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeReport } from "../../src/report/write";
import { refusalsJson, refusalSummary, type RefusalRecord } from "../../src/results/refusals";
import { resultsJsonText, type ResultsJson } from "../../src/results/schema";
import { syntheticResults } from "../helpers/figureData";

const rec = (country: RefusalRecord["country"], reason: string | null, extra: Partial<RefusalRecord> = {}): RefusalRecord => ({
  error: null,
  parse: reason === null ? { status: "ok" } : { status: "failed", reason },
  country,
  topic: "Religion",
  ...extra,
});

test("report: a refusal table per model and the dataset's, read from results.json, text escaped", () => {
  const results: ResultsJson = syntheticResults();
  const [first, second] = Object.keys(results.models);
  const task1 = [rec("Egypt", "refusal"), rec("Egypt", "refusal"), rec("India", "<b>odd</b> reason"), rec("India", null), rec("Egypt", null)];
  results.models[first] = { ...results.models[first], refusals: refusalsJson({ task1 }, { seed: 1 })! };
  const gen = [rec("Egypt", "refusal", { value: "Equality", polarity: "negative" }), rec("India", null, { value: "Wealth", polarity: "positive" })];
  results.dataset_refusals = { model: "gen<model>", file: "dataset.csv", ...refusalSummary(gen, { seed: 1 }) };
  const t2 = [rec("Egypt", "refusal", { value: "Loyal" }), rec("Egypt", null, { value: "Loyal" }), rec("India", null, { value: "Wealth" })];
  results.task2_prompt_agreement_refusals = { "pa<model>": refusalSummary(t2, { seed: 1 }) };
  const dir = join(mkdtempSync(join(tmpdir(), "vag-report-refusals-")), "in");
  mkdirSync(dir);
  writeFileSync(join(dir, "results.json"), resultsJsonText(results));
  const out = mkdtempSync(join(tmpdir(), "vag-report-refusals-out-"));
  const html = readFileSync(writeReport([dir], out, { now: new Date("2025-01-01T00:00:00Z") }).path, "utf8");

  // In the first model's section, not in the second's (it has no refusal section).
  const section = (m: string) => {
    const start = html.indexOf(`<section id="model-${m.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}"`);
    assert.ok(start >= 0, m);
    return html.slice(start, html.indexOf("</section>", start));
  };
  const mine = section(first);
  assert.match(mine, /<h3>Refusals<\/h3>/);
  const row = /<tr><th scope="row">Task 1<\/th>(.*?)<\/tr>/.exec(mine)![1];
  const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells.slice(0, 2), ["5", "2 (40.00%)"]);
  assert.equal(cells[2], "1 (20.00%)<br><small>&lt;b&gt;odd&lt;/b&gt; reason: 1</small>");
  // Egypt 2 of 3, India 0 of 2: exact p = 0.4 (tests/results/refusals.test.ts works it by hand).
  assert.equal(cells[3], "Egypt 2 of 3 (exact p = 0.400)");
  assert.equal(cells[5], "&ndash;");
  assert.doesNotMatch(section(second), /Refusals/);
  // The dataset's table among the across-model tables; the generating model's name escaped.
  assert.match(html, /<table id="dataset-refusals"><caption>Refusals in the VIA dataset's generations \(gen&lt;model&gt;, dataset\.csv\)/);
  assert.match(html, /Equality 1 of 1 \(too few to test\)/);
  // The published prompt-robustness answers' Task 2 refusals, one row per model, names escaped.
  const pa = /<table id="prompt-agreement-refusals">(.*?)<\/table>/s.exec(html)![1];
  assert.match(pa, /<th scope="row">pa&lt;model&gt;<\/th><td class="num">3<\/td><td class="num">1 \(33\.33%\)<\/td>/);
  assert.match(pa, /Loyal 1 of 2 \(too few to test\)/);
  assert.doesNotMatch(html, /<b>odd<\/b>|gen<model>|pa<model>/);
});
