import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { ResultsJsonSchema } from "../../src/results/schema";
import { MISALIGNED_FILES, TASK1_FILES, TASK2_AGREEMENT_FILES, TASK2_FILES, FEWSHOT_SETTINGS, fewShotFile, MODEL_IDS } from "../../src/via/models";

// `vag reproduce` end to end on a tiny synthetic data directory in the
// published layout (generated here; no published data needed).
const ROOT = resolve(__dirname, "../..");

function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8" });
}

function syntheticDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-repro-"));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const m of MODEL_IDS) {
    const t1 = TASK1_FILES[m];
    if (t1) put(t1, 'country,topic,response,prompt_index\nEgypt,Religion,"{""Social Power"": ""4""}",0\nEgypt,Religion,"{""Social Power"": ""3""}",1\n');
    const t2 = TASK2_FILES[m];
    if (t2) {
      put(
        t2.path,
        "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n0,Egypt,Religion,Social Power,positive,True,5\n1,Egypt,Religion,Social Power,negative,False,5\n",
      );
    }
    const mis = MISALIGNED_FILES[m];
    if (mis) {
      put(
        mis.path,
        ',country,topic,value,T1_response,T2_response,action\n0,Egypt,Religion,Wealth,negative,positive,"{\'Human Action\': \'I fight bias at work\', \'Feature Attributions\': [\'bias\'], \'Natural Language Explanation\': \'why\'}"\n',
      );
    }
    const agr = TASK2_AGREEMENT_FILES[m];
    if (agr) {
      const evals = Array.from({ length: 8 }, (_, v) => `"{'action': 'Option ${v % 2 === 0 ? 2 : 1}'}"`).join(",");
      put(agr, `country,topic,value,option1,option2,${Array.from({ length: 8 }, (_, v) => `evaluation_${v}`).join(",")}\nEgypt,Religion,Wealth,I spend,I save,${evals}\n`);
    }
    for (const s of FEWSHOT_SETTINGS) {
      const f = fewShotFile(m, s);
      if (f) put(f, ",label,result\n0,True,Label: True\n1,False,Label: True\n");
    }
  }
  return dir;
}

