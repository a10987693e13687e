import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { VALUES } from "../../src/catalog/values";
import { fewShotPrediction } from "../../src/gap/fewshotScore";
import { parseAction, parseLenientJson, parseTask1, parseTask2, readVerbalizedConfidence, type ParseResult } from "../../src/parse";

/**
 * The hand-written corpus of model outputs, tests/fixtures/parse/*.jsonl:
 * one case per line, {name, kind: json|action|task1|task2, protocol?, text,
 * repeat?: {s, n, at: start|end}, options?, expect}. `expect` is
 * {ok: false, reason?} or {ok: true, repaired?, value? (json, action),
 * choice?, explanation? (task2), answers? (task1: the non-null answers; every
 * other value must be null)}. Two readers that return a value, not a
 * ParseResult: kind `fewshot` (fewShotPrediction) with expect {prediction:
 * true|false|null}, kind `confidence` (readVerbalizedConfidence) with
 * expect {confidence: number|null}.
 */
interface Case {
  name: string;
  kind: "json" | "action" | "task1" | "task2" | "fewshot" | "confidence";
  protocol?: "paper" | "robust";
  text: string;
  repeat?: { s: string; n: number; at: "start" | "end" };
  options?: { option1: string; option2: string };
  expect: {
    ok?: boolean;
    reason?: string;
    repaired?: boolean;
    value?: unknown;
    choice?: 1 | 2;
    explanation?: string | null;
    answers?: Record<string, number>;
    prediction?: boolean | null;
    confidence?: number | null;
  };
}

const dir = join(__dirname, "../fixtures/parse");
const files = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();
const cases: Array<Case & { file: string }> = files.flatMap((f) =>
  readFileSync(join(dir, f), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => ({ ...(JSON.parse(l) as Case), file: f })),
);

function textOf(c: Case): string {
  if (!c.repeat) return c.text;
  const pad = c.repeat.s.repeat(c.repeat.n);
  return c.repeat.at === "start" ? pad + c.text : c.text + pad;
}

function run(c: Case): ParseResult<unknown> {
  const t = textOf(c);
  const protocol = c.protocol ?? "robust";
  if (c.kind === "json") return parseLenientJson(t);
  if (c.kind === "action") return parseAction(t);
  if (c.kind === "task1") return parseTask1(t, protocol);
  if (c.kind === "task2") return parseTask2(t, protocol, c.options);
  throw new Error(`${c.kind} is not a parser kind`);
}

test("the corpus holds at least 300 uniquely named cases of every kind", () => {
  assert.ok(cases.length >= 300, `only ${cases.length} cases`);
  const names = cases.map((c) => `${c.kind}/${c.name}`);
  assert.equal(new Set(names).size, names.length, "duplicate case names");
  for (const k of ["json", "action", "task1", "task2"]) assert.ok(cases.some((c) => c.kind === k), k);
});

test("the corpus covers what issue 7 asks of every kind: unicode, 1 MB answers, wrong types; nested and multiple JSON objects", () => {
  const of = (k: string) => cases.filter((c) => c.kind === k);
  for (const k of ["json", "action", "task1", "task2"]) {
    const mine = of(k);
    assert.ok(mine.filter((c) => /[^\x00-\x7f]/.test(textOf(c))).length >= 3, `${k}: unicode cases`);
    assert.ok(mine.some((c) => textOf(c).length >= 1_000_000), `${k}: a 1 MB answer`);
    assert.ok(mine.some((c) => /nested/i.test(c.name)), `${k}: nested objects`);
    assert.ok(mine.some((c) => /two objects|multiple objects|first of two|split over two|one object per/i.test(c.name)), `${k}: several JSON objects in one answer`);
    if (k !== "json") assert.ok(mine.some((c) => /wrong type/i.test(c.name)), `${k}: wrong types`);
  }
});

for (const c of cases) {
  test(`${c.file}: ${c.kind}${c.protocol ? ` (${c.protocol})` : ""}: ${c.name}`, () => {
    if (c.kind === "fewshot") return assert.equal(fewShotPrediction(textOf(c)), c.expect.prediction);
    if (c.kind === "confidence") return assert.equal(readVerbalizedConfidence(textOf(c)), c.expect.confidence);
    const r = run(c);
    const e = c.expect;
    if (!e.ok) {
      assert.equal(r.ok, false, `expected a failure, got ${JSON.stringify(r).slice(0, 300)}`);
      if (e.reason !== undefined && !r.ok) assert.equal(r.reason, e.reason);
      return;
    }
    assert.ok(r.ok, `expected ok, got ${JSON.stringify(r)}`);
    if (!r.ok) return;
    if (e.repaired !== undefined) assert.equal(r.repaired, e.repaired, "repaired");
    if (e.value !== undefined) assert.deepEqual(r.value, e.value);
    if (c.kind === "task2") {
      const v = r.value as { choice: number; explanation: string | null };
      assert.equal(v.choice, e.choice, "choice");
      if (e.explanation !== undefined) assert.equal(v.explanation, e.explanation, "explanation");
    }
    if (c.kind === "task1") {
      const got = r.value as Record<string, number | null>;
      assert.deepEqual(Object.keys(got), [...VALUES], "all 56 values in group order");
      const want = Object.fromEntries(VALUES.map((v) => [v, e.answers?.[v] ?? null]));
      for (const k of Object.keys(e.answers ?? {})) assert.ok((VALUES as readonly string[]).includes(k), `bad value name in case: ${k}`);
      assert.deepEqual(got, want);
    }
  });
}
