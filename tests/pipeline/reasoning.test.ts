import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startSimServer, type SimServer } from "../../src/sim";
import { REASONING_MODES, type ReasoningMode } from "../../src/sim/reasoning";
import { runTask, type RunOptions } from "../../src/pipeline/run";
import { exportBatch, importBatch } from "../../src/pipeline/batch";
import { splitReasoning } from "../../src/parse/reasoning";
import { createLlmClient } from "../../src/llm/client";
import { fewShotMessages, FEWSHOT_SETTINGS } from "../../src/prompts";
import { fewShotPrediction } from "../../src/gap/fewshotScore";
import { runBatchWorker } from "../helpers/batchWorker";
import { runVag } from "../helpers/cli";
import { tmp, smallScope, readLines, essence, type Line } from "./helpers";

/**
 * Issue 15 item 1, done when: generate, Task 1 and Task 2 through the
 * simulator's reasoning mode give the same records as without it. Four
 * simulators with one seed (reasoning off, inline, field, both), the real
 * openai SDK over sockets, both protocols, 10% malformed answers: every record
 * has the same id, parse status and parsed answer; only `response` (the
 * inline block before the same answer) and `reasoning` (the provider field)
 * differ. The deliberations hold decoys (a draft that differs from the
 * answer), so a parser that read them would give other records.
 */

const SEED = 13;
const sims = new Map<ReasoningMode, SimServer>();
before(async () => {
  for (const mode of REASONING_MODES) sims.set(mode, await startSimServer({ port: 0, seed: SEED, malformedRate: 0.1, reasoning: mode }));
});
after(async () => {
  for (const s of sims.values()) await s.close();
});

const quiet = () => {};
const TASKS = ["generate", "task1", "task2"] as const;

function options(mode: ReasoningMode, protocol: "robust" | "paper", runDir: string, cacheDir: string): Omit<RunOptions, "task" | "scope"> {
  return { model: "sim-respondent", runDir, baseUrl: sims.get(mode)!.url, protocol, seed: 3, cacheDir, yes: true, log: quiet, progress: false, concurrency: 8 };
}

async function allTasks(mode: ReasoningMode, protocol: "robust" | "paper", signals: { verbalized?: boolean; logprobs?: boolean } = {}): Promise<{ runDir: string; lines: Record<(typeof TASKS)[number], Line[]> }> {
  const runDir = tmp(`reasoning-${mode}-${protocol}`);
  const o = { ...options(mode, protocol, runDir, tmp("cache")), ...signals };
  const { verbalized: _v, logprobs: _l, ...generation } = o; // the confidence signals are for Task 1 and Task 2
  await runTask({ ...generation, task: "generate", scope: smallScope([5]) });
  await runTask({ ...o, task: "task1", scope: smallScope([0, 1, 2, 3, 4, 5, 6, 7]) });
  await runTask({ ...o, task: "task2", scope: smallScope([5]), actions: runDir });
  return { runDir, lines: { generate: readLines(join(runDir, "generate.jsonl")), task1: readLines(join(runDir, "task1.jsonl")), task2: readLines(join(runDir, "task2.jsonl")) } };
}

/** A record's answer: everything but the raw text, the reasoning field and timing/cache provenance. */
const answers = (lines: Line[]) => {
  const e = essence(lines) as Record<string, Record<string, unknown>>;
  for (const id of Object.keys(e)) {
    const { response: _r, reasoning: _z, ...rest } = e[id];
    e[id] = rest;
  }
  return e;
};

