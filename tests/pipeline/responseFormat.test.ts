import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { startSimServer, type SimServer } from "../../src/sim";
import { runTask, RESPONSE_FORMAT_FALLBACK, type RunOptions } from "../../src/pipeline/run";
import { exportBatch, importBatch } from "../../src/pipeline/batch";
import { readManifest } from "../../src/runs/manifest";
import { responseFormatFor } from "../../src/prompts/responseSchemas";
import { schemaErrors, type JsonSchema } from "../../src/sim/responseFormat";
import { UserError } from "../../src/errors";
import { runBatchWorker } from "../helpers/batchWorker";
import { runVag } from "../helpers/cli";
import { tmp, smallScope, readLines, essence, type Line } from "./helpers";

let sim: SimServer;
let rejecting: SimServer;
before(async () => {
  sim = await startSimServer({ port: 0, seed: 11, malformedRate: 0.3 });
  rejecting = await startSimServer({ port: 0, seed: 11, malformedRate: 0.3, rejectResponseFormat: true });
});
after(async () => {
  await sim.close();
  await rejecting.close();
});

const quiet = () => {};

function opts(runDir: string, cacheDir: string, baseUrl: string, extra: Partial<RunOptions> = {}) {
  return { model: "sim-respondent", runDir, baseUrl, protocol: "robust" as const, seed: 3, cacheDir, yes: true, log: quiet, progress: false, concurrency: 4, ...extra };
}

/** generate (variant 5), task1 (variants 0, 3) and task2 (4 and 5, counterbalanced: 4, 5, 6, 7) into one run directory. */
async function allTasks(runDir: string, cacheDir: string, baseUrl: string, extra: Partial<RunOptions> = {}) {
  const o = opts(runDir, cacheDir, baseUrl, extra);
  await runTask({ ...o, task: "generate", scope: smallScope([5]) });
  await runTask({ ...o, task: "task1", scope: smallScope([0, 3]) });
  await runTask({ ...o, task: "task2", scope: smallScope([4, 5]), actions: runDir });
}

const schemaCounts = (s: SimServer) => structuredClone(s.stats().responseFormat.schemas);

test("a robust run with --response-format json_schema sends each prompt's schema, records it, and every answer parses exactly", async () => {
  const runDir = tmp("rf");
  const before = schemaCounts(sim);
  await allTasks(runDir, tmp("rf-cache"), sim.url, { responseFormat: "json_schema" });
  const gen = readLines(join(runDir, "generate.jsonl"));
  const t1 = readLines(join(runDir, "task1.jsonl"));
  const t2 = readLines(join(runDir, "task2.jsonl"));
  const sent = schemaCounts(sim);
  const delta = (name: string) => (sent[name] ?? 0) - (before[name] ?? 0);
  // the simulator saw one schema per call, the one of the prompt's shape
  assert.equal(delta("via_generation"), gen.length);
  assert.equal(delta("task1_ratings"), t1.length);
  assert.equal(delta("task2_choice"), t2.filter((l) => (l.variant as number) % 2 === 0).length);
  assert.equal(delta("task2_choice_explained"), t2.filter((l) => (l.variant as number) % 2 === 1).length);
  assert.ok(delta("task2_choice") > 0 && delta("task2_choice_explained") > 0);

  // at malformedRate 0.3 a guided answer is never spoiled: all parse, none needs repair, and each validates against its schema
  for (const l of [...gen, ...t1, ...t2]) {
    assert.equal(l.error, null);
    assert.deepEqual(l.parse, { status: "ok" }, String(l.response).slice(0, 100));
  }
  for (const l of t1) assert.deepEqual(schemaErrors(JSON.parse(l.response as string), responseFormatFor("task1", 0).json_schema.schema as JsonSchema), []);
  for (const l of t2) assert.deepEqual(schemaErrors(JSON.parse(l.response as string), responseFormatFor("task2", l.variant as number).json_schema.schema as JsonSchema), []);

  const m = readManifest(runDir);
  for (const task of ["generate", "task1", "task2"]) assert.equal(m.scope[`${task}.responseFormat`], "json_schema");
});

test("without the option nothing is sent and the manifest says text; a run directory keeps its format", async () => {
  const runDir = tmp("rf-text");
  const cacheDir = tmp("rf-text-cache");
  const before = schemaCounts(sim);
  await runTask({ ...opts(runDir, cacheDir, sim.url), task: "task1", scope: smallScope([0]) });
  assert.deepEqual(schemaCounts(sim), before);
  assert.equal(readManifest(runDir).scope["task1.responseFormat"], "text");
  await assert.rejects(
    runTask({ ...opts(runDir, cacheDir, sim.url, { responseFormat: "json_schema" }), task: "task1", scope: smallScope([0, 1]) }),
    /holds a task1 run with --response-format text; use --response-format text or another --run directory/,
  );
});

test("paper protocol + json_schema is refused in one line; so is the fallback without json_schema", async () => {
  const runDir = tmp("rf-paper");
  await assert.rejects(
    runTask({ ...opts(runDir, tmp("c"), sim.url, { protocol: "paper", responseFormat: "json_schema" }), task: "task1", scope: smallScope([0]) }),
    (e: unknown) => e instanceof UserError && e.exitCode === 2 && /^--response-format json_schema is a robust-protocol option .*use --protocol robust$/.test(e.message),
  );
  await assert.rejects(
    runTask({ ...opts(runDir, tmp("c"), sim.url, { responseFormatFallback: true }), task: "task1", scope: smallScope([0]) }),
    /--response-format-fallback applies with --response-format json_schema/,
  );
});

