import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { VALUES, type Value } from "../../src/catalog/values";
import type { Country, Topic } from "../../src/catalog";
import { startSimServer, type SimServer } from "../../src/sim";
import { refusalTruth } from "../../src/sim/refusals";
import { runTask, type RunOptions } from "../../src/pipeline/run";
import type { Scope } from "../../src/pipeline/scope";
import { analyzeRuns } from "../../src/results/runResults";
import { tmp, readLines, type Line } from "./helpers";

/**
 * Refusals as a class, end to end against the planted truth: a simulator
 * that declines requests on two refusal-prone values (generation of their
 * negative action, Task 2) and two scenarios (Task 1), the real openai SDK
 * over sockets, the pipeline's records, and results.json's refusal block
 * (vag analyze's path). Every declined request becomes a record failed as
 * "refusal", none elsewhere; the spread test finds the planted values.
 */

const SEED = 11;
const RATE = 0.6;
const truth = refusalTruth(SEED, RATE);
let refusing: SimServer;
let plain: SimServer;
before(async () => {
  refusing = await startSimServer({ port: 0, seed: SEED, refusalRate: RATE });
  plain = await startSimServer({ port: 0, seed: SEED });
});
after(async () => {
  await refusing.close();
  await plain.close();
});

const others = VALUES.filter((v) => !truth.values.includes(v)).slice(0, 4);
const scope = (variants: number[]): Scope => ({
  countries: [...new Set<Country>([...truth.scenarios.map((s) => s.country), "Nigeria"])],
  topics: [...new Set<Topic>([...truth.scenarios.map((s) => s.topic), "Religion"])],
  values: [...truth.values, ...others],
  variants: variants as Scope["variants"],
  order: "counterbalanced",
  replicates: 1,
});
const options = (sim: SimServer, runDir: string, extra: Partial<RunOptions> = {}) => ({
  model: "sim-respondent",
  runDir,
  baseUrl: sim.url,
  protocol: "robust" as const,
  seed: 3,
  cacheDir: tmp("cache"),
  yes: true,
  log: () => {},
  progress: false,
  concurrency: 8,
  ...extra,
});
const refused = (l: Line) => (l.parse as { status: string; reason?: string }).reason === "refusal";
const proneScenario = (l: Line) => truth.scenarios.some((s) => s.country === l.country && s.topic === l.topic);

test("a refusing simulator: declined requests are refusal records exactly where planted, and results.json counts them", async () => {
  // The actions of Task 2 come from a simulator that declines nothing, so every cell has its pair.
  const actions = tmp("refusals-actions");
  await runTask({ ...options(plain, actions), task: "generate", scope: scope([5]) });

  const runDir = tmp("refusals-run");
  const declined: Record<string, number> = {};
  for (const [task, variants] of [["generate", [5]], ["task1", [0, 1, 2, 3, 4, 5, 6, 7]], ["task2", [5]]] as const) {
    const before = refusing.stats().refusals;
    await runTask({ ...options(refusing, runDir), task, scope: scope([...variants]), ...(task === "task2" ? { actions } : {}) });
    declined[task] = refusing.stats().refusals - before;
  }

  const lines = { generate: readLines(join(runDir, "generate.jsonl")), task1: readLines(join(runDir, "task1.jsonl")), task2: readLines(join(runDir, "task2.jsonl")) };
  for (const [task, ls] of Object.entries(lines)) {
    assert.ok(declined[task] > 0, `${task}: the simulator declined some requests`);
    assert.equal(ls.filter(refused).length, declined[task], `${task}: every declined request is a refusal record, and nothing else is`);
  }
  // Where: the negative action of a prone value; a prone value in Task 2; a prone scenario in Task 1.
  for (const l of lines.generate.filter(refused)) assert.ok(truth.values.includes(l.value as Value) && l.polarity === "negative", JSON.stringify(l.value));
  for (const l of lines.task2.filter(refused)) assert.ok(truth.values.includes(l.value as Value), String(l.value));
  for (const l of lines.task1.filter(refused)) assert.ok(proneScenario(l), `${l.country} x ${l.topic}`);
  // A refused Task 2 pair has no choice; its record says why.
  for (const l of lines.task2.filter(refused)) assert.equal(l.choice, null);

  // results.json (vag analyze): the counts and where they cluster.
  const { runs } = analyzeRuns([runDir], { seed: 1, iterations: 20 });
  const r = runs[0].results.refusals!;
  assert.equal(r.generate!.refusals, declined.generate);
  assert.equal(r.task1!.refusals, declined.task1);
  assert.equal(r.task2!.refusals, declined.task2);
  assert.equal(r.task2!.unparseable, 0);
  const clustered = r.task2!.by_value!.clustered.map((l) => l.level);
  assert.ok(clustered.every((v) => truth.values.includes(v as Value)), clustered.join(", "));
  assert.ok(r.task2!.by_value!.p! < 0.01, `Task 2 refusals cluster on the planted values: p = ${r.task2!.by_value!.p}`);
  assert.ok(r.generate!.by_polarity!.p! < 0.05, `generation refusals cluster on negative actions: p = ${r.generate!.by_polarity!.p}`);
});

test("a refusing simulator under --response-format json_schema: the refusal arrives in message.refusal and is still a refusal record", async () => {
  const actions = tmp("refusals-schema-actions");
  await runTask({ ...options(plain, actions), task: "generate", scope: scope([5]) });
  const runDir = tmp("refusals-schema-run");
  const before = refusing.stats().refusals;
  await runTask({ ...options(refusing, runDir, { responseFormat: "json_schema" }), task: "task2", scope: scope([5]), actions });
  const lines = readLines(join(runDir, "task2.jsonl"));
  const n = refusing.stats().refusals - before;
  assert.ok(n > 0);
  assert.equal(lines.filter(refused).length, n);
  // Everything else is schema-guided JSON: read exactly.
  assert.ok(lines.filter((l) => !refused(l)).every((l) => (l.parse as { status: string }).status === "ok"));
});
