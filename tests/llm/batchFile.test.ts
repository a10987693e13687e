import { test } from "node:test";
import assert from "node:assert/strict";
import { BatchOutputLine, batchInputLine, batchPrice, batchResult, splitBatchLines } from "../../src/llm/batchFile";

const ok = {
  id: "batch_req_1",
  custom_id: "abc",
  response: {
    status_code: 200,
    request_id: "req_1",
    body: { choices: [{ index: 0, message: { role: "assistant", content: "Option 1" } }], usage: { prompt_tokens: 1000, completion_tokens: 200 }, system_fingerprint: "fp_x" },
  },
  error: null,
};

test("a 200 line is an answer priced at the batch price (live x (1 - discount))", () => {
  const r = batchResult(BatchOutputLine.parse(ok), batchPrice({ input: 0.15, output: 0.6 }, 0.5));
  assert.equal(r.output, "Option 1");
  assert.equal(r.error, null);
  assert.deepEqual(r.usage, { promptTokens: 1000, completionTokens: 200 });
  // (1000 * 0.075 + 200 * 0.3) / 1e6 = 0.000135
  assert.ok(Math.abs(r.costUsd! - 0.000135) < 1e-15);
  assert.equal(r.simulated, false);
  assert.equal("failure" in r, false);
});

test("non-200 lines, OpenAI error-file lines and vLLM's string errors are failed calls; a bad body too", () => {
  const s500 = batchResult(BatchOutputLine.parse({ ...ok, response: { status_code: 500, request_id: "r", body: { error: { message: "boom" } } } }), null);
  assert.equal(s500.error, "HTTP 500 (batch): boom");
  const openaiErr = batchResult(BatchOutputLine.parse({ id: "x", custom_id: "abc", response: null, error: { code: "batch_expired", message: "This request could not be executed before the completion window expired." } }), null);
  assert.match(openaiErr.error!, /^batch error batch_expired: This request could not/);
  const vllmErr = batchResult(BatchOutputLine.parse({ id: "x", custom_id: "abc", response: { status_code: 400, request_id: "r" }, error: "model not found" }), null);
  assert.equal(vllmErr.error, "batch error (HTTP 400): model not found");
  const empty = batchResult(BatchOutputLine.parse({ ...ok, response: { ...ok.response, body: { choices: [] } } }), null);
  assert.equal(empty.error, "response has empty choices");
  const bad = batchResult(BatchOutputLine.parse({ ...ok, response: { ...ok.response, body: { choices: [{ message: { content: 3 } }] } } }), null);
  assert.match(bad.error!, /^batch response body: choices\.0\.message\.content: /);
});

test("the envelope is checked field by field", () => {
  assert.equal(BatchOutputLine.safeParse({ ...ok, custom_id: "" }).success, false);
  assert.equal(BatchOutputLine.safeParse({ ...ok, custom_id: 7 }).success, false);
  assert.equal(BatchOutputLine.safeParse({ ...ok, response: { ...ok.response, status_code: 99 } }).success, false);
  assert.equal(BatchOutputLine.safeParse({ ...ok, response: null, error: null }).success, false);
});

test("input lines are the OpenAI batch format; files split at the request and byte limits, in order", () => {
  assert.equal(batchInputLine("id1", { model: "m", messages: [] }), '{"custom_id":"id1","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[]}}\n');
  const lines = Array.from({ length: 7 }, (_, i) => `${"x".repeat(9)}${i}\n`); // 11 bytes each
  assert.deepEqual(splitBatchLines(lines, { requests: 3, bytes: 1000 }).map((p) => p.length), [3, 3, 1]);
  assert.deepEqual(splitBatchLines(lines, { requests: 100, bytes: 25 }).map((p) => p.length), [2, 2, 2, 1]);
  assert.deepEqual(splitBatchLines(lines, { requests: 100, bytes: 25 }).flat(), lines);
  assert.throws(() => splitBatchLines(["y".repeat(30)], { requests: 10, bytes: 25 }), /over the per-file limit/);
});
