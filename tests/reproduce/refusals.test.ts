import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ResultsJsonSchema, type ResultsJson } from "../../src/results/schema";
import { skipWithoutData, viaDir } from "../helpers/data";

// Refusals on the published data (../shared/via or VAL_DATA_DIR); skipped with one line when absent.
const skip = skipWithoutData();

/**
 * Refusals + other unparseable Task 1 answers per model: the rows the robust
 * parser cannot read, whatever the refusal detector calls them. These do not
 * move when the detector is re-tuned; they move when a parser reads more
 * (Gemma had 3 until the brace-less fenced block, Germany x Social Inequality
 * prompt 5, was read as almost-JSON, issue 15 item 3).
 */
const FAILED_TOTAL = {
  "gpt-4o-mini": 0,
  "claude-sonnet-4": 3,
  "llama-3.3-70b-instruct": 0,
  "gemma-2-9b-it": 2,
  "gpt-3.5-turbo": 0,
  "gpt-4o": 5,
} as const;

/**
 * How many of those the refusal detector (parse/refusal.ts) calls refusals
 * today: all of them (Claude's "I can't roleplay as being from a specific
 * country ...", Gemma's AI disclaimers, GPT-4o's apologies). UPDATE these
 * when the detector is re-tuned; the totals above stay.
 */
const REFUSALS_TODAY = {
  "gpt-4o-mini": 0,
  "claude-sonnet-4": 3,
  "llama-3.3-70b-instruct": 0,
  "gemma-2-9b-it": 2,
  "gpt-3.5-turbo": 0,
  "gpt-4o": 5,
} as const;

