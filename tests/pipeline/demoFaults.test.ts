import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startSimServer } from "../../src/sim";
import { FAULT_KINDS } from "../../src/sim/faults";
import { DEMO_SEED, runDemoPipeline } from "../../src/pipeline/demo";
import { runResults } from "../../src/results/runResults";
import { runTargets } from "../../src/gap/runDir";
import { runGap } from "../../src/gap/runGap";
import { readManifest } from "../../src/runs/manifest";
import type { Country, Topic } from "../../src/catalog";
import { tmp, readLines, essence } from "./helpers";

/**
 * Issue 7 item 1: the demo pipeline (generate -> Task 1 -> Task 2 through the
 * real openai SDK over HTTP) against the simulator with 20% injected faults
 * of every kind ends with the same records, the same run analysis (F1,
 * distances, ranking, inconsistency) and the same gap-prediction results as
 * a clean run, and the manifest counts every retry by kind.
 *
 * Scope: the demo's two countries x two of its topics x all 56 values (the
 * full demo scope triples the time without testing anything new); the gap
 * experiment needs at least `folds` scenarios, so 4 scenarios and 3 folds.
 */
const SCOPE = { countries: ["United States", "Nigeria"] as Country[], topics: ["Politics", "Religion"] as Topic[] };
const quiet = () => {};

/** The gap experiment on a run, without the notes that name its (temp) directory. */
function gapOf(runDir: string) {
  const { targets } = runTargets(runDir);
  const { notes: _n, ...rest } = runGap(targets, { folds: 3, bootstrap: 100, seed: 42 });
  return rest;
}

test("demo pipeline: 20% faults of every kind end with the records and metrics of a clean run; retries counted by kind", { timeout: 600_000 }, async () => {
  const clean = tmp("demo-clean");
  await runDemoPipeline({ runDir: clean, cacheDir: tmp("demo-clean-cache"), scope: SCOPE, log: quiet, progress: false });

  const faulty = await startSimServer({ port: 0, seed: DEMO_SEED, faults: { rate: 0.2, retryAfterSeconds: 0, hangMs: 5000 } });
  const noisy = tmp("demo-noisy");
  try {
    await runDemoPipeline({ runDir: noisy, cacheDir: tmp("demo-noisy-cache"), scope: SCOPE, sim: faulty, timeoutMs: 2000, log: quiet, progress: false });
  } finally {
    await faulty.close();
  }

  // Records: every call finally succeeded and every record equals the clean run's.
  for (const f of ["generate.jsonl", "task1.jsonl", "task2.jsonl"]) {
    const a = readLines(join(clean, f));
    const b = readLines(join(noisy, f));
    assert.ok(a.length > 0, `${f}: the clean run wrote records`);
    assert.equal(b.filter((l) => l.error !== null).length, 0, `${f}: no call finally failed`);
    assert.deepEqual(essence(b), essence(a), `${f} equals the clean run`);
  }

  // Metrics: the run analysis and the gap predictor give identical numbers.
  const ra = runResults(clean);
  const rb = runResults(noisy);
  assert.ok(ra.results.f1?.overall !== undefined && ra.results.inconsistency, "the clean run has F1 and inconsistency counts");
  assert.deepEqual(rb.results, ra.results, "run results (F1, kappa, distances, ranking, inconsistency, undecided, every interval)");
  assert.deepEqual(rb.matrices, ra.matrices, "heatmap grids");
  const ga = gapOf(clean);
  assert.ok(ga.experiments.length > 0, "the gap experiment produced rows");
  assert.deepEqual(gapOf(noisy), ga, "gap-prediction results");

  // Retries: every kind was injected and each injected fault is one retry of its kind.
  const faults = faulty.stats().faults;
  const m = readManifest(noisy);
  for (const kind of FAULT_KINDS) assert.ok(faults[kind] > 0, `faults of kind ${kind} were injected (${JSON.stringify(faults)})`);
  const total = Object.values(faults).reduce((s, n) => s + n, 0);
  const attempts = faulty.stats().requests;
  assert.ok(total / attempts > 0.1, `about 20% of attempts faulted (${total} of ${attempts})`);
  for (const kind of ["429", "500", "503", "reset", "bad-body", "empty-choices"] as const)
    assert.equal(m.retries[kind] ?? 0, faults[kind], `retries of kind ${kind}`);
  // A hang is a timeout on the client. On a loaded machine a slow answer may time out too
  // (and is retried, with the same final record), so timeouts are at least the hangs.
  assert.ok((m.retries.timeout ?? 0) >= faults.hang, `hangs were retried as timeouts (${m.retries.timeout} >= ${faults.hang})`);
  assert.equal(readManifest(clean).retries.timeout ?? 0, 0, "the clean run needed no retries");
});
