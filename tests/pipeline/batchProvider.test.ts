import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import OpenAI from "openai";
import { startSimServer, type SimServer } from "../../src/sim";
import { runTask, type RunOptions } from "../../src/pipeline/run";
import { exportBatch } from "../../src/pipeline/batch";
import { batchStatus, fetchBatches, submitBatches } from "../../src/pipeline/batchProvider";
import { readBatchState, writeBatchState } from "../../src/runs/batchState";
import { readManifest } from "../../src/runs/manifest";
import { tmp, smallScope, readLines, type Line } from "./helpers";

/** The whole provider path through the real openai SDK against the simulator's /v1/files and /v1/batches. */

const CANARY = "sk-test-CANARY-batch-0123456789abcdef";
let sim: SimServer;
let clean: SimServer;
let actionsDir = "";
const quiet = () => {};
const savedKey = process.env.OPENAI_API_KEY;

before(async () => {
  process.env.OPENAI_API_KEY = CANARY;
  // batch lines get injected 500s (decided per attempt, as live calls get them)
  sim = await startSimServer({ port: 0, seed: 21, faults: { rate: 0.25, kinds: ["500"] }, batchCompletionMs: 400 });
  clean = await startSimServer({ port: 0, seed: 21 });
  actionsDir = tmp("actions");
  await runTask({ ...opts(actionsDir, tmp("cache-gen"), "task2", clean.url), task: "generate", scope: smallScope([5]) });
});
after(async () => {
  if (savedKey === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = savedKey;
  await sim.close();
  await clean.close();
});

function opts(runDir: string, cacheDir: string, task: "task1" | "task2", baseUrl: string): RunOptions {
  return {
    model: "sim-respondent", runDir, baseUrl, protocol: "robust", seed: 3, cacheDir, yes: true, log: quiet, progress: false, task,
    scope: smallScope(task === "task1" ? [0, 1] : [5]),
    ...(task === "task2" ? { actions: actionsDir } : {}),
  };
}

const answers = (lines: Line[]) => Object.fromEntries(lines.map(({ createdAt: _c, latencyMs: _l, cached: _k, batch: _b, ...rest }) => [rest.id, rest]));

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? allFiles(join(dir, f)) : [join(dir, f)]));
}

test("export -> submit -> status -> fetch (resumable at every step) -> export of the failures -> ... equals the live run; no key in any file", async () => {
  const liveDir = tmp("live");
  const liveCache = tmp("cache-live");
  await runTask(opts(liveDir, liveCache, "task1", clean.url));
  await runTask(opts(liveDir, liveCache, "task2", clean.url));
  const live = { t1: readLines(join(liveDir, "task1.jsonl")), t2: readLines(join(liveDir, "task2.jsonl")) };

  const run = tmp("prov");
  const cache = tmp("cache-prov");
  const work = tmp("files");
  const exported: string[] = [];
  let rounds = 0;
  for (;;) {
    const a = exportBatch({ ...opts(run, cache, "task1", sim.url), out: join(work, `t1-${rounds}.jsonl`), log: quiet });
    const b = exportBatch({ ...opts(run, cache, "task2", sim.url), out: join(work, `t2-${rounds}.jsonl`), log: quiet });
    exported.push(...a.files, ...b.files);
    if (a.requests + b.requests === 0) break;
    assert.ok(++rounds <= 6, "the failures get through within a few rounds");

    const s1 = await submitBatches(run, { log: quiet });
    assert.equal(s1.submitted, (a.requests > 0 ? 1 : 0) + (b.requests > 0 ? 1 : 0));
    // submitting again sends nothing new
    assert.equal((await submitBatches(run, { log: quiet })).submitted, 0);
    if (rounds === 1) {
      // a crash between batches.create and writing the state: the next submit finds the batch instead of creating another
      const state = readBatchState(run)!;
      const part = state.exports.at(-1)!.parts[0];
      const id = part.provider.batchId;
      part.provider.batchId = null;
      writeBatchState(run, state);
      assert.equal((await submitBatches(run, { log: quiet })).submitted, 1);
      assert.equal(readBatchState(run)!.exports.at(-1)!.parts[0].provider.batchId, id);
      const sdk = new OpenAI({ apiKey: "x", baseURL: sim.url });
      const all = [];
      for await (const x of sdk.batches.list()) all.push(x);
      assert.equal(all.length, 2, "no duplicate batch");
      // before the completion time, status says in_progress and fetch imports nothing
      const st = await batchStatus(run, { log: quiet });
      assert.ok(st.every((x) => x.status === "in_progress"));
      const early = await fetchBatches(run, { log: quiet });
      assert.deepEqual(early, { imported: 0, pending: 2 });
    }
    const done = await fetchBatches(run, { log: quiet, wait: true, pollMs: 100 });
    assert.equal(done.pending, 0);
    // fetching again is a no-op (resumes after a crash without importing twice)
    assert.deepEqual(await fetchBatches(run, { log: quiet }), { imported: 0, pending: 0 });
  }
  assert.ok(rounds >= 2, "some batch lines failed and were exported again");

  const t1 = readLines(join(run, "task1.jsonl"));
  const t2 = readLines(join(run, "task2.jsonl"));
  assert.deepEqual(answers(t1), answers(live.t1));
  assert.deepEqual(answers(t2), answers(live.t2));
  const m = readManifest(run);
  assert.ok(m.batches!.every((b) => b.providerBatchId !== null && b.providerBatchId.startsWith("batch-sim")));
  assert.ok(m.batches!.some((b) => b.errors > 0));
  const state = readBatchState(run)!;
  assert.ok(state.exports.every((e) => e.parts.every((p) => p.provider.imported && p.provider.inputFileId !== null)));

  // the key was in the environment and handed to the SDK, yet is in no file
  const everything = [...allFiles(run), ...exported];
  assert.ok(everything.some((f) => f.endsWith("batches.json")) && everything.some((f) => f.endsWith("manifest.json")));
  for (const f of everything) assert.ok(!readFileSync(f, "utf8").includes(CANARY), `${f} holds the key`);
  assert.ok(!readFileSync(join(run, "batches.json"), "utf8").includes("CANARY"));
});