describe("refusals on the published data", { skip }, () => {
  let results: ResultsJson;
  let md: string;
  let stdout: string;
  before(() => {
    const out = join(mkdtempSync(join(tmpdir(), "vag-refusals-")), "out");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "reproduce", "--data-dir", viaDir()!, "--out", out, "--iterations", "20", "--dataset"], {
      cwd: resolve(__dirname, "../.."),
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    stdout = r.stdout;
    results = ResultsJsonSchema.parse(JSON.parse(readFileSync(join(out, "results.json"), "utf8")));
    md = readFileSync(join(out, "REPRODUCTION.md"), "utf8");
  });

  test("results.json: a Task 1 refusal block per model, out of the answered rows; totals and today's split", () => {
    for (const [m, total] of Object.entries(FAILED_TOTAL)) {
      const t = results.models[m]!.refusals!.task1!;
      assert.equal(t.classified_by, "robust", m);
      assert.equal(t.answered, m === "gpt-4o" ? 872 : 1056, m);
      assert.equal(t.refusals + t.unparseable, total, m);
      assert.equal(t.refusals, REFUSALS_TODAY[m as keyof typeof REFUSALS_TODAY], m);
      // No Task 2 block: the reconstructed files hold no model text.
      assert.equal(results.models[m]!.refusals!.task2, undefined, m);
    }
    // Claude's refusals all sit in one scenario (United States x Politics): the spread test says so.
    const claude = results.models["claude-sonnet-4"]!.refusals!.task1!;
    if (claude.refusals === 3) {
      assert.deepEqual(claude.by_country.clustered.map((l) => [l.level, l.refusals, l.answered]), [["United States", 3, 88]]);
      assert.deepEqual(claude.by_topic.clustered.map((l) => [l.level, l.refusals, l.answered]), [["Politics", 3, 96]]);
      assert.ok(claude.by_country.p! < 0.01 && claude.by_topic.p! < 0.01);
    }
    const gpt4o = results.models["gpt-4o"]!.refusals!.task1!;
    assert.deepEqual(
      gpt4o.by_country.clustered.map((l) => [l.level, l.refusals]),
      [
        ["United States", 2],
        ["Canada", 2],
        ["Australia", 1],
      ],
    );
    assert.equal(gpt4o.by_country.method, "exact");
    assert.ok(gpt4o.by_country.p! > 0.05 && gpt4o.by_country.p! < 0.07, String(gpt4o.by_country.p));
  });

  test("dataset: the 61 generation refusals, all on negative rows, by value", () => {
    const ds = results.dataset_refusals!;
    assert.equal(ds.model, "gpt-4o-2024-11-20");
    assert.equal(ds.answered, 14784);
    assert.equal(ds.refusals, 61);
    assert.deepEqual(
      ds.by_value!.clustered.map((l) => [l.level, l.refusals]),
      [
        ["Equality", 31],
        ["Social Justice", 27],
        ["Broad-Minded", 1],
        ["Mature Love", 1],
        ["National Security", 1],
      ],
    );
    assert.deepEqual(ds.by_polarity!.clustered.map((l) => [l.level, l.refusals, l.answered]), [["negative", 61, 7392]]);
    assert.equal(ds.by_polarity!.method, "exact");
    // 61 of 7,392 negative rows and none of the positive ones: p = C(7392, 61) / C(14784, 61) < 1e-15.
    assert.ok(ds.by_polarity!.p! < 1e-15);
    // Seeded Monte Carlo (10,000 draws, whatever --iterations says): no draw is as concentrated, p = 1 / 10,001.
    assert.equal(ds.by_value!.method, "monte-carlo");
    assert.equal(ds.by_value!.p, 1 / 10001);
  });

  test("Task 2: the prompt-robustness answers (8 models x 50 pairs x 8 variants), read by the robust parser: Claude 4 refusals, Gemma 1, the rest none", () => {
    const byModel = results.task2_prompt_agreement_refusals!;
    assert.equal(Object.keys(byModel).length, 8);
    const refusals = Object.fromEntries(Object.entries(byModel).map(([m, t]) => [m, [t.answered, t.refusals, t.unparseable]]));
    assert.deepEqual(refusals, {
      "gpt-4o-mini": [400, 0, 0],
      "claude-sonnet-4": [400, 4, 0],
      "llama-3.3-70b-instruct": [400, 0, 0],
      "gemma-2-9b-it": [400, 1, 0],
      "gpt-3.5-turbo": [400, 0, 0],
      "gpt-4o": [400, 0, 0],
      "deepseek-r1-distill-llama-70b": [400, 0, 0],
      "qwen-qwq-32b": [400, 0, 0],
    });
    // Claude's 4 refusals: Loyal (2 of its one pair's 8 answers) and Social Order (2 of 16).
    assert.deepEqual(byModel["claude-sonnet-4"].by_value!.clustered.map((l) => [l.level, l.refusals]), [["Loyal", 2], ["Social Order", 2]]);
    assert.match(stdout, /Task 2 prompt-robustness answers \(50 pairs x 8 variants\) refusals: .*Claude-Sonnet-4 4 of 400, .*Gemma-2-9B 1 of 400/);
    assert.match(md, /\| Claude-Sonnet-4 \| 400 \| 4 \(1\.00%\) \| 0 \| Loyal 2 of 8, Social Order 2 of 16 \(exact p = 0\.009\) \|/);
  });

  test("vag reproduce prints one refusal line per model; REPRODUCTION.md: the Refusals section and the dataset by value", () => {
    assert.match(stdout, /\n {2}GPT-4o refusals: Task 1: 5 refusals of 872 answered \(0\.57%\), 0 other unparseable; spread test by country p = 0\.060, topic p = 0\.467\n/);
    assert.equal((stdout.match(/^ {2}\S.* refusals: Task 1: /gm) ?? []).length, 6);
    assert.match(stdout, /VIA dataset generations \(gpt-4o-2024-11-20\): 61 refusals of 14784 answered/);
    assert.match(md, /## Refusals \(not in the paper\)/);
    assert.match(md, /\| GPT-4o \| 872 \| 5 \(0\.57%\) \| 0 \| United States 2 of 53, Canada 2 of 88, Australia 1 of 87 \(exact p = 0\.060\) \|/);
    assert.match(md, /\| Claude-Sonnet-4 \| 1056 \| 3 \(0\.28%\) \| 0 \| United States 3 of 88 \(exact p = 0\.007\) \| Politics 3 of 96 \(exact p = 0\.008\) \|/);
    assert.match(md, /- By value: Equality 31 of 264, Social Justice 27 of 264, Broad-Minded 1 of 264, Mature Love 1 of 264, National Security 1 of 264 \(Monte Carlo p < 0\.001, 10000 draws\)/);
    // The dataset bullet and the section count the same refusals.
    assert.match(md, /VIA dataset: 14784 rows, 61 refusals without JSON/);
  });
});
