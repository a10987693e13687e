import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSimServer, type SimServer } from "../../src/sim";
import { runTask, type RunOptions } from "../../src/pipeline/run";
import { exportBatch, importBatch } from "../../src/pipeline/batch";
import { readManifest } from "../../src/runs/manifest";
import { readBatchState } from "../../src/runs/batchState";
import { BatchInputLine } from "../../src/llm/batchFile";
import { chatRequestBody } from "../../src/llm/request";
import { FileLineError } from "../../src/errors";
import { runBatchWorker } from "../helpers/batchWorker";
import { tmp, smallScope, readLines, type Line } from "./helpers";

let sim: SimServer;
before(async () => {
  sim = await startSimServer({ port: 0, seed: 11, malformedRate: 0.1 });
  actionsDir = tmp("actions");
  await runTask({ ...opts(actionsDir, tmp("cache-gen"), "task1"), task: "generate", scope: smallScope([5]) });
});
after(async () => {
  await sim.close();
});

const quiet = () => {};
let actionsDir = "";

function opts(runDir: string, cacheDir: string, task: "task1" | "task2"): RunOptions {
  return {
    model: "sim-respondent",
    runDir,
    baseUrl: sim.url,
    protocol: "robust",
    seed: 3,
    cacheDir,
    yes: true,
    log: quiet,
    progress: false,
    task,
    scope: smallScope(task === "task1" ? [0, 1, 2] : [5]),
    ...(task === "task2" ? { actions: actionsDir } : {}),
  };
}

/** What a batch import must reproduce of a live record: its id and its answer (timing, cache provenance and the batch tag aside). */
function answers(lines: Line[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const l of lines) {
    const { createdAt: _c, latencyMs: _l, cached: _k, batch: _b, ...rest } = l;
    out[l.id] = rest;
  }
  return out;
}

async function liveRun(): Promise<{ t1: Line[]; t2: Line[] }> {
  const dir = tmp("live");
  const cache = tmp("cache-live");
  await runTask(opts(dir, cache, "task1"));
  await runTask(opts(dir, cache, "task2"));
  return { t1: readLines(join(dir, "task1.jsonl")), t2: readLines(join(dir, "task2.jsonl")) };
}


test("export -> outside worker (shuffled, some 500s and error lines) -> import -> export of what failed -> import equals the live run", async () => {
  const live = await liveRun();
  const run = tmp("batch");
  const cache = tmp("cache-batch");
  const work = tmp("files");
  const e1 = exportBatch({ ...opts(run, cache, "task1"), out: join(work, "t1.jsonl") });
  const e2 = exportBatch({ ...opts(run, cache, "task2"), out: join(work, "t2.jsonl") });
  assert.equal(e1.requests, live.t1.length);
  assert.equal(e2.requests, live.t2.length);

  // every line is OpenAI batch input; custom_id is the live record id, body exactly the live request
  const inputs = readFileSync(join(work, "t2.jsonl"), "utf8").trim().split("\n").map((l) => BatchInputLine.parse(JSON.parse(l)));
  const liveById = new Map(live.t2.map((l) => [l.id, l]));
  for (const line of inputs) {
    const rec = liveById.get(line.custom_id) as (Line & { prompt: never }) | undefined;
    assert.ok(rec, `custom_id ${line.custom_id} is a live record id`);
    assert.deepEqual(line.body, chatRequestBody({ model: "sim-respondent", messages: rec.prompt, temperature: 0.2, seed: 3 }));
  }

  const out1 = join(work, "out1.jsonl");
  const w1 = await runBatchWorker([e1.files[0], e2.files[0]], out1, sim.url, { seed: 5, fail: (i) => i % 5 === 1, errorLine: (i) => i === 3 });
  assert.ok(w1.failed >= 3);
  const r1 = await importBatch(run, [out1], { log: quiet });
  assert.equal(r1.tasks.task1.errors + r1.tasks.task2.errors, w1.failed);
  const t2After1 = readLines(join(run, "task2.jsonl"));
  assert.ok(t2After1.some((l) => l.error !== null && /HTTP 500 \(batch\)/.test(String(l.error))));

  // the next export holds exactly the failed calls
  const again1 = exportBatch({ ...opts(run, cache, "task1"), out: join(work, "t1b.jsonl") });
  const again2 = exportBatch({ ...opts(run, cache, "task2"), out: join(work, "t2b.jsonl") });
  assert.equal(again1.requests + again2.requests, w1.failed);
  const out2 = join(work, "out2.jsonl");
  await runBatchWorker([...again1.files, ...again2.files], out2, sim.url, { seed: 9 });
  await importBatch(run, [out2], { log: quiet });

  const t1 = readLines(join(run, "task1.jsonl"));
  const t2 = readLines(join(run, "task2.jsonl"));
  for (const lines of [t1, t2]) assert.equal(new Set(lines.map((l) => l.id)).size, lines.length, "each id once");
  assert.deepEqual(answers(t1), answers(live.t1));
  assert.deepEqual(answers(t2), answers(live.t2));
  assert.ok(t2.every((l) => l.batch === "out1.jsonl" || l.batch === "out2.jsonl"));

  // the manifest says which records came from which batch file
  const m = readManifest(run);
  assert.deepEqual(
    m.batches!.map((b) => [b.file, b.task]).sort(),
    [["out1.jsonl", "task1"], ["out1.jsonl", "task2"], ["out2.jsonl", "task1"], ["out2.jsonl", "task2"]].filter(([f, t]) => f === "out1.jsonl" || (t === "task1" ? again1.requests > 0 : again2.requests > 0)).sort(),
  );
  const fromOut1 = m.batches!.filter((b) => b.file === "out1.jsonl").reduce((n, b) => n + b.records, 0);
  assert.equal(fromOut1, live.t1.length + live.t2.length);
  assert.equal(m.counts.task2.records, live.t2.length);
  assert.equal(m.counts.task2.error, 0);

  // nothing left: the export writes nothing; the answers are in the cache, so a fresh run directory exports nothing either
  assert.equal(exportBatch({ ...opts(run, cache, "task2"), out: join(work, "none.jsonl") }).requests, 0);
  const fresh = exportBatch({ ...opts(tmp("fresh"), cache, "task2"), out: join(work, "fresh.jsonl") });
  assert.deepEqual([fresh.requests, fresh.cached], [0, live.t2.length]);
  assert.equal(existsSync(join(work, "fresh.jsonl")), false);
});

