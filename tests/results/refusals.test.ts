import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runResults } from "../../src/results/runResults";
import { writeSyntheticRun } from "../helpers/figureData";
import { clusterTest } from "../../src/analysis/clustering";
import { modelResults } from "../../src/results/modelResults";
import { MIN_REFUSALS_TESTED, refusalsJson, refusalSummary, type RefusalRecord } from "../../src/results/refusals";
import { refusalFactorText, refusalLine } from "../../src/results/describe";
import { ModelResultsJsonSchema, resultsJsonText, ResultsJsonSchema } from "../../src/results/schema";

const close = (a: number | null | undefined, b: number, tol = 1e-12) => assert.ok(typeof a === "number" && Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("clusterTest: exact hypergeometric p by hand", () => {
  // sizes 2, 2; two marked. Outcomes (2,0) 1/6, (1,1) 4/6, (0,2) 1/6; e = (1, 1); X²(2,0) = 1 + 1 = 2, X²(1,1) = 0.
  const a = clusterTest([2, 0], [2, 2], { seed: 1 })!;
  assert.equal(a.method, "exact");
  assert.equal(a.iterations, 3);
  close(a.statistic, 2);
  close(a.p, 1 / 3);
  close(clusterTest([1, 1], [2, 2], { seed: 1 })!.p, 1);
  // sizes 2, 1, 1 (N 4), K 2, e = (1, .5, .5): (2,0,0) 1/6 X² 2; (1,1,0), (1,0,1) 2/6 each X² 1; (0,1,1) 1/6 X² 2.
  const b = clusterTest([0, 1, 1], [2, 1, 1], { seed: 1 })!;
  close(b.statistic, 2);
  close(b.p, 1 / 3);
  close(clusterTest([1, 1, 0], [2, 1, 1], { seed: 1 })!.p, 1);
  // All three in a level of 3 out of 100 units: only that outcome is as extreme, p = 1 / C(100, 3).
  close(clusterTest([3, 0], [3, 97], { seed: 1 })!.p, 1 / 161700, 1e-15);
  // A level without units is left out; one level or nothing marked: nothing to test.
  assert.equal(clusterTest([2, 0, 0], [2, 2, 0], { seed: 1 })!.levels, 2);
  close(clusterTest([2, 0, 0], [2, 2, 0], { seed: 1 })!.p, 1 / 3);
  assert.equal(clusterTest([2, 0], [5, 0], { seed: 1 }), null);
  assert.equal(clusterTest([0, 0], [5, 5], { seed: 1 }), null);
  assert.throws(() => clusterTest([3, 0], [2, 2], { seed: 1 }), /marked ≤ size/);
});

test("clusterTest: the seeded Monte-Carlo p approximates the exact one and is reproducible", () => {
  const mc = clusterTest([2, 0], [2, 2], { seed: 7, iterations: 20000, maxExact: 0 })!;
  assert.equal(mc.method, "monte-carlo");
  assert.equal(mc.iterations, 20000);
  close(mc.statistic, 2);
  // exact 1/3; the Monte-Carlo standard error at 20,000 draws is 0.0033
  assert.ok(Math.abs(mc.p - 1 / 3) < 0.015, String(mc.p));
  assert.equal(clusterTest([2, 0], [2, 2], { seed: 7, iterations: 20000, maxExact: 0 })!.p, mc.p);
  // never 0: (1 + extreme) / (1 + B)
  const extreme = clusterTest([3, 0], [3, 97], { seed: 7, iterations: 999, maxExact: 0 })!;
  assert.ok(extreme.p >= 1 / 1000 && extreme.p < 0.01, String(extreme.p));
});

const rec = (country: RefusalRecord["country"], topic: RefusalRecord["topic"], parse: RefusalRecord["parse"], extra: Partial<RefusalRecord> = {}): RefusalRecord => ({
  error: null,
  parse,
  country,
  topic,
  ...extra,
});
const OK = { status: "ok" } as const;
const REFUSED = { status: "failed", reason: "refusal" } as const;

/** Egypt: 3 answered, 2 refused; India: 2 answered, 1 unparseable; one failed call (not answered). */
const sample: RefusalRecord[] = [
  rec("Egypt", "Religion", OK),
  rec("Egypt", "Religion", REFUSED),
  rec("Egypt", "Politics", REFUSED),
  rec("India", "Religion", { status: "failed", reason: "no JSON object" }),
  rec("India", "Politics", { status: "repaired" }),
  rec("India", "Politics", { status: "failed", reason: "refusal" }, { error: "HTTP 500" }),
];

test("refusalSummary: counts and rates out of the answered records, other failures by reason", () => {
  const t = refusalSummary(sample, { seed: 1, task: "task1" });
  assert.equal(t.records, 6);
  assert.equal(t.answered, 5);
  assert.equal(t.refusals, 2);
  close(t.refusal_rate, 2 / 5);
  assert.equal(t.unparseable, 1);
  close(t.unparseable_rate, 1 / 5);
  assert.deepEqual(t.unparseable_reasons, { "no JSON object": 1 });
  assert.equal(t.classified_by, "record");
  // Task 1 records have no value or polarity.
  assert.equal(t.by_value, undefined);
  assert.equal(t.by_polarity, undefined);
});

test("refusalSummary: where they fall, with the exact spread test by hand", () => {
  const t = refusalSummary(sample, { seed: 1, task: "task1" });
  // Country: Egypt 2 of 3, India 0 of 2; N 5, K 2, e = (1.2, 0.8).
  // P(k_Egypt = 2, 1, 0) = 3/10, 6/10, 1/10; X² = (k − 1.2)² (1/1.2 + 1/0.8) = 4/3, 1/12, 3.
  // p = P(X² ≥ 4/3) = 3/10 + 1/10.
  assert.equal(t.by_country.levels, 2);
  assert.deepEqual(
    t.by_country.clustered.map((l) => [l.level, l.refusals, l.answered]),
    [["Egypt", 2, 3]],
  );
  close(t.by_country.clustered[0].expected, 1.2);
  close(t.by_country.statistic, 4 / 3);
  close(t.by_country.p, 0.4);
  assert.equal(t.by_country.method, "exact");
  // Topic: Religion 1 of 3, Politics 1 of 2 (the failed call does not count); X² 1/12 is the smallest possible: p = 1.
  // Both hold one refusal: the higher rate (Politics) first.
  assert.deepEqual(
    t.by_topic.clustered.map((l) => [l.level, l.refusals, l.answered]),
    [
      ["Politics", 1, 2],
      ["Religion", 1, 3],
    ],
  );
  close(t.by_topic.statistic, 1 / 12);
  close(t.by_topic.p, 1);
});

test("refusalSummary: below MIN_REFUSALS_TESTED no test (p null), the level is still listed", () => {
  assert.equal(MIN_REFUSALS_TESTED, 2);
  const one = refusalSummary([rec("Egypt", "Religion", REFUSED), rec("India", "Religion", OK)], { seed: 1 });
  assert.equal(one.refusals, 1);
  assert.equal(one.by_country.p, null);
  assert.equal(one.by_country.statistic, null);
  assert.equal(one.by_country.method, null);
  assert.equal(one.by_country.iterations, 0);
  assert.deepEqual(one.by_country.clustered, [{ level: "Egypt", refusals: 1, answered: 1, expected: 0.5 }]);
  assert.equal(refusalFactorText(one.by_country, MIN_REFUSALS_TESTED), "Egypt 1 of 1 (too few to test)");
  const none = refusalSummary([rec("India", "Religion", OK)], { seed: 1 });
  assert.equal(none.by_country.p, null);
  assert.deepEqual(none.by_country.clustered, []);
  assert.equal(refusalFactorText(none.by_country, MIN_REFUSALS_TESTED), null);
});

test("refusalSummary: value and polarity factors when every record has them; the reason the records carry is what counts", () => {
  const gen: RefusalRecord[] = [
    rec("Egypt", "Religion", REFUSED, { value: "Equality", polarity: "negative" }),
    rec("Egypt", "Religion", REFUSED, { value: "Equality", polarity: "negative" }),
    rec("Egypt", "Religion", OK, { value: "Equality", polarity: "positive" }),
    rec("Egypt", "Religion", OK, { value: "Wealth", polarity: "negative" }),
    rec("Egypt", "Religion", OK, { value: "Wealth", polarity: "positive" }),
  ];
  const t = refusalSummary(gen, { seed: 1, task: "generate" });
  assert.deepEqual(t.by_value!.clustered.map((l) => [l.level, l.refusals, l.answered]), [["Equality", 2, 3]]);
  assert.deepEqual(t.by_polarity!.clustered.map((l) => [l.level, l.refusals, l.answered]), [["negative", 2, 3]]);
  // One country: nothing to compare.
  assert.equal(t.by_country.levels, 1);
  assert.equal(t.by_country.p, null);
  // A re-tuned detector changes the records' reasons; the count follows them.
  const relabelled = gen.map((r) => (r.parse.status === "failed" ? { ...r, parse: { status: "failed" as const, reason: "no JSON object" } } : r));
  const u = refusalSummary(relabelled, { seed: 1 });
  assert.equal(u.refusals, 0);
  assert.equal(u.unparseable, 2);
});

test("refusalsJson / modelResults: one block per task with records, added last; schema round trip; the printed line", () => {
  assert.equal(refusalsJson({ task1: [] }, { seed: 1 }), null);
  const entry = modelResults(null, null, "robust", { seed: 3, refusals: { task1: sample, classifiedBy: { task1: "robust" } } });
  assert.deepEqual(Object.keys(entry).at(-1), "refusals");
  assert.equal(entry.refusals!.min_refusals_tested, 2);
  assert.equal(entry.refusals!.task1!.classified_by, "robust");
  assert.equal(entry.refusals!.task1!.refusals, 2);
  assert.equal(entry.refusals!.generate, undefined);
  // NaN rates of an empty task become null in the file and still validate.
  const empty = refusalSummary([rec("Egypt", "Religion", OK, { error: "timeout" })], { seed: 1 });
  assert.equal(empty.answered, 0);
  const text = resultsJsonText({ models: { m: { ...entry, refusals: { ...entry.refusals!, task2: empty } } } });
  const back = ResultsJsonSchema.parse(JSON.parse(text));
  assert.equal(back.models.m.refusals!.task2!.refusal_rate, null);
  ModelResultsJsonSchema.parse(entry);
  assert.equal(
    refusalLine("M", entry),
    "M refusals: Task 1: 2 refusals of 5 answered (40.00%), 1 other unparseable (no JSON object 1); spread test by country p = 0.400, topic p = 1.000",
  );
  assert.equal(refusalLine("M", {}), null);
});

test("runResults (vag analyze): the run's records per task as their own parser classified them", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-refusals-run-"));
  writeSyntheticRun(dir);
  // One more Task 1 answer, a refusal in Egypt (the run's parser said so).
  const first = JSON.parse(readFileSync(join(dir, "task1.jsonl"), "utf8").split("\n")[0]);
  const refused = { ...first, id: "refused-1", country: "Egypt", answers: null, response: "I'm sorry, I can't.", parse: { status: "failed", reason: "refusal" } };
  appendFileSync(join(dir, "task1.jsonl"), JSON.stringify(refused) + "\n");
  const r = runResults(dir, { iterations: 20 }).results.refusals!;
  assert.equal(r.task1!.classified_by, "record");
  assert.equal(r.task1!.answered, 2);
  assert.equal(r.task1!.refusals, 1);
  assert.deepEqual(r.task1!.by_country.clustered, [{ level: "Egypt", refusals: 1, answered: 1, expected: 0.5 }]);
  assert.equal(r.generate!.answered, 2);
  assert.deepEqual(r.generate!.by_polarity!.clustered, []);
  assert.equal(r.task2!.refusals, 0);
  assert.ok(r.task2!.by_value);
});
