import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import { clusterTest } from "../analysis/clustering";
import { hashSeed } from "../analysis/random";
import type { ParseInfo, Polarity } from "../runs/records";
import type { RefusalFactorJson, RefusalLevelJson, RefusalsJson, RefusalTaskJson } from "./schema";

/**
 * Refusals as a class (issue 15 item 2): per task, how many answers are
 * refusals and how many are otherwise unparseable, and whether the refusals
 * cluster on some countries, topics, values or polarities.
 *
 * Definitions (whatever the parser that classified the record):
 *  - answered: the call succeeded (`error === null`); the denominator of both rates;
 *  - refusal: answered, `parse.status === "failed"` and `parse.reason === "refusal"`
 *    (parse/refusal.ts decides; this file only counts, so a re-tuned detector is
 *    picked up as soon as the records carry its reasons);
 *  - unparseable: answered, failed for any other reason (listed by reason).
 *
 * "Where they cluster": per factor, the levels holding refusals (most first)
 * with their answered records and the refusals expected in proportion to
 * them, and an exact or seeded Monte-Carlo test of that proportional spread
 * (analysis/clustering.ts). With fewer than MIN_REFUSALS_TESTED refusals no
 * test is made (p null): a single refusal sits somewhere by necessity and
 * cannot cluster.
 */

/** The parse failure reason of a refusal (shared name, INTERFACES.md). */
export const REFUSAL_REASON = "refusal";

/** Fewer refusals than this: "too few to test", p null. */
export const MIN_REFUSALS_TESTED = 2;

/** What a record needs to be counted: the common fields and its factors (generate and Task 2 records have a value). */
export interface RefusalRecord {
  error: string | null;
  parse: ParseInfo;
  country: Country;
  topic: Topic;
  value?: Value;
  polarity?: Polarity;
}

export interface RefusalOptions {
  /** Seed of the Monte-Carlo tests (each factor gets its own stream derived from it). */
  seed: number;
  /** Monte-Carlo draws when the exact test is too large; default 10,000. */
  iterations?: number;
  /** Default "record". */
  classifiedBy?: RefusalTaskJson["classified_by"];
  /** Names the task in the derived seeds; default "task". */
  task?: string;
}

export const isRefusalRecord = (r: RefusalRecord): boolean => r.error === null && r.parse.status === "failed" && r.parse.reason === REFUSAL_REASON;

/**
 * One task's refusal block.
 *
 * @example
 * const t = refusalSummary(task1Records, { seed: 1, task: "task1" });
 * t.refusals; t.refusal_rate; t.by_country.clustered // [{ level: "Egypt", refusals: 3, answered: 88, expected: 0.4 }, ...]
 */
export function refusalSummary(records: readonly RefusalRecord[], opts: RefusalOptions): RefusalTaskJson {
  let answered = 0;
  let refusals = 0;
  let unparseable = 0;
  const reasons: Record<string, number> = {};
  for (const r of records) {
    if (r.error !== null) continue;
    answered++;
    if (r.parse.status !== "failed") continue;
    if (r.parse.reason === REFUSAL_REASON) refusals++;
    else {
      unparseable++;
      const why = r.parse.reason ?? "unknown";
      reasons[why] = (reasons[why] ?? 0) + 1;
    }
  }
  const task = opts.task ?? "task";
  const factor = <L extends string>(name: string, levels: readonly L[], of: (r: RefusalRecord) => L | undefined) =>
    factorJson(records, levels, of, { seed: hashSeed(`${opts.seed}:refusals:${task}:${name}`), iterations: opts.iterations });
  const out: RefusalTaskJson = {
    classified_by: opts.classifiedBy ?? "record",
    records: records.length,
    answered,
    refusals,
    refusal_rate: answered > 0 ? refusals / answered : NaN,
    unparseable,
    unparseable_rate: answered > 0 ? unparseable / answered : NaN,
    unparseable_reasons: Object.fromEntries(Object.entries(reasons).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    by_country: factor("country", COUNTRIES, (r) => r.country),
    by_topic: factor("topic", TOPICS, (r) => r.topic),
  };
  if (records.length > 0 && records.every((r) => r.value !== undefined)) out.by_value = factor("value", VALUES, (r) => r.value);
  if (records.length > 0 && records.every((r) => r.polarity !== undefined)) out.by_polarity = factor("polarity", ["positive", "negative"] as const, (r) => r.polarity);
  return out;
}

/** A model's refusal blocks for the tasks it has records of (an empty task is left out); null when it has none. */
export function refusalsJson(
  tasks: { generate?: readonly RefusalRecord[]; task1?: readonly RefusalRecord[]; task2?: readonly RefusalRecord[] },
  opts: Omit<RefusalOptions, "task" | "classifiedBy"> & { classifiedBy?: Partial<Record<"generate" | "task1" | "task2", RefusalTaskJson["classified_by"]>> },
): RefusalsJson | null {
  const out: RefusalsJson = { min_refusals_tested: MIN_REFUSALS_TESTED };
  let any = false;
  for (const task of ["generate", "task1", "task2"] as const) {
    const recs = tasks[task];
    if (!recs || recs.length === 0) continue;
    out[task] = refusalSummary(recs, { seed: opts.seed, iterations: opts.iterations, task, classifiedBy: opts.classifiedBy?.[task] });
    any = true;
  }
  return any ? out : null;
}

function factorJson<L extends string>(
  records: readonly RefusalRecord[],
  levels: readonly L[],
  of: (r: RefusalRecord) => L | undefined,
  opts: { seed: number; iterations?: number },
): RefusalFactorJson {
  const index = new Map<string, number>(levels.map((l, i) => [l, i]));
  const answered = new Array<number>(levels.length).fill(0);
  const refused = new Array<number>(levels.length).fill(0);
  for (const r of records) {
    if (r.error !== null) continue;
    const i = index.get(of(r) ?? "");
    if (i === undefined) continue;
    answered[i]++;
    if (isRefusalRecord(r)) refused[i]++;
  }
  const N = answered.reduce((a, b) => a + b, 0);
  const K = refused.reduce((a, b) => a + b, 0);
  const clustered: RefusalLevelJson[] = levels
    .map((level, i) => ({ level, refusals: refused[i], answered: answered[i], expected: N > 0 ? (K * answered[i]) / N : NaN, i }))
    .filter((x) => x.refusals > 0)
    // Most refusals first; then the higher rate; then catalog order.
    .sort((a, b) => b.refusals - a.refusals || b.refusals / b.answered - a.refusals / a.answered || a.i - b.i)
    .map(({ level, refusals, answered: n, expected }) => ({ level, refusals, answered: n, expected }));
  const levelsWithAnswers = answered.filter((n) => n > 0).length;
  const test = K >= MIN_REFUSALS_TESTED ? clusterTest(refused, answered, opts) : null;
  return {
    levels: levelsWithAnswers,
    statistic: test ? test.statistic : null,
    p: test ? test.p : null,
    method: test ? test.method : null,
    iterations: test ? test.iterations : 0,
    seed: opts.seed,
    clustered,
  };
}
