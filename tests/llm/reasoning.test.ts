import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { interpret } from "../../src/llm/transport";
import { CACHE_FILE, cacheKey, openCache, withCache } from "../../src/llm/cache";
import { BatchOutputLine, batchResult } from "../../src/llm/batchFile";
import type { CompletionRequest, CompletionResult, LlmClient } from "../../src/llm/types";
import { generateRecord, task2Record } from "../../src/pipeline/records";
import { AnyRecord } from "../../src/runs/records";
import type { WorkItem, GenerateMeta, Task2Meta } from "../../src/pipeline/items";

const body = (message: Record<string, unknown>) => ({ choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "stop" }] });

test("interpret: reasoning_content and reasoning are kept beside the content, never in it", () => {
  const answer = '{"action": "Option 2"}';
  const draft = 'Option 1? maybe {"action": "Option 1"}';
  const cases: Array<[string, Record<string, unknown>, string | undefined]> = [
    ["neither", { content: answer }, undefined],
    ["reasoning_content (DeepSeek, vLLM)", { content: answer, reasoning_content: draft }, draft],
    ["reasoning (OpenRouter, Ollama, Groq)", { content: answer, reasoning: draft }, draft],
    ["both, the same text", { content: answer, reasoning_content: draft, reasoning: draft }, draft],
    ["both, different texts", { content: answer, reasoning_content: "first", reasoning: "second" }, "first\n\nsecond"],
    ["null and empty are none", { content: answer, reasoning_content: null, reasoning: "  " }, undefined],
    ["a non-string is none", { content: answer, reasoning: { steps: [] } }, undefined],
  ];
  for (const [name, message, reasoning] of cases) {
    const a = interpret(body(message));
    assert.ok(a.ok, name);
    if (!a.ok) continue;
    assert.equal(a.output, answer, name);
    assert.equal(a.reasoning, reasoning, name);
    assert.equal("reasoning" in a, reasoning !== undefined, `${name}: absent when none was sent`);
  }
});

test("interpret: reasoning and no content (cut off by max_tokens) is an answer of \"\" with its reasoning, not a bad body retried forever", () => {
  const a = interpret(body({ content: null, reasoning_content: "Let me think about Option 1 and" }));
  assert.deepEqual(a, { ok: true, output: "", usage: null, simulated: false, reasoning: "Let me think about Option 1 and" });
  assert.deepEqual(interpret(body({ reasoning: "thinking" })), { ok: true, output: "", usage: null, simulated: false, reasoning: "thinking" });
  // Without reasoning a null content stays a bad body (retried).
  assert.equal((interpret(body({ content: null })) as { kind?: string }).kind, "bad-body");
  assert.equal((interpret(body({ content: null, reasoning: "" })) as { kind?: string }).kind, "bad-body");
});

test("the record keeps the reasoning field, parses only the content, and an empty answer with reasoning fails as 'reasoning without answer'", () => {
  const result = (output: string | null, reasoning?: string): CompletionResult => ({
    output,
    error: null,
    usage: null,
    costUsd: null,
    cached: false,
    latencyMs: 1,
    retries: {},
    simulated: false,
    ...(reasoning !== undefined ? { reasoning } : {}),
  });
  const item: WorkItem<Task2Meta> = {
    id: "t2-a",
    variant: 5,
    replicate: 0,
    messages: [{ role: "user", content: "which?" }],
    meta: { country: "Nigeria", topic: "Politics", value: "Wealth", optionOrder: "negative-first" },
  };
  const c = { model: "m", protocol: "robust" as const };

  const withField = task2Record(item, result('{"action": "Option 2"}', '{"action": "Option 1"} is my draft'), c);
  assert.equal(withField.choice, 2, "the draft in the reasoning field is never read");
  assert.equal(withField.response, '{"action": "Option 2"}');
  assert.equal(withField.reasoning, '{"action": "Option 1"} is my draft');
  assert.ok(AnyRecord.safeParse(withField).success);

  const none = task2Record(item, result('{"action": "Option 2"}'), c);
  assert.equal("reasoning" in none, false, "no reasoning sent: no field, so old runs keep their shape");

  const cutOff = task2Record(item, result("", 'Option 1? maybe {"action": "Option 1"}'), c);
  assert.deepEqual([cutOff.parse, cutOff.choice, cutOff.error], [{ status: "failed", reason: "reasoning without answer" }, null, null]);

  const gen = generateRecord({ ...item, meta: { country: "Nigeria", topic: "Politics", value: "Wealth", polarity: "positive" } } satisfies WorkItem<GenerateMeta>, result("", "drafting"), c);
  assert.deepEqual([gen.parse.status, gen.parse.reason, gen.reasoning, gen.response], ["failed", "reasoning without answer", "drafting", ""]);

  // The record schema accepts the field (string or null) and rejects other types.
  assert.ok(AnyRecord.safeParse({ ...none, reasoning: null }).success);
  assert.equal(AnyRecord.safeParse({ ...none, reasoning: 3 }).success, false);
});

