import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { importDataset } from "../../src/via/importDataset";
import { importTask2 } from "../../src/via/importTask2";
import { FEWSHOT_SETTINGS, MODEL_IDS, TASK2_FILES } from "../../src/via/models";
import { RISK_CATEGORIES, TABLE13, TABLE14, TABLE3, TABLE4, TABLE5, TABLE8 } from "../../src/reproduce/paperNumbers";
import { ResultsJsonSchema, type ResultsJson } from "../../src/results/schema";
import { skipWithoutData, viaDir } from "../helpers/data";

// Against the published data (../shared/via or VAL_DATA_DIR); skipped with one line when absent.
const skip = skipWithoutData();
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

describe("vag reproduce on the published data", { skip }, () => {
  let results: ResultsJson & Required<Pick<ResultsJson, "task2_prompt_agreement" | "gap_prediction_fewshot" | "risk_counts">>;
  let out: string;
  let stdout: string;
  before(() => {
    out = join(mkdtempSync(join(tmpdir(), "vag-repro-pub-")), "out");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "reproduce", "--data-dir", viaDir()!, "--out", out], {
      cwd: resolve(__dirname, "../.."),
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    stdout = r.stdout;
    // The one strict schema of results.json: an unknown or mistyped key fails here.
    const parsed = ResultsJsonSchema.parse(JSON.parse(readFileSync(join(out, "results.json"), "utf8")));
    results = { task2_prompt_agreement: {}, gap_prediction_fewshot: {}, risk_counts: {}, ...parsed };
  });

  test("Task 1 prompt agreement = Table 8 T1 to three decimals (Llama: documented 0.0009 gap)", () => {
    const withT1 = ["gpt-4o-mini", "claude-sonnet-4", "gemma-2-9b-it", "gpt-3.5-turbo", "gpt-4o"] as const;
    for (const m of withT1) assert.equal(round(results.models[m]!.task1_agreement!, 3), TABLE8.values[m]!.t1, m);
    // The published Llama file gives 0.9501 (printed 0.951): see REPRODUCTION.md / comparison.ts.
    const llama = results.models["llama-3.3-70b-instruct"]!.task1_agreement!;
    assert.equal(round(llama, 4), 0.9501);
    assert.ok(Math.abs(llama - TABLE8.values["llama-3.3-70b-instruct"]!.t1) < 0.001);
  });

  test("GPT-4o-mini: overall F1 0.564 as published; every Table 3 and Table 13 cell and Table 4 reproduce", () => {
    const mini = results.models["gpt-4o-mini"]!;
    assert.equal(round(mini.f1!.overall!, 3), 0.564);
    for (const c of COUNTRIES) assert.equal(round(mini.f1!.by_country![c]!, 2), TABLE3.values["gpt-4o-mini"]![c], c);
    for (const t of TOPICS) assert.equal(round(mini.f1!.by_topic![t]!, 3), TABLE13.values["gpt-4o-mini"]![t], t);
    const p = TABLE4.values["gpt-4o-mini"]!;
    assert.equal(mini.inconsistency!.stated_disagree_acted_agree, p.printedAD);
    assert.equal(mini.inconsistency!.stated_agree_acted_disagree, p.printedDA);
    assert.equal(round(mini.inconsistency!.share! * 100, 2), p.percent);
    const [lo, hi] = mini.f1!.ci95!.overall as [number, number];
    assert.ok(lo < mini.f1!.overall! && mini.f1!.overall! < hi);
  });

  test("Claude per-country F1 against Table 3: level agrees, single countries differ (documented)", () => {
    // The issue asked for every country within 0.02; the published Claude files give
    // 8 of 12 within 0.02 and all within 0.05 (India −0.047, Egypt +0.040, Uganda +0.035,
    // Australia −0.025). Pinned here so a change in either direction is noticed.
    const claude = results.models["claude-sonnet-4"]!.f1!;
    const printed = TABLE3.values["claude-sonnet-4"]!;
    const diffs = COUNTRIES.map((c) => Math.abs(claude.by_country![c]! - printed[c]));
    assert.equal(diffs.filter((d) => d <= 0.02).length, 8);
    assert.ok(Math.max(...diffs) < 0.05);
    const printedMean = COUNTRIES.reduce((s, c) => s + printed[c], 0) / COUNTRIES.length;
    assert.ok(Math.abs(claude.overall! - printedMean) < 0.003, `${claude.overall} vs ${printedMean}`);
  });

  test("few-shot gap prediction = Table 14 exactly", () => {
    for (const m of ["gpt-3.5-turbo", "llama-3.3-70b-instruct"] as const) {
      for (const s of FEWSHOT_SETTINGS) {
        const ours = results.gap_prediction_fewshot[m]![s];
        assert.equal(round(ours.f1!, 3), TABLE14.values[m]![s].f1, `${m} ${s}`);
        assert.equal(round(ours.accuracy!, 3), TABLE14.values[m]![s].accuracy, `${m} ${s}`);
        assert.equal(ours.n, 200);
        // intervals over the 200 shared items, one draw for all settings
        assert.equal(ours.ci95?.scheme, "items-paired");
        assert.ok(ours.ci95!.f1[0]! <= ours.f1! && ours.f1! <= ours.ci95!.f1[1]!, `${m} ${s} F1 inside its interval`);
        assert.equal(ours.ci95!.f1_gain_vs_default === undefined, s === "default", `${m} ${s} gain interval`);
      }
    }
  });

  test("risk counts = Table 5 exactly (480 tagged)", () => {
    assert.deepEqual(results.risk_counts, TABLE5.values);
    assert.equal(Object.values(results.risk_counts).reduce((a, b) => a + b, 0), 480);
  });

  test("country vs country: GPT-4o-mini aligns more in the United States than in five African and Asian countries (q <= 0.05); Claude: no pair", () => {
    const sig = (model: string, measure: string) =>
      results.comparisons!.filter((c) => c.kind === "country" && c.model === model && c.measure === measure && c.q! <= 0.05).map((c) => `${c.a}-${c.b}`).sort();
    assert.deepEqual(sig("gpt-4o-mini", "f1"), ["United States-India", "United States-Nigeria", "United States-Pakistan", "United States-Philippines", "United States-Uganda"]);
    assert.deepEqual(sig("claude-sonnet-4", "f1"), []);
  });

  test("Task 2 prompt agreement: the authors' notebook values from these files", () => {
    assert.equal(results.task2_prompt_agreement["gpt-4o-mini"], 0.9125);
    assert.equal(results.task2_prompt_agreement["qwen-qwq-32b"], 0.92);
    for (const m of ["llama-3.3-70b-instruct", "gpt-3.5-turbo"] as const) {
      assert.equal(round(results.task2_prompt_agreement[m]!, 3), TABLE8.values[m]!.t2, m);
    }
    for (const m of MODEL_IDS) {
      const iv = results.task2_prompt_agreement_ci95![m]!;
      assert.equal(iv.scheme, "items", m);
      assert.ok(iv.ci95[0]! < results.task2_prompt_agreement[m]! && results.task2_prompt_agreement[m]! < iv.ci95[1]!, `${m} inside its interval`);
    }
  });

  test("results.json: the one schema, every interval with its scheme; the keys tables and figures read", () => {
    assert.equal(results.simulated, false);
    assert.equal(results.protocol, "paper");
    assert.deepEqual(Object.keys(results.models), ["gpt-4o-mini", "claude-sonnet-4", "llama-3.3-70b-instruct", "gemma-2-9b-it", "gpt-3.5-turbo", "gpt-4o"]);
    assert.deepEqual(Object.keys(results.task2_prompt_agreement).sort(), [...MODEL_IDS].sort());
    assert.deepEqual(Object.keys(results.risk_counts), [...RISK_CATEGORIES]);
    for (const m of ["gpt-4o-mini", "claude-sonnet-4"] as const) {
      const x = results.models[m]!;
      for (const f of [x.f1!, x.f1_inverted!, x.kappa!]) {
        assert.deepEqual(Object.keys(f.by_country!), [...COUNTRIES]);
        assert.deepEqual(Object.keys(f.by_topic!), [...TOPICS]);
        assert.deepEqual(f.ci95!.scheme, { overall: "crossed", by_country: "topics", by_topic: "countries" });
        assert.equal(f.ci95!.resamples, 1000);
        assert.deepEqual(Object.keys(f.ci95!.by_country!), [...COUNTRIES]);
        for (const ci of [f.ci95!.overall, ...Object.values(f.ci95!.by_topic!)]) assert.ok(ci.length === 2 && ci[0]! <= ci[1]!);
      }
      assert.ok(x.f1_inverted!.overall! > 0.8, "the final notebooks' inverted F1 is ≈0.9");
      for (const d of [x.distance_group_mean!, x.distance_cell_mean!]) {
        assert.deepEqual(Object.keys(d.by_country.Egypt!), [...VALUES]);
        assert.deepEqual(Object.keys(d.by_topic.Religion!), [...VALUES]);
      }
      const rank = x.ranking!.by_country.Philippines!;
      assert.equal(rank.length, 56);
      for (let k = 1; k < rank.length; k++) assert.ok(rank[k - 1][1]! >= rank[k][1]!);
      // ranking distances are the figure (group-mean) form
      assert.equal(rank[0][1], x.distance_group_mean!.by_country.Philippines![rank[0][0]]);
      assert.equal(x.inconsistency!.ci95!.scheme, "crossed");
      // The paper protocol's single option order has no undecided pairs.
      assert.equal(x.undecided!.count, 0);
    }
    assert.deepEqual(Object.keys(results.models["gpt-4o"]!).filter((k) => k !== "protocol"), ["task1_agreement", "task1_agreement_ci95", "confidence", "refusals"]);
    assert.equal(results.models["gpt-4o"]!.task1_agreement_ci95!.scheme, "crossed");
    // Issue 12: the confidence section for every model with Task 1. Unstable stated values
    // (variants disagree) carry a gap several times more often than unanimous ones.
    const sources: Record<string, string> = {};
    for (const [m, x] of Object.entries(results.models)) {
      const c = x!.confidence!;
      sources[m] = c.source;
      assert.ok(c.unanimousShare! > 0.7 && c.unanimousShare! < 0.95, `${m} unanimous ${c.unanimousShare}`);
      assert.ok(c.ci95.unanimousShare[0]! <= c.unanimousShare! && c.unanimousShare! <= c.ci95.unanimousShare[1]!);
      assert.equal(c.counts.unanimous / c.counts.cells, c.unanimousShare);
      assert.ok(Object.keys(c.cells!).length >= 131); // GPT-4o (872 rows) has a scenario with fewer than 2 parsed variants
      if (c.source === "task1-only") {
        assert.equal(c.shareOfGapsInLowConfidence, null);
        continue;
      }
      assert.ok(c.gapRateNotUnanimous! > 2.5 * c.gapRateUnanimous!, `${m}: ${c.gapRateNotUnanimous} vs ${c.gapRateUnanimous}`);
      assert.equal(c.shareOfGapsInLowConfidence, c.counts.gapsNotUnanimous / (c.counts.gapsUnanimous + c.counts.gapsNotUnanimous));
      assert.ok(c.shareOfGapsInLowConfidence! > 0.2 && c.shareOfGapsInLowConfidence! < 0.7, `${m} share ${c.shareOfGapsInLowConfidence}`);
      if (c.source === "task2") {
        // gaps on real choices only, and every one of them is also counted by Table 4's inconsistency
        assert.ok(c.counts.gapsUnanimous + c.counts.gapsNotUnanimous <= x!.inconsistency!.total);
        assert.ok(c.f1Confident!.ci95[0]! <= c.f1Confident!.value! && c.f1Confident!.value! <= c.f1Confident!.ci95[1]!);
      } else assert.equal(c.f1Confident, null);
    }
    assert.deepEqual(sources, {
      "gpt-4o-mini": "task2",
      "claude-sonnet-4": "task2",
      "llama-3.3-70b-instruct": "misaligned-examples",
      "gemma-2-9b-it": "misaligned-examples",
      "gpt-3.5-turbo": "misaligned-examples",
      "gpt-4o": "task1-only",
    });
    assert.deepEqual(Object.keys(results.gap_prediction_fewshot), ["llama-3.3-70b-instruct", "gpt-3.5-turbo"]);
  });

  test("every non-reproducing cell of every table has a cause; REPRODUCTION.md says all inputs match", () => {
    for (const id of ["table3", "table4", "table8", "table13", "table14", "table5", "table9", "table10", "table2"]) {
      const lines = readFileSync(join(out, `${id}.csv`), "utf8").trim().split("\n").slice(1);
      assert.ok(lines.length > 0);
      for (const l of lines) {
        if (l.includes(",differs,") || l.includes(",not computable,")) assert.ok(!l.includes("difference not explained"), l);
      }
    }
    const md = readFileSync(join(out, "REPRODUCTION.md"), "utf8");
    assert.match(md, /all 42 files present match the sha256 of MANIFEST\.md/);
    // Issue 10: intervals with their scheme, the null sentence, kappa, top-5 stability and the paired model comparison.
    assert.match(md, /F1 \(positive = disagree\) 0\.564 \[0\.\d{3}, 0\.\d{3}\] \(95% CI, crossed bootstrap: countries and topics resampled independently, 1000 resamples/);
    assert.match(md, /Alignment \(F1\) 0\.564 exceeds what value base rates alone give by 0\.\d{3} \(within-value permutation null F1/);
    assert.match(md, /Top 5 of the overall ranking \(largest gap first\): 1\. /);
    assert.match(md, /f1: gpt-4o-mini - claude-sonnet-4 = 0\.\d{3} \[/);
    assert.match(md, /misaligned_examples\/chatgpt_misaligned_example_early\.csv \| – \| – \| – \| – \| file skipped: broken early export/);
    assert.ok(stdout.includes(join(out, "REPRODUCTION.md")));
  });
});

describe("importers on the published data", { skip }, () => {
  test("Task 2: 7,194 GPT-4o-mini pairs (55 values) and 7,329 Claude pairs, one record per (scenario, value)", () => {
    const mini = importTask2(viaDir()!, "gpt-4o-mini", TASK2_FILES["gpt-4o-mini"]!);
    const claude = importTask2(viaDir()!, "claude-sonnet-4", TASK2_FILES["claude-sonnet-4"]!);
    assert.equal(mini.records.length, 7194);
    assert.equal(mini.stats.rowsRead, 14388);
    assert.ok(!mini.records.some((r) => r.value === "Unity With Nature"));
    assert.equal(claude.records.length, 7329);
    assert.equal(claude.stats.parsed.failed, 0);
  });

  test("dataset: 14,784 rows, 61 refusals, every row a validated generate record", () => {
    const ds = importDataset(viaDir()!);
    assert.equal(ds.records.length, 14784);
    assert.equal(ds.refusals, 61);
    assert.equal(ds.stats.skipped.refusal, 61);
    assert.ok(ds.usablePairs >= 7329 && ds.usablePairs <= 7392 - 61);
    assert.equal(ds.records[0].datasetRow, 0);
    assert.equal(ds.records[14783].datasetRow, 14783);
    assert.ok(ds.records.every((r) => r.source === "import" && r.variant === 5));
  });
});