test("vag reproduce: synthetic layout runs end to end and writes every output", () => {
  const dataDir = syntheticDataDir();
  const out = join(mkdtempSync(join(tmpdir(), "vag-repro-out-")), "out");
  const r = run(["reproduce", "--data-dir", dataDir, "--out", out, "--iterations", "50"]);
  assert.equal(r.status, 0, r.stderr);
  for (const f of ["results.json", "REPRODUCTION.md", "table3.csv", "table3.md", "table4.csv", "table8.csv", "table13.md", "table14.csv", "table14.md"]) {
    assert.ok(existsSync(join(out, f)), f);
    assert.ok(r.stdout.includes(join(out, f)), `stdout lists ${f}`);
  }
  const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
  assert.deepEqual(Object.keys(results), ["simulated", "protocol", "models", "task2_prompt_agreement", "task2_prompt_agreement_ci95", "task2_prompt_agreement_refusals", "gap_prediction_fewshot", "gap_prediction_fewshot_baselines", "risk_counts", "comparisons"]);
  type Cmp = { kind: string; a: string; b: string; measure: string; model?: string; scheme: string; q?: number };
  const cmps = results.comparisons as Cmp[];
  assert.deepEqual(cmps.filter((c) => c.kind === "model").map((c) => `${c.a}|${c.b}|${c.measure}`), ["gpt-4o-mini|claude-sonnet-4|f1", "gpt-4o-mini|claude-sonnet-4|kappa"]);
  // Country vs country for each model with both tasks: the 66 pairs of 12 countries per measure, topics as paired units, BH q each.
  for (const model of ["gpt-4o-mini", "claude-sonnet-4"])
    for (const measure of ["f1", "kappa"]) {
      const mine = cmps.filter((c) => c.kind === "country" && c.model === model && c.measure === measure);
      assert.equal(mine.length, 66, `${model} ${measure}`);
      assert.ok(mine.every((c) => c.scheme === "topics" && typeof c.q === "number"));
    }
  ResultsJsonSchema.parse(results); // the one strict schema
  // one misaligned example per file, each "I fight bias": six Discrimination tags
  assert.equal(results.risk_counts.Discrimination, 6);
  // few-shot: 1 TP, 1 FP → precision 0.5, recall 1, F1 2/3, accuracy 0.5
  const { ci95: fewShotCi, ...fewShotDefault } = results.gap_prediction_fewshot["gpt-3.5-turbo"].default;
  assert.deepEqual(fewShotDefault, { f1: 2 / 3, accuracy: 0.5, precision: 0.5, recall: 1, n: 2 });
  // Table 14 intervals: items resampled once for all settings; the baseline setting has no gain interval
  assert.equal(fewShotCi.scheme, "items-paired");
  assert.equal(fewShotCi.resamples, 50);
  assert.equal(fewShotCi.f1_gain_vs_default, undefined);
  assert.ok(Array.isArray(results.gap_prediction_fewshot["gpt-3.5-turbo"].explanation.ci95.f1_gain_vs_default));
  // Table 8 Task 2 intervals: the sampled pairs resampled
  assert.equal(results.task2_prompt_agreement_ci95["qwen-qwq-32b"].scheme, "items");
  // agreement: variants 0,1,4,5 negative-first, 2,3,6,7 positive-first; even variants answer "2", odd "1"
  // positive: v0 yes, v1 no, v2 no ("2" = negative), v3 yes, v4 yes, v5 no, v6 no, v7 yes → 4/8
  assert.equal(results.task2_prompt_agreement["qwen-qwq-32b"], 0.5);
  // Social Power in Egypt/Religion: stated (4+3)/2 → v = (3.5−1)/3 = 5/6 → disagree.
  // Claude's row: True on the positive action → acted agree (a = 0). GPT-4o-mini's file is
  // inverted: True on the positive row means it chose the NEGATIVE action (a = 1).
  const mini = results.models["gpt-4o-mini"];
  const claude = results.models["claude-sonnet-4"];
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(claude.distance_cell_mean.by_country.Egypt["Social Power"], 5 / 6);
  close(mini.distance_cell_mean.by_country.Egypt["Social Power"], 1 / 6);
  assert.equal(claude.distance_cell_mean.by_country.Egypt.Wealth, null); // no stated answer: NaN → null
  // paper protocol: every other cell has V missing (→ disagree) and A missing (→ agree)
  const { ci95: _ci, ...counts } = claude.inconsistency;
  assert.deepEqual(counts, { stated_disagree_acted_agree: 7392, stated_agree_acted_disagree: 0, total: 7392, share: 1, cells: 7392 });
  assert.equal(mini.inconsistency.stated_disagree_acted_agree, 7391);
  assert.equal(claude.ranking.by_country.Egypt[0][0], "Social Power");
  assert.equal(claude.ranking.by_country.Egypt.length, 56);
  assert.equal(claude.f1.ci95.by_topic.Religion.length, 2);
  assert.equal(Object.keys(results.models["gpt-4o"]).join(), "protocol,task1_agreement,task1_agreement_ci95,confidence,refusals");
  const md = readFileSync(join(out, "REPRODUCTION.md"), "utf8");
  assert.match(md, /## Summary/);
  assert.match(md, /files differ from MANIFEST\.md/); // synthetic files are not the published ones
});

test("vag reproduce: a malformed file stops with one FILE:LINE line, exit 2, and no output", () => {
  const dataDir = syntheticDataDir();
  const bad = join(dataDir, TASK1_FILES["gpt-4o"]!);
  writeFileSync(bad, 'country,topic,response,prompt_index\nEgypt,Religion,"{}",0\nAtlantis,Religion,"{}",1\n');
  const out = join(mkdtempSync(join(tmpdir(), "vag-repro-out-")), "out");
  const r = run(["reproduce", "--data-dir", dataDir, "--out", out]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, `vag: ${bad}:3: unknown country "Atlantis"\n`);
  assert.equal(existsSync(out), false);
});

test("vag reproduce: a missing data directory is one line, exit 2, no output", () => {
  const out = join(mkdtempSync(join(tmpdir(), "vag-repro-out-")), "out");
  const r = run(["reproduce", "--data-dir", join(tmpdir(), "no-such-vag-data"), "--out", out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^vag: \d+ published file\(s\) missing under .*no-such-vag-data, e\.g\. t1\/gpt-4o-mini_t1\.csv \(run `vag data fetch`/);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.equal(existsSync(out), false);
});