test("cache: an answer's reasoning is stored and served on a hit; entries without it (and older ones) load as none", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-cache-reasoning-"));
  const base = "http://127.0.0.1:9/v1";
  let calls = 0;
  const inner: LlmClient = {
    async complete(req) {
      calls++;
      const thinks = req.messages[0].content === "think";
      return { output: "answer", error: null, usage: null, costUsd: null, cached: false, latencyMs: 1, retries: {}, simulated: false, ...(thinks ? { reasoning: "draft" } : {}) };
    },
  };
  const req = (content: string): CompletionRequest => ({ model: "m", messages: [{ role: "user", content }] });
  const client = withCache(openCache(dir), base)(inner);
  const fresh = await client.complete(req("think"));
  assert.equal(fresh.reasoning, "draft");
  const hit = await client.complete(req("think"));
  assert.deepEqual([hit.cached, hit.output, hit.reasoning, calls], [true, "answer", "draft", 1]);
  const plain = await client.complete(req("plain"));
  assert.equal("reasoning" in plain, false);

  // An entry written before the field existed (no `reasoning` key) still loads.
  const old = { key: cacheKey(base, req("old")), createdAt: "2025-01-01T00:00:00.000Z", endpoint: base, model: "m", output: "old answer", usage: null, simulated: false };
  appendFileSync(join(dir, CACHE_FILE), JSON.stringify(old) + "\n");

  const reloaded = withCache(openCache(dir, { reload: true }), base)(inner);
  const fromFile = await reloaded.complete(req("think"));
  assert.deepEqual([fromFile.cached, fromFile.reasoning], [true, "draft"]);
  const plainHit = await reloaded.complete(req("plain"));
  assert.deepEqual([plainHit.cached, "reasoning" in plainHit], [true, false]);
  const oldHit = await reloaded.complete(req("old"));
  assert.deepEqual([oldHit.cached, oldHit.output, "reasoning" in oldHit], [true, "old answer", false]);
  assert.equal(calls, 2);
  const lines = readFileSync(join(dir, CACHE_FILE), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(lines.map((l) => "reasoning" in l), [true, false, false], "stored only when present");
});

test("batch import: an output line whose message has reasoning_content or reasoning is an answer with its reasoning", () => {
  const line = (message: Record<string, unknown>) =>
    BatchOutputLine.parse({ id: "b1", custom_id: "abc", response: { status_code: 200, request_id: "r", body: { ...body(message), usage: { prompt_tokens: 5, completion_tokens: 9 } } }, error: null });
  const vllm = batchResult(line({ content: '{"action": "Option 1"}', reasoning_content: "Option 2? no." }), null);
  assert.deepEqual([vllm.output, vllm.reasoning, vllm.error], ['{"action": "Option 1"}', "Option 2? no.", null]);
  const openrouter = batchResult(line({ content: "Label: False", reasoning: "Label: True? no." }), null);
  assert.deepEqual([openrouter.output, openrouter.reasoning], ["Label: False", "Label: True? no."]);
  const cutOff = batchResult(line({ content: null, reasoning_content: "still thinking" }), null);
  assert.deepEqual([cutOff.output, cutOff.reasoning, cutOff.error], ["", "still thinking", null]);
  const none = batchResult(line({ content: "x", reasoning_content: null }), null);
  assert.equal("reasoning" in none, false);
  // A reasoning field that is not text (some gateways send an object) is dropped, as on a live call; the answer stands.
  const odd = batchResult(line({ content: "x", reasoning_content: 7, reasoning: { effort: "high" } }), null);
  assert.deepEqual([odd.output, odd.error, "reasoning" in odd], ["x", null, false]);
});