test("a malformed line, an unknown custom_id or a torn file is FILE:LINE: reason and imports nothing", async () => {
  const run = tmp("bad");
  const cache = tmp("cache-bad");
  const work = tmp("files-bad");
  const e = exportBatch({ ...opts(run, cache, "task1"), out: join(work, "in.jsonl") });
  const good = join(work, "good.jsonl");
  await runBatchWorker(e.files, good, sim.url);
  const lines = readFileSync(good, "utf8").trim().split("\n");
  const cases: [string, string, RegExp][] = [
    ["json", [lines[0], "{not json", ...lines.slice(1)].join("\n") + "\n", /:2: invalid JSON/],
    ["unknown", [lines[0], JSON.stringify({ ...JSON.parse(lines[1]), custom_id: "deadbeefdeadbeef" }), ...lines.slice(2)].join("\n") + "\n", /:2: unknown custom_id "deadbeefdeadbeef"/],
    ["status", [JSON.stringify({ ...JSON.parse(lines[0]), response: { status_code: "200", body: {} } }), ...lines.slice(1)].join("\n") + "\n", /:1: response.status_code: /],
    ["torn", lines.join("\n") + "\n" + lines[0].slice(0, 40), new RegExp(`:${lines.length + 1}: torn last line`)],
    ["neither", [lines[0], JSON.stringify({ custom_id: JSON.parse(lines[1]).custom_id, response: null, error: null })].join("\n") + "\n", /:2: neither a response nor an error/],
  ];
  for (const [name, text, reason] of cases) {
    const f = join(work, `${name}.jsonl`);
    writeFileSync(f, text);
    await assert.rejects(importBatch(run, [good, f], { log: quiet }), (err: unknown) => {
      assert.ok(err instanceof FileLineError, String(err));
      assert.equal(err.exitCode, 2);
      assert.ok(err.message.startsWith(f + ":"), err.message);
      assert.match(err.message, reason);
      return true;
    });
    assert.equal(existsSync(join(run, "task1.jsonl")), false, `${name}: nothing imported`);
  }
  // a 200 with an unusable body is a failed call (exported again), not a malformed file
  const odd = join(work, "odd.jsonl");
  writeFileSync(odd, [JSON.stringify({ ...JSON.parse(lines[0]), response: { status_code: 200, request_id: "r", body: { choices: "none" } } }), ...lines.slice(1)].join("\n") + "\n");
  const r = await importBatch(run, [odd], { log: quiet });
  assert.equal(r.tasks.task1.errors, 1);
  assert.match(String(readLines(join(run, "task1.jsonl")).find((l) => l.error !== null)!.error), /^batch response body: choices: /);
});

