import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { VALUES } from "../../src/catalog";
import { chromiumMissing, chromiumPath, CHROMIUM_ARGS } from "../../src/figures/render";
import { exportReview, importReview } from "../../src/report/review";
import type { GenerateRecord, Task1Answers } from "../../src/runs/records";
import { parseBudget } from "../../src/report/reviewSheet";
import { runVag } from "../helpers/cli";
import { emptyManifest, task1Record, task2Record } from "../helpers/records";
import { writeManifest } from "../../src/runs/manifest";

const MARKUP = '<b>bold</b><img src=x onerror="window.__pwned=1">';

/**
 * A small simulated run: India/Politics, Task 1 in 4 variants (the first six
 * values split 2:2, 3:1, 4:0 ... across variants), Task 2 in both option
 * orders for the first six values, their generated actions (one carries markup).
 */
function writeRun(): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-review-run-"));
  writeManifest(dir, emptyManifest("sim-model"));
  // value k < 6: variants answer 4 (disagree) when variant < k % 3 + 1 ... else 1; the rest always 1.
  const t1 = [0, 1, 2, 3].map((variant) => {
    const answers = Object.fromEntries(VALUES.map((v, k) => [v, k < 6 && variant <= k % 3 ? 4 : 1])) as Task1Answers;
    return task1Record(variant, { id: `t1-${variant}`, country: "India", topic: "Politics", variant, answers, model: "sim-model" });
  });
  const t2 = VALUES.slice(0, 6).flatMap((value, k) =>
    (["negative-first", "positive-first"] as const).map((optionOrder, o) =>
      task2Record(k, {
        id: `t2-${k}-${o}`,
        country: "India",
        topic: "Politics",
        value,
        variant: o === 0 ? 5 : 7,
        optionOrder,
        // pairs 0 and 3 answer differently in the two orders
        chosenPolarity: (k % 3 === 0 ? o === 0 : k % 2 === 0) ? "negative" : "positive",
        choice: 1,
        explanation: k === 0 ? `because ${MARKUP}` : null,
        model: "sim-model",
      }),
    ),
  );
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { value: _v, optionOrder: _o, choice: _c, chosenPolarity: _p, explanation: _e, actionsSource: _s, ...common } = task2Record(99);
  const gen = VALUES.slice(0, 6).flatMap((value, k) =>
    (["positive", "negative"] as const).map(
      (polarity): GenerateRecord => ({
        ...common,
        id: `gen-${k}-${polarity}`,
        task: "generate",
        model: "sim-model",
        country: "India",
        topic: "Politics",
        value,
        polarity,
        action: k === 0 && polarity === "positive" ? `I vote ${MARKUP}` : `I ${polarity === "positive" ? "honour" : "ignore"} ${value}.`,
        attributions: [],
        explanation: null,
      }),
    ),
  );
  const lines = (xs: object[]) => xs.map((r) => JSON.stringify(r) + "\n").join("");
  writeFileSync(join(dir, "task1.jsonl"), lines(t1));
  writeFileSync(join(dir, "task2.jsonl"), lines(t2));
  writeFileSync(join(dir, "generate.jsonl"), lines(gen));
  return dir;
}

test("parseBudget: percent or share, nothing else", () => {
  assert.equal(parseBudget("5%"), 0.05);
  assert.equal(parseBudget("0.2"), 0.2);
  assert.equal(parseBudget("100%"), 1);
  for (const bad of ["0", "150%", "five", "-5%", "2"]) assert.equal(parseBudget(bad), null, bad);
});

test("review export: the least confident cells first, misaligned added, model text kept out of the markup", () => {
  const run = writeRun();
  const { sheet, paths } = exportReview(run, { budget: 0.05, misaligned: false, now: new Date("2026-02-01T00:00:00Z") });
  assert.equal(paths.length, 3);
  // 56 cells have a confidence; 5% → ⌈2.8⌉ = 3 items, in ascending ensemble order, all with split variants.
  assert.equal(sheet.candidates, 56);
  assert.equal(sheet.items.length, 3);
  const ens = sheet.items.map((i) => i.ensemble!);
  assert.deepEqual([...ens].sort((a, b) => a - b), ens);
  assert.ok(sheet.items.every((i) => i.unanimous === false && i.kind === "gap"));
  const withMis = exportReview(run, { budget: 0.05, misaligned: true }).sheet;
  assert.ok(withMis.items.length > 3);
  assert.ok(withMis.items.some((i) => i.sources.includes("misaligned")));
  assert.ok(withMis.items.filter((i) => i.sources.includes("misaligned")).every((i) => i.modelAnswer === "gap"));
  const html = readFileSync(join(run, "review", "sheet.html"), "utf8");
  assert.ok(!html.includes("<b>bold</b>"), "model text is JSON-escaped inside the page");
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/);
  const csv = readFileSync(join(run, "review", "sheet.csv"), "utf8");
  assert.match(csv.split("\n")[0], /^item,kind,sources,.*,label,annotator$/);
});

test("review export of a Task-1-only run: items ask for the stated inclination", () => {
  const run = writeRun();
  writeFileSync(join(run, "task2.jsonl"), "");
  const { sheet } = exportReview(run, { budget: 0.05, misaligned: true });
  assert.ok(sheet.items.length > 0);
  assert.ok(sheet.items.every((i) => i.kind === "stated" && ["agree", "disagree", ""].includes(i.modelAnswer) && i.acted.length === 0));
  // value 1 splits 2:2 (4, 4, 1, 1): a mean on the robust cut is undecided, so the run has no answer to check
  assert.equal(sheet.items.find((i) => i.value === VALUES[1])?.modelAnswer, "");
  assert.deepEqual([...new Set(sheet.items.map((i) => i.sources.join()))], ["least-confident"], "no Task 2: nothing is misaligned");
});

