import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { VALUES } from "../../src/catalog/values";
import { paperTask1Sequence, parseTask1, readLikert } from "../../src/parse";
import { skipWithoutData, viaDir } from "../helpers/data";

/**
 * The published Task-1 outputs (../via/t1). Under the paper protocol the
 * authors' parser must fail and shift exactly the rows method.md §4 item 3
 * reports; the robust parser must never shift: every answer it gives sits
 * under the key it was written under.
 */
const EXPECTED: Record<string, { failures: number; shifted: number }> = {
  "gpt-3.5-turbo_t1.csv": { failures: 0, shifted: 4 },
  "gpt-4o-mini_t1.csv": { failures: 1, shifted: 0 },
  "gpt-4o_t1.csv": { failures: 5, shifted: 5 },
  "llama-3.3-70b-instruct_t1.csv": { failures: 0, shifted: 0 },
  "gemma-2-9b-it_t1.csv": { failures: 24, shifted: 3 },
  "claude-sonnet-4-20250514_t1.csv": { failures: 3, shifted: 0 },
};

/** The authors' fence rule, to look at the same JSON the paper parser saw. */
function paperBody(text: string): string {
  if (!text.includes("```")) return text;
  const j = text.indexOf("```json");
  return j >= 0 ? text.slice(j + 7).split("```")[0] : text.split("```")[1];
}

for (const [file, want] of Object.entries(EXPECTED)) {
  test(`Task 1 ${file}: paper failures and shifts as published; robust never shifts`, { skip: skipWithoutData() }, () => {
    const dir = join(viaDir() as string, "t1");
    assert.ok(readdirSync(dir).includes(file), `${file} missing`);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    let failures = 0;
    let shifted = 0;
    let robustFailed = 0;
    let robustAnswers = 0;
    let paperAnswers = 0;
    for (const row of rows) {
      const seq = paperTask1Sequence(row.response);
      const paper = parseTask1(row.response, "paper");
      assert.equal(seq.ok, paper.ok);
      const robust = parseTask1(row.response, "robust");
      if (!robust.ok) robustFailed++;
      else robustAnswers += VALUES.filter((v) => robust.value[v] !== null).length;
      if (!seq.ok || !paper.ok) {
        failures++;
        continue;
      }
      paperAnswers += VALUES.filter((v) => paper.value[v] !== null).length;
      // fewer than 56 integers read = some key skipped (shifted and/or trailing nulls)
      if (seq.value.length < VALUES.length) shifted++;
      if (!robust.ok) continue;
      // keyed check: where the exact key exists and its answer is readable, robust reports exactly it
      const o = JSON.parse(paperBody(row.response)) as Record<string, unknown>;
      for (const v of VALUES) {
        if (!Object.hasOwn(o, v)) continue;
        const own = readLikert(o[v]);
        if (own !== null) assert.equal(robust.value[v], own, `${row.country}/${row.topic}: ${v}`);
      }
    }
    console.log(
      `  ${file}: ${rows.length} rows; paper ${failures} failed, ${shifted} shifted, ${paperAnswers} answers; ` +
        `robust ${robustFailed} failed, ${robustAnswers} answers`,
    );
    assert.equal(failures, want.failures, "paper parse failures");
    assert.equal(shifted, want.shifted, "paper shifted rows");
    assert.ok(robustFailed <= failures, "robust fails no more rows than paper");
    assert.ok(robustAnswers >= paperAnswers, "robust reads at least as many answers");
  });
}

test("Task 1: a shifted paper row puts an answer under the wrong value; robust keeps it under its key", () => {
  const text = JSON.stringify({ "Social Power": "agree", Authority: "4", Wealth: "1" });
  const paper = parseTask1(text, "paper");
  const robust = parseTask1(text, "robust");
  assert.ok(paper.ok && robust.ok);
  if (!paper.ok || !robust.ok) return;
  assert.equal(paper.value["Social Power"], 4);
  assert.equal(paper.value.Authority, 1);
  assert.equal(paper.value.Wealth, null);
  assert.equal(robust.value["Social Power"], 2);
  assert.equal(robust.value.Authority, 4);
  assert.equal(robust.value.Wealth, 1);
});