test("export splits at the per-file request limit; the state remembers every part", () => {
  const run = tmp("split");
  const work = tmp("files-split");
  const e = exportBatch({ ...opts(run, tmp("cache-split"), "task2"), out: join(work, "t2.jsonl"), limits: { requests: 5, bytes: 200 * 1024 * 1024 } });
  assert.ok(e.files.length >= 3);
  assert.deepEqual(e.files.map((f) => f.slice(work.length + 1)), e.files.map((_, i) => `t2.${i + 1}.jsonl`));
  const counts = e.files.map((f) => readFileSync(f, "utf8").trim().split("\n").length);
  assert.ok(counts.every((n) => n <= 5));
  assert.equal(counts.reduce((a, b) => a + b, 0), e.requests);
  const state = readBatchState(run)!;
  assert.deepEqual(state.exports[0].parts.map((p) => p.requests), counts);
  assert.equal(state.exports[0].options.task, "task2");
  const bySize = exportBatch({ ...opts(tmp("split2"), tmp("cache-split2"), "task2"), out: join(work, "b.jsonl"), limits: { requests: 50_000, bytes: 4000 } });
  assert.ok(bySize.files.length > 1);
  for (const f of bySize.files) assert.ok(readFileSync(f).length <= 4000);
});

test("--max-cost refuses an export estimated above it and stops a live run before it would exceed it; dry run and manifest show the batch price", async () => {
  const models = join(tmp("models"), "models.json");
  writeFileSync(models, JSON.stringify({ models: [{ id: "sim-respondent", baseUrl: sim.url, pricePerMillion: { input: 100, output: 100 }, batchDiscount: 0.5 }] }));
  const o = { ...opts(tmp("cost"), tmp("cache-cost"), "task1" as const), baseUrl: undefined, modelsFile: models };
  const logs: string[] = [];
  await runTask({ ...o, dryRun: true, log: (s) => logs.push(s) });
  const m = /estimated cost \$([\d.]+) live, \$([\d.]+) as a batch/.exec(logs.join("\n"));
  assert.ok(m, logs.join("\n"));
  assert.ok(Math.abs(Number(m[2]) - Number(m[1]) / 2) < 1e-4);
  assert.throws(() => exportBatch({ ...o, out: join(tmp("f"), "x.jsonl"), maxCostUsd: Number(m[2]) / 2 }), /over --max-cost/);
  // a live run stops before the call that would take its spend over the limit
  const stopped = await runTask({ ...o, maxCostUsd: 0.0000001, concurrency: 1 });
  assert.equal(stopped.stats!.attempted, 1, JSON.stringify(stopped.stats));
  assert.ok(stopped.stats!.planned > 1);
  const man = readManifest(o.runDir);
  assert.ok(man.priceUsd && man.priceUsd.live !== null && man.priceUsd.batch !== null);
  assert.ok(Math.abs(man.priceUsd.batch! - man.priceUsd.live! / 2) < 1e-12);
});

test("an export with confidence signals (--verbalized, --logprobs, --temperature, --replicates) imports as the live run with them", async () => {
  const signals = { verbalized: true, logprobs: true, topLogprobs: 3, temperature: 0.7 };
  const scope = { ...smallScope([5]), replicates: 2 };
  const live = tmp("signals-live");
  const liveCache = tmp("cache-signals-live");
  await runTask({ ...opts(live, liveCache, "task2"), ...signals, scope });
  const liveLines = readLines(join(live, "task2.jsonl"));
  assert.ok(liveLines.every((l) => "confidence" in l && "answerProb" in l), "the live records carry both signals");
  assert.ok(liveLines.filter((l) => typeof l.confidence === "number" && typeof l.answerProb === "number").length > liveLines.length / 2, "and read them");

  const run = tmp("signals-batch");
  const work = tmp("signals-files");
  const e = exportBatch({ ...opts(run, tmp("cache-signals-batch"), "task2"), ...signals, scope, out: join(work, "t2.jsonl") });
  assert.equal(e.requests, liveLines.length);
  const out = join(work, "out.jsonl");
  await runBatchWorker(e.files, out, sim.url, { seed: 2 });
  await importBatch(run, [out], { log: quiet });
  // Same ids (verbalized prompts), same answers, the verbalized confidence and the token probabilities read.
  assert.deepEqual(answers(readLines(join(run, "task2.jsonl"))), answers(liveLines));
  const m = readManifest(run);
  assert.equal(m.scope["task2.temperature"], 0.7);
  assert.equal(m.scope["task2.verbalized"], true);
  assert.equal(m.scope["task2.logprobs"], true);
});