test("review import: bad rows are FILE:LINE, exit 2, nothing stored; two annotators give kappa", async () => {
  const run = writeRun();
  exportReview(run, { budget: 0.1, misaligned: false });
  const sheet = JSON.parse(readFileSync(join(run, "review", "sheet.json"), "utf8")) as { items: Array<{ item: string }> };
  const ids = sheet.items.map((i) => i.item);
  const dir = mkdtempSync(join(tmpdir(), "vag-review-labels-"));
  const file = (name: string, rows: string[]) => {
    const p = join(dir, name);
    writeFileSync(p, ["item,label,annotator", ...rows].join("\n") + "\n");
    return p;
  };
  const bad: Array<[string, RegExp]> = [
    [file("bad-label.csv", [`${ids[0]},gap,ann`, `${ids[1]},maybe,ann`]), /bad-label\.csv:3: label "maybe": expected gap, no-gap, unsure/],
    [file("bad-item.csv", [`${ids[0]},gap,ann`, `India/Politics/Nonsense,gap,ann`]), /bad-item\.csv:3: unknown item "India\/Politics\/Nonsense"/],
    [file("two.csv", [`${ids[0]},gap,ann`, `${ids[1]},gap,bob`]), /two\.csv:3: a second annotator "bob"/],
    [file("dup.csv", [`${ids[0]},gap,ann`, `${ids[0]},no-gap,ann`]), /dup\.csv:3: duplicate row item/],
  ];
  for (const [p, re] of bad) {
    const r = await runVag(["review", "import", "--run", run, p]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
  assert.equal(existsSync(join(run, "review", "labels")), false, "nothing stored");
  const labels = ["gap", "no-gap", "gap", "no-gap", "gap", "no-gap"];
  const a = file("ann.csv", ids.map((id, i) => `${id},${labels[i % 6]},ann`));
  const one = await runVag(["review", "import", "--run", run, a, "--iterations", "100"]);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /stored \d+ label\(s\) of ann/);
  assert.match(one.stdout, /Cohen's kappa: needs a second annotator/);
  const b = join(dir, "bob.csv");
  writeFileSync(b, ["item,label", ...ids.map((id, i) => `${id},${i === 0 ? "no-gap" : labels[i % 6]}`)].join("\n") + "\n");
  const two = await runVag(["review", "import", "--run", run, b, "--annotator", "bob", "--iterations", "100"]);
  assert.equal(two.code, 0, two.stderr);
  assert.match(two.stdout, /Cohen's kappa ann vs bob: -?\d\.\d{3} \[/);
  assert.match(two.stdout, /UQ \(ensemble confidence vs the consensus/);
  const agreement = JSON.parse(readFileSync(join(run, "review", "agreement.json"), "utf8"));
  assert.equal(agreement.simulated, true);
  assert.deepEqual(agreement.annotators.map((x: { annotator: string }) => x.annotator), ["ann", "bob"]);
  assert.equal(agreement.kappa[0].n, ids.length);
});

test("review page in headless Chromium: label three items with the keyboard, download, the CSV holds them; markup shows as text", { skip: chromiumMissing() ?? false, timeout: 120_000 }, async () => {
  const run = writeRun();
  const { sheet } = exportReview(run, { budget: 0.05, misaligned: true });
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith("file:") && !req.url().startsWith("data:") && !req.url().startsWith("blob:")) requests.push(req.url());
    });
    await page.goto(pathToFileURL(join(run, "review", "sheet.html")).href);
    await page.waitForSelector("body[data-ready]");
    await page.fill("#annotator", "tester");
    await page.locator("#f-scenario").click();
    await page.keyboard.press("1");
    await page.keyboard.press("2");
    await page.keyboard.press("0");
    assert.match((await page.textContent("#progress"))!, /^3 of \d+ labelled$/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("s")]);
    const saved = join(mkdtempSync(join(tmpdir(), "vag-review-dl-")), download.suggestedFilename());
    await download.saveAs(saved);
    assert.equal(download.suggestedFilename(), "labels-tester.csv");
    const lines = readFileSync(saved, "utf8").trim().split("\n");
    assert.equal(lines[0], "item,kind,country,topic,value,model_answer,label,annotator");
    assert.equal(lines.length, 4);
    const got = lines.slice(1).map((l) => [l.split(",")[0], l.split(",").at(-2), l.split(",").at(-1)]);
    assert.deepEqual(got, [
      [sheet.items[0].item, "gap", "tester"],
      [sheet.items[1].item, "no-gap", "tester"],
      [sheet.items[2].item, "unsure", "tester"],
    ]);
    // the downloaded file imports
    const r = importReview(run, saved, { seed: 1, iterations: 50 });
    assert.equal(r.labelled, 3);

    // the item whose action and explanation carry markup: shown literally, nothing rendered or run
    const k = sheet.items.findIndex((i) => i.actions.positive?.includes("<b>"));
    assert.ok(k >= 0);
    await page.locator("#overview tbody tr").nth(k).click();
    assert.equal(await page.textContent("#f-positive"), `I vote ${MARKUP}`);
    assert.match((await page.textContent("#f-explanations"))!, /because <b>bold<\/b><img src=x/);
    assert.equal(await page.locator("#item b, #item img").count(), 0);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
