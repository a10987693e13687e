import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { isRefusal, parseAction, parseTask1, parseTask2, type ParseResult } from "../../src/parse";
import { skipWithoutData, viaDir } from "../helpers/data";

/**
 * The refusal detector on the published answers (issue 15). Per file: how
 * many texts give a usable answer, how many of the rest are refusals and how
 * many fail otherwise — and, as the false-positive bound, how many texts WITH
 * a usable answer the detector would call a refusal if asked (it is not: the
 * check only runs on texts without a usable answer). Those are answers that
 * open with a disclaimer ("As an AI language model, I don't have personal
 * opinions. However, … ```json {…}") and still answer, or VIA actions whose
 * JSON text says "I can't …"; they keep their answer.
 *
 * Task 1 and the VIA generations are read with the robust parsers, the Task 2
 * agreement runs with robust Task 2 (whose refusal check also reads the
 * action and explanation fields).
 */
interface Counts {
  usable: number;
  refusals: number;
  other: number;
  /** usable answers isRefusal would flag: the false-positive bound */
  flagged: number;
}

const rows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, "utf8"), { header: true, skipEmptyLines: true }).data;

function count(texts: string[], parse: (t: string) => ParseResult<unknown>, flags: (t: string, value: unknown) => boolean = (t) => isRefusal(t)): Counts {
  const c: Counts = { usable: 0, refusals: 0, other: 0, flagged: 0 };
  for (const t of texts) {
    const r = parse(t);
    if (r.ok) {
      c.usable++;
      if (flags(t, r.value)) c.flagged++;
    } else if (r.reason === "refusal") {
      c.refusals++;
      assert.ok(isRefusal(t) || /I cannot|As an AI/.test(t), `refusal reason without a refusal text: ${t.slice(0, 120)}`);
    } else c.other++;
  }
  return c;
}

const TASK1: Record<string, Counts> = {
  "claude-sonnet-4-20250514_t1.csv": { usable: 1053, refusals: 3, other: 0, flagged: 6 },
  "gemma-2-9b-it_t1.csv": { usable: 1054, refusals: 2, other: 0, flagged: 5 },
  "gpt-3.5-turbo_t1.csv": { usable: 1056, refusals: 0, other: 0, flagged: 0 },
  "gpt-4o-mini_t1.csv": { usable: 1056, refusals: 0, other: 0, flagged: 0 },
  "gpt-4o_t1.csv": { usable: 867, refusals: 5, other: 0, flagged: 8 },
  "llama-3.3-70b-instruct_t1.csv": { usable: 1056, refusals: 0, other: 0, flagged: 0 },
};

for (const [file, want] of Object.entries(TASK1)) {
  test(`refusals in Task 1 ${file}: as counted, and the false-positive bound`, { skip: skipWithoutData() }, () => {
    const texts = rows(join(viaDir() as string, "t1", file)).map((r) => r.response);
    const got = count(texts, (t) => parseTask1(t, "robust"));
    console.log(`  ${file}: ${JSON.stringify(got)}`);
    assert.deepEqual(got, want);
  });
}

test("refusals in the VIA generations: 61 refusals, 1 other failure; 3 usable actions say \"I can't …\"", { skip: skipWithoutData() }, () => {
  const texts = rows(join(viaDir() as string, "dataset/value_action_gap_full_data_generation.csv")).map((r) => r.generation_prompt);
  const got = count(texts, parseAction);
  console.log(`  VIA generations: ${JSON.stringify(got)}`);
  assert.deepEqual(got, { usable: 14_722, refusals: 61, other: 1, flagged: 3 });
});

const TASK2: Record<string, Counts> = {
  "task2_results_claude_sonnet_4.csv": { usable: 396, refusals: 4, other: 0, flagged: 0 },
  "task2_results_deepseek-r1-distill-llama-70b.csv": { usable: 400, refusals: 0, other: 0, flagged: 0 },
  "task2_results_gemma2.csv": { usable: 399, refusals: 1, other: 0, flagged: 15 },
  "task2_results_gpt_35_turbo.csv": { usable: 400, refusals: 0, other: 0, flagged: 0 },
  "task2_results_gpt_4o.csv": { usable: 400, refusals: 0, other: 0, flagged: 0 },
  "task2_results_gpt_4o_mini.csv": { usable: 400, refusals: 0, other: 0, flagged: 0 },
  "task2_results_llama33.csv": { usable: 400, refusals: 0, other: 0, flagged: 0 },
  "task2_results_qwen.csv": { usable: 400, refusals: 0, other: 0, flagged: 0 },
};

test("refusals in the Task 2 prompt-agreement runs: as counted per file, and the false-positive bound", { skip: skipWithoutData() }, () => {
  const dir = join(viaDir() as string, "task2_prompt_agreement");
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".csv")).sort(), Object.keys(TASK2).sort());
  const got: Record<string, Counts> = {};
  for (const file of Object.keys(TASK2)) {
    const texts = rows(join(dir, file)).flatMap((r) => [0, 1, 2, 3, 4, 5, 6, 7].map((k) => r[`evaluation_${k}`]));
    // what the parser's check would read: the whole text or the explanation field
    got[file] = count(texts, (t) => parseTask2(t, "robust"), (t, v) => {
      const ex = (v as { explanation: string | null }).explanation;
      return isRefusal(t) || (ex !== null && isRefusal(ex));
    });
  }
  console.log(`  Task 2 agreement runs: ${JSON.stringify(got)}`);
  assert.deepEqual(got, TASK2);
});
