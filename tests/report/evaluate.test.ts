import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromiumMissing, chromiumPath, CHROMIUM_ARGS } from "../../src/figures/render";
import { runTask } from "../../src/pipeline/run";
import { startSimServer, type SimServer } from "../../src/sim";
import { runVag } from "../helpers/cli";
import { skipWithoutData, viaDir } from "../helpers/data";

/** `vag evaluate` with two simulated models (different seeds, so different answers): one comparative report, checked in headless Chromium. */

let simA: SimServer;
let simB: SimServer;
let root = "";
let actions = "";
let modelsFile = "";
before(async () => {
  simA = await startSimServer({ port: 0, seed: 1 });
  simB = await startSimServer({ port: 0, seed: 2 });
  root = mkdtempSync(join(tmpdir(), "vag-evaluate-"));
  actions = join(root, "actions");
  const scope = { countries: ["Nigeria", "India"], topics: ["Politics", "Religion"], values: [], variants: [5], order: "counterbalanced", replicates: 1 } as never;
  const { VALUES } = await import("../../src/catalog");
  await runTask({ task: "generate", model: "sim-a", runDir: actions, baseUrl: simA.url, protocol: "robust", scope: { ...(scope as object), values: [...VALUES] } as never, cacheDir: join(root, "cache"), yes: true, log: () => {}, progress: false, concurrency: 16 });
  modelsFile = join(root, "models.json");
  writeFileSync(
    modelsFile,
    JSON.stringify({
      models: [
        { id: "sim-a", baseUrl: simA.url, pricePerMillion: { input: 0.15, output: 0.6 }, batchDiscount: 0.5, concurrency: 16 },
        { id: "sim-b", baseUrl: simB.url, pricePerMillion: { input: 0.3, output: 1.2 }, concurrency: 16 },
      ],
    }),
  );
});
after(async () => {
  await simA.close();
  await simB.close();
});

test("vag evaluate: two models, one run directory each, one report with a leaderboard and the pairwise tests", { timeout: 300_000 }, async () => {
  const runRoot = join(root, "runs");
  const out = join(root, "report");
  const r = await runVag([
    "evaluate", "--models-file", modelsFile, "--models", "sim-a,sim-b", "--run-root", runRoot, "--actions", actions,
    "--countries", "Nigeria,India", "--topics", "Politics,Religion", "--task1-variants", "0-1", "--seed", "3",
    "--cache-dir", join(root, "cache"), "--yes", "--out", out,
  ]);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  for (const m of ["sim-a", "sim-b"]) {
    assert.ok(existsSync(join(runRoot, m, "task1.jsonl")));
    assert.ok(existsSync(join(runRoot, m, "task2.jsonl")));
  }
  assert.match(r.stdout, /comparative report: .*index\.html \(2 models; SIMULATED/);
  assert.match(r.stdout, new RegExp(`report --from ${runRoot}/\\*`));

  if (chromiumMissing()) return;
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await page.waitForSelector("body[data-charts-ready]", { timeout: 120_000 });
    assert.deepEqual(errors, []);
    assert.match((await page.textContent(".simulated"))!, /SIMULATED results/);
    const rows = await page.locator("#leaderboard-table tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-model"), ...[...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")]));
    assert.deepEqual(rows.map((x) => x[0]).sort(), ["sim-a", "sim-b"]);
    for (const [, source, f1, kappa, nul, undecided, cost] of rows) {
      assert.equal(source, "run");
      assert.match(f1!, /^\d\.\d{3} \[-?\d\.\d{3}, \d\.\d{3}\]$/, "F1 with its CI");
      assert.match(kappa!, /^-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\]$/, "kappa with its CI");
      assert.match(nul!, /^[+-]\d\.\d{3} \(null \d\.\d{3}, p [=<] \d\.\d{3}\)$/);
      assert.match(undecided!, /^\d+\.\d% of \d+$/);
      assert.match(cost!, /^\$\d\.\d{4} \(live \$\d\.\d{4}, batch \$\d\.\d{4}\)$/);
    }
    // best F1 first
    const f1s = rows.map((x) => Number(x[2]!.split(" ")[0]));
    assert.ok(f1s[0] >= f1s[1]);
    const pairs = await page.locator("#comparisons-table tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-pair"), ...[...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")]));
    assert.deepEqual(pairs.map((p) => p[0]).sort(), ["sim-a|sim-b|f1", "sim-a|sim-b|kappa"]);
    for (const [, , diff, p, q, n] of pairs) {
      assert.match(diff!, /^-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\]$/);
      assert.match(p!, /^p [=<] \d\.\d{3}$/);
      assert.match(q!, /^\d\.\d{3}$/);
      assert.equal(n, "4", "the four shared scenarios");
    }
  } finally {
    await browser.close();
  }
});

