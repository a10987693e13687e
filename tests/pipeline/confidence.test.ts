import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { VALUES } from "../../src/catalog/values";
import { startSimServer, groundTruth, type SimServer } from "../../src/sim";
import { runTask } from "../../src/pipeline/run";
import { openRun } from "../../src/runs/openRun";
import { task1Confidence, task2Confidence } from "../../src/analysis/confidence";
import { uqPerformance } from "../../src/analysis/uq";
import type { Scope } from "../../src/pipeline/scope";
import { runResults } from "../../src/results/runResults";
import { ModelResultsJsonSchema, resultsJsonText } from "../../src/results/schema";
import { tmp } from "./helpers";

// The confidence signals end to end: the real openai SDK against the simulator on 127.0.0.1,
// Task 1 and Task 2 with replicates, temperature, logprobs and a verbalized confidence, then the
// UQ performance against the simulator's ground truth (wrong = differs from the latent inclination).
const SEED = 5;
let sim: SimServer;
before(async () => {
  // A position-biased share of cells answers "Option 1" whatever the options: confident and wrong.
  sim = await startSimServer({ seed: SEED, positionBias: 0.08 });
});
after(async () => {
  await sim.close();
});

const scope = (variants: number[], replicates: number): Scope => ({
  countries: ["Uganda", "Germany"],
  topics: ["Politics", "Religion", "Work Orientation"],
  values: [...VALUES],
  variants: variants as Scope["variants"],
  order: "counterbalanced",
  replicates,
});

