import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { startSimServer, type SimServer } from "../../src/sim";
import { runTask } from "../../src/pipeline/run";
import { readManifest } from "../../src/runs/manifest";
import { tmp, smallScope, readLines, essence } from "./helpers";

let sim: SimServer;
before(async () => {
  sim = await startSimServer({ port: 0, seed: 11, malformedRate: 0.1 });
});
after(async () => {
  await sim.close();
});

const quiet = () => {};

async function allTasks(runDir: string, cacheDir: string, baseUrl: string, extra: Record<string, unknown> = {}) {
  const common = { model: "sim-respondent", runDir, baseUrl, protocol: "robust" as const, seed: 3, cacheDir, yes: true, log: quiet, progress: false, concurrency: 8, ...extra };
  await runTask({ ...common, task: "generate", scope: smallScope([5]) });
  await runTask({ ...common, task: "task1", scope: smallScope([0, 1, 2]) });
  return runTask({ ...common, task: "task2", scope: smallScope([5]), actions: runDir });
}

test("a run writes one record per planned item, a manifest, and resumes without calling again", async () => {
  const runDir = tmp("run");
  const cacheDir = tmp("cache");
  const t2 = await allTasks(runDir, cacheDir, sim.url);
  const gen = readLines(join(runDir, "generate.jsonl"));
  const t1 = readLines(join(runDir, "task1.jsonl"));
  const t2l = readLines(join(runDir, "task2.jsonl"));
  assert.equal(gen.length, 1 * 2 * 4 * 2);
  assert.equal(t1.length, 2 * 3);
  // counterbalanced: variants 5 and 7 for each usable pair
  assert.equal(t2l.length, 2 * (8 - t2.skippedCells.length));
  for (const lines of [gen, t1, t2l]) assert.equal(new Set(lines.map((l) => l.id)).size, lines.length);
  assert.deepEqual(new Set(t2l.map((l) => l.optionOrder)), new Set(["negative-first", "positive-first"]));
  for (const l of t2l) if (l.choice !== null) assert.ok(l.chosenPolarity === "positive" || l.chosenPolarity === "negative");
  assert.ok(gen.every((l) => l.source === "sim"), "answers of the simulator are labelled sim");
  const m = readManifest(runDir);
  assert.equal(m.simulated, true);
  assert.equal(m.protocol, "robust");
  assert.equal(m.counts.generate.records, gen.length);
  assert.equal(m.counts.task2.planned, t2l.length);

  // resume: nothing left to do, no new calls
  const before = sim.stats().requests;
  const again = await runTask({ model: "sim-respondent", runDir, baseUrl: sim.url, protocol: "robust", seed: 3, cacheDir, yes: true, log: quiet, progress: false, task: "task1", scope: smallScope([0, 1, 2]) });
  assert.equal(again.stats?.attempted, 0);
  assert.equal(again.stats?.skippedDone, 6);
  assert.equal(sim.stats().requests, before);
});

test("a protocol switch on an existing run directory is refused", async () => {
  const runDir = tmp("proto");
  await runTask({ model: "m", runDir, baseUrl: sim.url, protocol: "robust", cacheDir: tmp("c"), yes: true, log: quiet, progress: false, task: "task1", scope: smallScope([0]) });
  await assert.rejects(
    runTask({ model: "m", runDir, baseUrl: sim.url, protocol: "paper", cacheDir: tmp("c"), yes: true, log: quiet, progress: false, task: "task1", scope: smallScope([0]) }),
    /robust-protocol run; use --protocol robust/,
  );
});

test("dry run sends nothing and counts cache hits", async () => {
  const runDir = tmp("dry");
  const cacheDir = tmp("cache");
  const lines: string[] = [];
  const before = sim.stats().requests;
  const out = await runTask({ model: "m", runDir, baseUrl: sim.url, protocol: "robust", cacheDir, yes: true, log: (s) => lines.push(s), progress: false, task: "task1", scope: smallScope([0, 1]), dryRun: true });
  assert.equal(out.dryRun, true);
  assert.equal(sim.stats().requests, before);
  assert.match(lines.join("\n"), /dry run: task1: 4 items, 0 already done, 4 to call \(0 cached\)/);
});

test("15% injected faults of every kind end with the same records as a clean run", async () => {
  const faulty = await startSimServer({
    port: 0,
    seed: 11,
    malformedRate: 0.1,
    faults: { rate: 0.15, retryAfterSeconds: 0, hangMs: 5000 },
  });
  try {
    const clean = tmp("clean");
    const noisy = tmp("noisy");
    await allTasks(clean, tmp("c1"), sim.url, { noCache: true });
    await allTasks(noisy, tmp("c2"), faulty.url, { noCache: true, timeoutMs: 2000 });
    for (const f of ["generate.jsonl", "task1.jsonl", "task2.jsonl"]) {
      const a = readLines(join(clean, f));
      const b = readLines(join(noisy, f));
      assert.equal(b.filter((l) => l.error !== null).length, 0, `${f}: no call finally failed`);
      assert.deepEqual(essence(b), essence(a), `${f} equals the clean run`);
    }
    const faults = faulty.stats().faults;
    const m = readManifest(noisy);
    const injected = Object.values(faults).reduce((s, n) => s + n, 0);
    assert.ok(injected > 0, "faults were injected");
    // every injected fault was retried and counted by kind in the manifest; a hang shows as a
    // timeout, and a slow answer on a loaded machine may add timeouts of its own
    for (const kind of ["429", "500", "503", "reset", "bad-body", "empty-choices"] as const)
      assert.equal(m.retries[kind] ?? 0, faults[kind], `retries of kind ${kind}`);
    assert.ok((m.retries.timeout ?? 0) >= faults.hang, "hangs were retried as timeouts");
  } finally {
    await faulty.close();
  }
});

test("the API key never reaches the run directory or the cache", async () => {
  const canary = "sk-test-CANARY-0123456789abcdefXYZ";
  const prev = process.env.OPENAI_API_KEY;
  process.env.OPENAI_API_KEY = canary;
  try {
    const runDir = tmp("secret");
    const cacheDir = tmp("secret-cache");
    await allTasks(runDir, cacheDir, sim.url);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    const files = [...walk(runDir), ...walk(cacheDir)];
    assert.ok(files.length >= 4);
    for (const f of files) assert.ok(!readFileSync(f, "utf8").includes(canary), `${f} holds the key`);
  } finally {
    if (prev === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = prev;
  }
});