for (const protocol of ["robust", "paper"] as const)
  test(`${protocol}: a run through the reasoning modes (inline, field, both) equals a run without them`, async () => {
    const off = await allTasks("off", protocol);
    for (const task of TASKS) assert.ok(off.lines[task].length >= 12, `${task}: ${off.lines[task].length} records`);
    assert.ok(off.lines.task2.some((l) => l.choice === 1) && off.lines.task2.some((l) => l.choice === 2));
    assert.ok(TASKS.some((t) => off.lines[t].some((l) => (l.parse as { status: string }).status !== "ok")), "some malformed answers are in the comparison");
    for (const mode of ["inline", "field", "both"] as const) {
      const decoysBefore = sims.get(mode)!.stats().decoys;
      const on = await allTasks(mode, protocol);
      assert.ok(sims.get(mode)!.stats().decoys > decoysBefore, `${mode}: the deliberations held decoys`);
      for (const task of TASKS) {
        const a = answers(off.lines[task]);
        const b = answers(on.lines[task]);
        assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), `${mode} ${task}: the same ids`);
        for (const id of Object.keys(a)) assert.deepEqual(b[id], a[id], `${mode} ${task} ${id}`);
        const offById = new Map(off.lines[task].map((l) => [l.id, l]));
        for (const l of on.lines[task]) {
          const plain = offById.get(l.id)!;
          assert.equal("reasoning" in plain, false, "no reasoning field from a server that sends none");
          if (mode === "field") assert.equal(l.response, plain.response);
          else {
            assert.notEqual(l.response, plain.response);
            assert.equal(splitReasoning(String(l.response)).answer, String(plain.response).trim(), `${mode} ${task}: the answer after the block`);
          }
          if (mode === "inline") assert.equal("reasoning" in l, false);
          else assert.ok(typeof l.reasoning === "string" && l.reasoning.length > 0, `${mode}: the provider field is kept`);
        }
      }
    }
  });

test("with --verbalized and --logprobs the confidence and the answer tokens' probabilities are read from the answer, not the deliberation", async () => {
  const signals = { verbalized: true, logprobs: true };
  const off = await allTasks("off", "robust", signals);
  const both = await allTasks("both", "robust", signals);
  for (const task of ["task1", "task2"] as const) {
    const a = answers(off.lines[task]);
    const b = answers(both.lines[task]);
    assert.deepEqual(b, a, task);
    const probs = off.lines[task].map((l) => (task === "task1" ? l.answerProbs : l.answerProb));
    assert.ok(probs.some((p) => p !== null && p !== undefined), `${task}: token probabilities were located`);
    assert.ok(off.lines[task].some((l) => typeof l.confidence === "number"), `${task}: verbalized confidences were read`);
  }
});

test("batch import through the reasoning simulator keeps the reasoning field and equals the live run", async () => {
  const live = await allTasks("both", "robust");
  const run = tmp("reasoning-batch");
  const cache = tmp("cache-batch");
  const work = tmp("reasoning-files");
  const o = { ...options("both", "robust", run, cache), task: "task2" as const, scope: smallScope([5]), actions: live.runDir };
  const e = exportBatch({ ...o, out: join(work, "t2.jsonl") });
  assert.equal(e.requests, live.lines.task2.length);
  const out = join(work, "out.jsonl");
  await runBatchWorker(e.files, out, sims.get("both")!.url, { seed: 4 });
  await importBatch(run, [out], { log: quiet });
  const imported = readLines(join(run, "task2.jsonl"));
  const strip = (lines: Line[]) => {
    const e2 = essence(lines) as Record<string, Record<string, unknown>>;
    for (const id of Object.keys(e2)) delete e2[id].batch;
    return e2;
  };
  assert.deepEqual(strip(imported), strip(live.lines.task2));
  assert.ok(imported.every((l) => typeof l.reasoning === "string"));

  // The records validate with their reasoning field.
  const v = await runVag(["validate", join(run, "task2.jsonl"), "--json"]);
  assert.equal(v.code, 0, v.stderr);
  assert.equal(JSON.parse(v.stdout).counts.task2.records, imported.length);
});

test("few-shot gap prediction: the label is read after the deliberation, never the draft label in it", async () => {
  const shots = [
    { action: "I make a point of helping.", attributions: ["helping"], explanation: "It helps.", label: true },
    { action: "I deliberately avoid helping.", attributions: ["avoid helping"], explanation: "It does not.", label: false },
  ];
  const predictions = async (mode: ReasoningMode) => {
    const client = createLlmClient({ baseUrl: sims.get(mode)!.url, noCache: true, concurrency: 8 });
    const out: Array<boolean | null> = [];
    for (const setting of FEWSHOT_SETTINGS) {
      const rs = await Promise.all(
        Array.from({ length: 15 }, (_, i) => client.complete({ model: "sim-respondent", messages: fewShotMessages(setting, shots, { action: `I deliberately skip the vote ${i} times, hesitantly.` }), temperature: 0 })),
      );
      for (const r of rs) {
        assert.equal(r.error, null);
        out.push(fewShotPrediction(r.output));
      }
    }
    return out;
  };
  const off = await predictions("off");
  assert.ok(off.includes(true) && off.includes(false), "both labels occur");
  for (const mode of ["inline", "field", "both"] as const) assert.deepEqual(await predictions(mode), off, mode);
});