test("replicates, temperature, logprobs and verbalized confidence: records, manifest, costs and UQ of at least three signals", async () => {
  const runDir = tmp("conf-run");
  const cacheDir = tmp("conf-cache");
  const lines: string[] = [];
  const common = { model: "sim-respondent", runDir, baseUrl: sim.url, protocol: "robust" as const, cacheDir, yes: true, progress: false, concurrency: 16, log: (s: string) => lines.push(s) };
  const signals = { temperature: 0.7, logprobs: true, verbalized: true };
  await runTask({ ...common, task: "generate", scope: scope([5], 1) });
  // the dry run prices each signal first
  await runTask({ ...common, ...signals, task: "task2", scope: scope([5], 2), actions: runDir, dryRun: true });
  const costLine = lines.find((l) => l.startsWith("confidence signals"))!;
  assert.match(costLine, /replicates: \+672 calls/);
  assert.match(costLine, /order: \+336 calls/);
  assert.match(costLine, /verbalized: \+0 calls, ~\+\d+ prompt \+ ~\+13440 completion tokens/);
  assert.match(costLine, /logprobs: no extra calls or tokens/);

  await runTask({ ...common, ...signals, task: "task1", scope: scope([0, 1, 2, 3], 2) });
  await runTask({ ...common, ...signals, task: "task2", scope: scope([5], 2), actions: runDir });
  const run = openRun(runDir);
  const m = run.manifest!;
  assert.equal(m.scope["task2.temperature"], 0.7);
  assert.equal(m.scope["task2.logprobs"], true);
  assert.equal(m.scope["task2.verbalized"], true);
  assert.equal(m.scope["task2.replicates"], 2);
  assert.equal(m.scope["simulator.seed"], SEED);

  const t1 = run.task1();
  const t2 = run.task2();
  assert.equal(t1.length, 6 * 4 * 2);
  assert.equal(t2.length, 336 * 4);
  assert.ok(t2.every((r) => r.choice === null || (typeof r.answerProb === "number" && typeof r.confidence === "number")));
  assert.ok(t1.every((r) => r.answers === null || (r.answerProbs !== null && r.answerProbs !== undefined && typeof r.confidence === "number")));
  // replicates are distinct samples (seed + r), not cache copies of one answer
  assert.ok(new Set(t2.map((r) => r.response)).size > 336 * 2);

  const gt = groundTruth(SEED);
  const truth1 = Float64Array.from(gt.cells, (c) => (c.stated === "disagree" ? 1 : 0));
  const truth2 = Float64Array.from(gt.cells, (c) => (c.acted === "disagree" ? 1 : 0));
  const uq = uqPerformance(
    { task1: { conf: task1Confidence(t1), truth: truth1 }, task2: { conf: task2Confidence(t2), truth: truth2 } },
    { truth: "simulated latent respondent", seed: 1 },
  );
  const task2Signals = Object.keys(uq.signals).filter((s) => s.startsWith("task2."));
  assert.deepEqual(task2Signals.sort(), ["task2.entropy", "task2.order", "task2.sample", "task2.token", "task2.verbalized"]);
  assert.deepEqual(Object.keys(uq.signals).filter((s) => s.startsWith("task1.")).sort(), ["task1.entropy", "task1.sample", "task1.token", "task1.variant", "task1.verbalized"]);
  const t2wrong = uq.signals["task2.order"].wrong;
  assert.ok(t2wrong >= 10, `${t2wrong} wrong Task 2 answers`);
  // Position-biased cells answer "Option 1" with token probability 1 and the same way in every
  // replicate, yet pick different actions in the two orders: order consistency finds them, token
  // probability and sample consistency cannot, and the rank mean of all signals is diluted by them
  // while the logistic ensemble (fitted out of fold) learns to lean on order consistency.
  const auc = (s: string) => uq.signals[s].auroc!;
  assert.ok(auc("task2.order") > 0.85, `order ${auc("task2.order")}`);
  assert.ok(auc("task2.token") < 0.6 && auc("task2.sample") < auc("task2.order"), `token ${auc("task2.token")}, sample ${auc("task2.sample")}`);
  const logistic = uq.ensembleLogistic.byTask.task2;
  assert.ok(logistic.auroc! > 0.85 && logistic.auroc! > uq.ensemble.byTask.task2.auroc!, `logistic ${logistic.auroc} vs mean ${uq.ensemble.byTask.task2.auroc}`);
  for (const s of Object.values(uq.signals)) assert.deepEqual(Object.keys(s.misclassifiedRecall), ["5", "10", "20"]);
  // reviewing the least confident 20% of the Task 2 answers catches most wrong ones
  assert.ok(logistic.misclassifiedRecall["20"]! > 0.7, JSON.stringify(logistic));
  process.stdout.write(
    `# UQ (simulated, seed ${SEED}, Task 2, ${logistic.wrong} wrong of ${logistic.n}): ${task2Signals.map((s) => `${s} ${auc(s).toFixed(3)}`).join(", ")}; ` +
      `rank-mean ensemble ${uq.ensemble.byTask.task2.auroc!.toFixed(3)}, logistic ${logistic.auroc!.toFixed(3)}\n`,
  );

  // The results layer (what `vag analyze` writes): the same UQ numbers, the confidence section, --min-confidence.
  const rr = runResults(runDir, { iterations: 100 });
  const entry = ModelResultsJsonSchema.parse(JSON.parse(resultsJsonText({ models: { m: rr.results } })).models.m);
  assert.equal(entry.uq!.signals["task2.order"].auroc, uq.signals["task2.order"].auroc);
  assert.ok(entry.uq!.ensembleLogistic.byTask.task2.auroc! > 0.85); // its folds are drawn with the results seed
  assert.match(entry.uq!.truth, /SIMULATED/);
  const conf = entry.confidence!;
  assert.equal(conf.source, "task2");
  assert.deepEqual(conf.signals.task2, ["order", "sample", "entropy", "token", "verbalized"]);
  assert.equal(conf.counts.cells, 336);
  assert.ok(conf.f1Confident && conf.f1Confident.scheme === "crossed");
  assert.equal(Object.keys(conf.cells!).length, 6);
  const restricted = runResults(runDir, { iterations: 100, minConfidence: 0.9 });
  const mc = restricted.results.min_confidence!;
  assert.ok(mc.kept > 0 && mc.kept < mc.cells, JSON.stringify(mc));
  assert.ok(rr.results.undecided!.count > 0 && restricted.results.undecided!.count === 0, "order-inconsistent pairs are below any threshold > 0");

  // A cached re-run keeps the token probabilities (the cache stores logprobs).
  const again = tmp("conf-again");
  await runTask({ ...common, ...signals, runDir: again, task: "task1", scope: scope([0, 1], 2) });
  const cached = openRun(again).task1();
  assert.ok(cached.every((r) => r.cached));
  const byId = new Map(t1.map((r) => [r.id, r]));
  for (const r of cached) assert.deepEqual(r.answerProbs, byId.get(r.id)!.answerProbs);
});

test("--temperature and --verbalized are refused under the paper protocol", async () => {
  const base = { model: "m", runDir: tmp("conf-paper"), baseUrl: sim.url, protocol: "paper" as const, cacheDir: tmp("c"), yes: true, progress: false, log: () => {}, task: "task1" as const, scope: scope([0], 1) };
  await assert.rejects(runTask({ ...base, temperature: 0.5 }), /--temperature is a robust-protocol option/);
  await assert.rejects(runTask({ ...base, verbalized: true }), /--verbalized is a robust-protocol option/);
});
