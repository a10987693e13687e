import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FileLineError } from "../../src/errors";
import { chromiumMissing, chromiumPath, CHROMIUM_ARGS } from "../../src/figures/render";
import { writeReport } from "../../src/report/write";
import { syntheticGap, syntheticMatrices, syntheticMisaligned, syntheticResults, writeSyntheticRun } from "../helpers/figureData";

function inputDir(opts: { simulated?: boolean } = {}): { dir: string; gap: string } {
  const root = mkdtempSync(join(tmpdir(), "vag-report-"));
  const dir = join(root, "reproduce");
  const gap = join(root, "gap");
  require("node:fs").mkdirSync(dir);
  require("node:fs").mkdirSync(gap);
  writeFileSync(join(dir, "results.json"), JSON.stringify(syntheticResults(opts)));
  writeFileSync(join(dir, "matrices.json"), JSON.stringify(syntheticMatrices()));
  writeFileSync(join(dir, "misaligned.json"), JSON.stringify(syntheticMisaligned(40)));
  writeFileSync(join(gap, "results.json"), JSON.stringify(syntheticGap()));
  return { dir, gap };
}

test("report: one self-contained page with summary, tables, charts and examples", () => {
  const { dir, gap } = inputDir();
  const out = mkdtempSync(join(tmpdir(), "vag-report-out-"));
  const r = writeReport([dir, gap], out, { now: new Date("2025-01-01T00:00:00Z") });
  assert.equal(r.path, join(out, "index.html"));
  assert.equal(r.models, 2);
  assert.equal(r.examples, 40);
  const html = readFileSync(r.path, "utf8");
  // plotly inlined exactly once, no external scripts or stylesheets
  assert.equal(html.split("* plotly.js v").length - 1, 1);
  assert.equal((html.match(/<script/g) ?? []).length, 2);
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+href=/);
  assert.match(html, /id="summary-table"/);
  assert.match(html, /id="f1-country-table"/);
  assert.match(html, /id="gap-table"/);
  assert.match(html, /id="gap-verdicts"/);
  assert.match(html, /no detectable gain from text in prediction &lt;i&gt;as text&lt;\/i&gt;/);
  assert.match(html, /stated disagree, acted agree/);
  assert.doesNotMatch(html, /SIMULATED results/);
  // example text is data, not markup: the "<b>" in the synthetic action is escaped in the JSON
  assert.doesNotMatch(html, /<b>not bold<\/b>/);
});

test("report: simulated results carry a banner and simulated chart titles", () => {
  const { dir } = inputDir({ simulated: true });
  const out = mkdtempSync(join(tmpdir(), "vag-report-out-"));
  const r = writeReport([dir], out);
  assert.equal(r.simulated, true);
  const html = readFileSync(r.path, "utf8");
  assert.match(html, /SIMULATED results\./);
  assert.match(html, /\(simulated\)/);
});

test("report of a run directory: misaligned examples derived from its records, with action and explanation", () => {
  const run = mkdtempSync(join(tmpdir(), "vag-report-run-"));
  writeSyntheticRun(run);
  const out = mkdtempSync(join(tmpdir(), "vag-report-out-"));
  const r = writeReport([run], out);
  assert.equal(r.simulated, true);
  assert.equal(r.examples, 1);
  const html = readFileSync(r.path, "utf8");
  const json = JSON.parse(/var EXAMPLES = (.*);\n/.exec(html)![1]);
  assert.deepEqual(json, [
    {
      model: "sim-model",
      country: "India",
      topic: "Politics",
      value: "Wealth",
      stated: "disagree",
      acted: "agree",
      action: "I save money for my family.",
      explanation: "Money keeps my family safe.",
      // one Task 1 variant only: whether the stated value is stable is unknown
      unstable: null,
    },
  ]);
  // a misaligned.json in the run directory wins over derived examples
  writeFileSync(join(run, "misaligned.json"), JSON.stringify(syntheticMisaligned(3, ["sim-model"])));
  assert.equal(writeReport([run], out).examples, 3);
});

test("report from a directory with only misaligned.json: the searchable list alone", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-report-mis-"));
  writeFileSync(join(dir, "misaligned.json"), JSON.stringify({ simulated: true, examples: syntheticMisaligned(5) }));
  const out = mkdtempSync(join(tmpdir(), "vag-report-out-"));
  const r = writeReport([dir], out);
  assert.equal(r.examples, 5);
  assert.equal(r.charts, 0);
  assert.equal(r.simulated, true);
});

test("report: malformed misaligned.json is FILE:LINE and writes nothing", () => {
  const { dir } = inputDir();
  writeFileSync(join(dir, "misaligned.json"), '[\n  {"model": "m", "country": "India"}\n]\n');
  const out = mkdtempSync(join(tmpdir(), "vag-report-out-"));
  assert.throws(
    () => writeReport([dir], out),
    (e: unknown) => e instanceof FileLineError && e.line === 2 && /misaligned\.json:2: /.test(e.message) && e.exitCode === 2,
  );
  assert.equal(existsSync(join(out, "index.html")), false);
});

test("report in headless Chromium: no console errors, every chart drew, filters narrow the list", { skip: chromiumMissing() ?? false, timeout: 120_000 }, async () => {
  const { dir, gap } = inputDir();
  const out = mkdtempSync(join(tmpdir(), "vag-report-out-"));
  const r = writeReport([dir, gap], out);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) requests.push(req.url());
    });
    await page.goto(pathToFileURL(r.path).href);
    await page.waitForSelector("body[data-charts-ready]", { timeout: 90_000 });
    const charts = await page.locator(".chart").count();
    assert.ok(charts > 10, `expected many charts, got ${charts}`);
    assert.equal(await page.getAttribute("body", "data-charts-ready"), String(charts));
    assert.equal(await page.locator('.chart[data-plotly-ready="1"]').count(), charts);
    assert.ok((await page.locator(".chart .main-svg").count()) >= charts);

    const count = async () => Number(await page.getAttribute("#examples-count", "data-count"));
    assert.equal(await count(), 40);
    assert.equal(await page.locator("tr.example").count(), 40);
    const model = "model-a";
    await page.selectOption("#f-model", model);
    const byModel = await count();
    assert.ok(byModel > 0 && byModel < 40, `model filter gave ${byModel}`);
    const models = await page.locator("tr.example td:first-child").allTextContents();
    assert.ok(models.every((m) => m === model));
    await page.fill("#f-search", "number 3");
    const searched = await count();
    assert.ok(searched >= 1 && searched < byModel, `search gave ${searched}`);
    const actions = await page.locator("tr.example td.text").allTextContents();
    assert.ok(actions.some((a) => a.includes("number 3")));
    // the action's "<b>" is shown as text, not rendered as markup
    assert.equal(await page.locator("tr.example b").count(), 0);
    await page.click("#f-reset");
    assert.equal(await count(), 40);

    // switching the ranking picker redraws the chart without errors
    const picker = page.locator("select.figure-picker").first();
    const options = await picker.locator("option").allTextContents();
    await picker.selectOption({ index: options.length - 1 });
    await page.waitForTimeout(200);

    const shot = join(out, "report.png");
    await page.screenshot({ path: shot, fullPage: false });
    const png = readFileSync(shot);
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
