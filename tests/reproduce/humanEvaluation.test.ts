import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cell } from "../../src/reproduce/comparison";
import { humanEvaluationTables } from "../../src/reproduce/humanComparison";
import { humanEvaluationMarkdown } from "../../src/reproduce/humanEvaluationReport";
import { reproduceHumanEvaluation } from "../../src/reproduce/humanEvaluationRun";
import { ResultsJsonSchema, resultsJsonText } from "../../src/results/schema";
import { skipWithoutData, viaDir } from "../helpers/data";

test("reproduce: no human_annotation sheets, no human_evaluation (and Tables 9, 10, 2 say why)", () => {
  assert.equal(reproduceHumanEvaluation(mkdtempSync(join(tmpdir(), "vag-nohuman-")), 1, 10), null);
  const [t9] = humanEvaluationTables(undefined, null, cell);
  assert.ok(t9.cells.every((c) => c.status === "not computable" && /human_annotation/.test(c.cause)));
});

test("published sheets: Tables 9, 10, 2 beside the printed numbers, every difference with its cause", { skip: skipWithoutData() }, () => {
  const human = reproduceHumanEvaluation(viaDir()!, 3, 200)!;
  ResultsJsonSchema.parse(JSON.parse(resultsJsonText({ models: {}, human_evaluation: human.json })));
  const [t9, t10, t2] = humanEvaluationTables(human.json, human.huaSummary, cell);
  const differs = (t: typeof t9) => t.cells.filter((c) => c.status === "differs").map((c) => `${c.model} ${c.column}`);
  // The revised labels: prompts 4 and 6 of both experts, prompt 8 of Nick (A1), and the Avg over them.
  assert.deepEqual(differs(t9), ["A1 prompt 4", "A1 prompt 6", "A1 prompt 8", "A2 prompt 4", "A2 prompt 6", "Avg prompt 4", "Avg prompt 6", "Avg prompt 8"]);
  assert.ok(t9.cells.filter((c) => c.status === "differs").every((c) => /which equal the printed A1 and A2 on all 8 prompts/.test(c.cause)));
  assert.equal(t9.cells.filter((c) => c.status === "reproduces").length, 16);
  // Table 10: Correctness reproduces; κ of Prompt-A differs only by the printed truncation.
  assert.deepEqual(differs(t10), ["Prompt-A κ (ACT)"]);
  assert.match(t10.cells.find((c) => c.status === "differs")!.cause, /truncated/);
  assert.deepEqual(t10.cells.filter((c) => c.status === "reproduces").map((c) => `${c.model} ${c.column}`), ["Prompt-A Correctness", "Prompt-B Correctness", "Prompt-B κ (ACT)"]);
  // Table 2: the experts' Correct (0.93) is computable and reproduces; the rest were not published.
  assert.deepEqual(t2.cells.filter((c) => c.status === "reproduces").map((c) => `${c.model} ${c.column}`), ["experts Correct"]);
  assert.ok(t2.cells.filter((c) => c.status === "not computable").every((c) => /not published/.test(c.cause)));
  const md = humanEvaluationMarkdown(human.json);
  assert.match(md, /Variant 3 \(Prompt-A, printed κ 0\.9264\): kappa\.ipynb's slice on the sheets it read .* gives 0\.9265 /);
  assert.match(md, /the same positional slice on the HEAD sheets gives -0\.0950/);
});