test("dry run names the response format", async () => {
  const t1: string[] = [];
  await runTask({ ...opts(tmp("rf-dry"), tmp("c"), sim.url, { responseFormat: "json_schema", log: (s: string) => t1.push(s) }), task: "task1", scope: smallScope([0]), dryRun: true });
  assert.ok(t1.includes("response format: json_schema, strict (task1_ratings)"), t1.join("\n"));
  const plain: string[] = [];
  await runTask({ ...opts(tmp("rf-dry"), tmp("c"), sim.url, { log: (s: string) => plain.push(s) }), task: "task1", scope: smallScope([0]), dryRun: true });
  assert.ok(plain.includes("response format: text (no response_format sent)"), plain.join("\n"));
});

test("an endpoint that rejects the schema: one clear error and a non-zero exit, not an error per item; with the fallback the run completes as a plain one and the manifest says so", async () => {
  const runDir = tmp("rf-rej");
  const cacheDir = tmp("rf-rej-cache");
  const o = opts(runDir, cacheDir, rejecting.url, { responseFormat: "json_schema" });
  const scope = smallScope([0, 1, 2, 3]); // 8 items, 4 at a time
  const requestsBefore = rejecting.stats().requests;
  await assert.rejects(runTask({ ...o, task: "task1", scope }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.exitCode, 3);
    assert.match(
      e.message,
      /^endpoint rejected response_format json_schema \(HTTP 400: \[simulated\] response_format json_schema is not supported by this model\); rerun without --response-format, or with --response-format-fallback to send plain requests when it is rejected$/,
    );
    assert.equal(e.message.includes("\n"), false);
    return true;
  });
  const failed = readLines(join(runDir, "task1.jsonl"));
  assert.ok(failed.length >= 1 && failed.length <= 4, `at most the calls already under way fail (${failed.length})`);
  assert.ok(rejecting.stats().requests - requestsBefore <= 4);
  assert.equal(readManifest(runDir).scope["task1.responseFormat"], "json_schema");

  // with the fallback: resumes, completes, all plain answers (the same as a text run's), manifest marks the fallback
  const out = await runTask({ ...o, responseFormatFallback: true, task: "task1", scope });
  assert.equal(out.stats?.failures, 0);
  const records = readLines(join(runDir, "task1.jsonl"));
  assert.equal(records.length, 8);
  assert.ok(records.every((l) => l.error === null));
  assert.equal(readManifest(runDir).scope["task1.responseFormat"], RESPONSE_FORMAT_FALLBACK);
  const textDir = tmp("rf-rej-text");
  await runTask({ ...opts(textDir, tmp("rf-rej-text-cache"), rejecting.url), task: "task1", scope });
  const strip = (ls: Line[]) => Object.fromEntries(Object.entries(essence(ls)).map(([id, r]) => [id, { ...(r as object), error: null }]));
  assert.deepEqual(strip(records), strip(readLines(join(textDir, "task1.jsonl"))));
  assert.deepEqual(rejecting.stats().responseFormat.schemas, {}, "no answer of the rejecting server was guided");

  // the mark stays on a later resume of the same run directory
  await runTask({ ...o, responseFormatFallback: true, task: "task1", scope });
  assert.equal(readManifest(runDir).scope["task1.responseFormat"], RESPONSE_FORMAT_FALLBACK);
});

test("vag task1 --response-format json_schema against a rejecting endpoint: exit 3 and one line on stderr", async () => {
  const dir = tmp("rf-cli");
  const r = await runVag(["task1", "--model", "sim-respondent", "--run", join(dir, "run"), "--base-url", rejecting.url, "--countries", "Nigeria", "--topics", "Politics", "--variants", "0", "--cache-dir", join(dir, "cache"), "--response-format", "json_schema"]);
  assert.equal(r.code, 3, r.stderr);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /endpoint rejected response_format json_schema .*--response-format-fallback/);
  const bad = await runVag(["task1", "--model", "m", "--run", join(dir, "run2"), "--base-url", rejecting.url, "--response-format", "yaml", "--dry-run"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad --response-format "yaml": use text or json_schema/);
});

test("batch export lines carry the response_format, and their import lands under the same cache keys as a live run", async () => {
  const run = tmp("rf-batch");
  const cache = tmp("rf-batch-cache");
  const work = tmp("rf-batch-files");
  const o = { ...opts(run, cache, sim.url, { responseFormat: "json_schema" as const }), task: "task1" as const, scope: smallScope([0, 5]) };
  const e = exportBatch({ ...o, out: join(work, "t1.jsonl") });
  const lines = readFileSync(e.files[0], "utf8").trim().split("\n").map((l) => JSON.parse(l) as { body: { response_format?: unknown } });
  assert.equal(lines.length, 4);
  for (const l of lines) assert.deepEqual(l.body.response_format, responseFormatFor("task1", 0));
  const out = join(work, "out.jsonl");
  await runBatchWorker(e.files, out, sim.url, { seed: 1 });
  await importBatch(run, [out], { log: quiet });
  assert.ok(readLines(join(run, "task1.jsonl")).every((l) => l.error === null && (l.parse as { status: string }).status === "ok"));
  // a live run of the same options in a fresh directory is answered by the cache the import filled
  const live = await runTask({ ...o, runDir: tmp("rf-batch-live") });
  assert.equal(live.stats?.cacheHits, 4);
});