test("vag evaluate --batch (export, submit, fetch through the simulator's Batch API) gives the records of the live evaluation", { timeout: 300_000 }, async () => {
  const { evaluateModels } = await import("../../src/pipeline/evaluate");
  const { readLines } = await import("../pipeline/helpers");
  const { VALUES } = await import("../../src/catalog");
  const scope = (variants: number[], values: readonly string[]) =>
    ({ countries: ["Nigeria", "India"], topics: ["Politics", "Religion"], values: [...values], variants, order: "counterbalanced", replicates: 1 }) as never;
  const common = { modelsFile, models: ["sim-a", "sim-b"], task1Scope: scope([0, 1], VALUES), task2Scope: scope([5], VALUES), actions, protocol: "robust" as const, seed: 3, yes: true, progress: false, log: () => {} };
  const live = await evaluateModels({ ...common, runRoot: join(root, "live"), cacheDir: join(root, "cache-live") });
  const batch = await evaluateModels({ ...common, runRoot: join(root, "batch"), cacheDir: join(root, "cache-batch"), batch: true, pollMs: 50 });
  assert.equal(batch.failures, 0);
  const answers = (file: string) =>
    Object.fromEntries(readLines(file).map(({ createdAt: _c, latencyMs: _l, cached: _k, batch: _b, ...rest }) => [rest.id, rest]));
  for (let i = 0; i < 2; i++)
    for (const t of ["task1.jsonl", "task2.jsonl"]) {
      const a = answers(join(live.runDirs[i], t));
      assert.ok(Object.keys(a).length > 0);
      assert.deepEqual(answers(join(batch.runDirs[i], t)), a, `${batch.runDirs[i]}/${t}`);
    }
  assert.ok(readLines(join(batch.runDirs[0], "task2.jsonl")).every((l) => typeof l.batch === "string"));
});

test("the report of evaluated runs beside out/reproduce: one leaderboard with the published models", { timeout: 300_000, skip: skipWithoutData() }, async () => {
  const { writeReport } = await import("../../src/report/write");
  const reproduce = join(root, "reproduce");
  const r = await runVag(["reproduce", "--data-dir", viaDir()!, "--out", reproduce]);
  assert.equal(r.code, 0, r.stderr);
  const out = join(root, "with-published");
  const w = writeReport([join(root, "runs", "sim-a"), join(root, "runs", "sim-b"), reproduce], out);
  const html = readFileSync(w.path, "utf8");
  const board = html.slice(html.indexOf('id="leaderboard-table"'), html.indexOf("</table>", html.indexOf('id="leaderboard-table"')));
  const rows = [...board.matchAll(/<tr data-model="([^"]+)"><th[^>]*>.*?<\/th><td>(run|published)<\/td><td class="num">([^<]*)/g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(rows.filter((x) => x[1] === "run").map((x) => x[0]).sort(), ["sim-a", "sim-b"]);
  const published = rows.filter((x) => x[1] === "published");
  assert.ok(published.length >= 2, JSON.stringify(rows));
  assert.ok(published.every((x) => /^\d\.\d{3}/.test(x[2])), "published F1 shown");
  assert.match(html, /id="comparisons-table"/);
});
