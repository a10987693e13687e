import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Country, Topic, Value } from "../../src/catalog";
import { actedMatrix } from "../../src/analysis/acted";
import { alignmentRate } from "../../src/analysis/alignmentRate";
import { inconsistency } from "../../src/analysis/inconsistency";
import { paperChoice, paperTask2Agreement, task1PromptAgreement, type PromptAnswers } from "../../src/analysis/promptAgreement";
import { statedMatrix } from "../../src/analysis/stated";
import { parseTask1Paper } from "../../src/parse/task1";
import { skipWithoutData, viaDir } from "../helpers/data";

// A deliberately small check of the analysis against the paper's GPT-4o-mini
// numbers; the full importers and `vag reproduce` live in src/via.
const skip = skipWithoutData();
const rows = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(viaDir()!, file), "utf8"), { header: true, skipEmptyLines: true }).data;

function gpt4oMini() {
  const t1 = rows("t1/gpt-4o-mini_t1.csv").map((r) => {
    const p = parseTask1Paper(r.response);
    return { country: r.country as Country, topic: r.topic as Topic, answers: p.ok ? p.value : null };
  });
  // GPT-4o-mini's file marks the NON-chosen action (method.md §5): the chosen row is model_choice False.
  const t2 = rows("t2_reconstructed/gpt-4o-mini_t2_reconstructed.csv")
    .filter((r) => r.model_choice === "False")
    .map((r) => ({
      country: r.country as Country,
      topic: r.topic as Topic,
      value: r.value as Value,
      chosenPolarity: r.polarity as "positive" | "negative",
    }));
  return { t1, t2 };
}

test("GPT-4o-mini: Task 1 prompt agreement 0.946, F1 0.564, Table 4 counts 415 / 729 (paper Tables 3, 4, 8, 13)", { skip }, () => {
  const { t1, t2 } = gpt4oMini();
  const byScenario = new Map<string, PromptAnswers[]>();
  for (const r of t1) {
    const k = `${r.country}+${r.topic}`;
    byScenario.set(k, [...(byScenario.get(k) ?? []), r.answers]);
  }
  assert.equal(task1PromptAgreement([...byScenario.values()]).value.toFixed(3), "0.946");

  const V = statedMatrix(t1, "paper");
  const A = actedMatrix(t2, "paper");
  assert.equal(A.missing, 198); // 55 values only, plus unusable pairs (method.md §5)
  const rate = alignmentRate(V.matrix, A.matrix, { protocol: "paper" });
  assert.equal(rate.f1.overall.value.toFixed(3), "0.564");
  assert.equal(rate.f1.byCountry["United States"].value.toFixed(2), "0.67");
  assert.equal(rate.f1.byCountry.Philippines.value.toFixed(2), "0.47");
  assert.equal(rate.f1.byTopic["Health and Health Care"].value.toFixed(3), "0.652");
  assert.equal(rate.f1.byTopic.Politics.value.toFixed(3), "0.594");
  const inc = inconsistency(V.matrix, A.matrix, "paper");
  assert.deepEqual([inc.stated_disagree_acted_agree, inc.stated_agree_acted_disagree, inc.total], [415, 729, 1144]);
  assert.equal((inc.share * 100).toFixed(2), "15.48");
});

test("GPT-4o-mini: Task 2 positive-choice rate 0.9125 with the authors' detector (notebook; paper prints .914)", { skip }, () => {
  const pairs = rows("task2_prompt_agreement/task2_results_gpt_4o_mini.csv").map((r) => ({
    evaluations: Array.from({ length: 8 }, (_, v) => r[`evaluation_${v}`]),
  }));
  assert.equal(pairs.length, 50);
  assert.equal(paperTask2Agreement(pairs).value, 0.9125);
});

test("Claude: Task 2 positive-choice rate 0.8925 as the authors' notebook printed (2 unreadable answers count as not positive out of 8)", { skip }, () => {
  const pairs = rows("task2_prompt_agreement/task2_results_claude_sonnet_4.csv").map((r) => ({
    evaluations: Array.from({ length: 8 }, (_, v) => r[`evaluation_${v}`]),
  }));
  assert.equal(pairs.length, 50);
  const unreadable = pairs.flatMap((p) => p.evaluations).filter((e) => paperChoice(e) === null);
  assert.equal(unreadable.length, 2);
  assert.equal(paperTask2Agreement(pairs).value, 0.8925);
});
