import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, statusKind } from "../../src/llm/retry";
import { callCost } from "../../src/llm/cost";
import { estimatePromptTokens, estimateRun, estimateTokens } from "../../src/llm/estimate";
import { interpret } from "../../src/llm/client";

test("parseRetryAfter reads delta-seconds and HTTP dates", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  assert.equal(parseRetryAfter("2", now), 2000);
  assert.equal(parseRetryAfter(" 0.5 ", now), 500);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:07 GMT", now), 7000);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon", now), null);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter("-3", now), null);
});

test("retryDelay: equal-jitter exponential backoff, Retry-After honoured and capped", () => {
  const at = (r: number) => ({ ...DEFAULT_RETRY_POLICY, random: () => r });
  assert.equal(retryDelay(0, null, at(0)), 250);
  assert.equal(retryDelay(0, null, at(1)), 500);
  assert.equal(retryDelay(3, null, at(1)), 4000);
  assert.equal(retryDelay(20, null, at(1)), 30000);
  assert.equal(retryDelay(0, 3000, at(0)), 3000);
  assert.equal(retryDelay(5, 3000, at(1)), 3300);
  assert.equal(retryDelay(0, 10 * 3600_000, at(0)), 120000);
});

test("statusKind: which statuses are retried", () => {
  assert.deepEqual([429, 500, 502, 503, 504, 529, 408, 400, 401, 404].map(statusKind), ["429", "500", "502", "503", "5xx", "5xx", "timeout", null, null, null]);
});

test("interpret: 200 bodies without usable choices are retryable kinds", () => {
  assert.deepEqual(interpret("<html>oops</html>"), { ok: false, kind: "bad-body", message: "response body is not a JSON object", retryAfterMs: null });
  assert.equal((interpret({ choices: [] }) as { kind: string }).kind, "empty-choices");
  assert.equal((interpret({ choices: [{ message: { content: null } }] }) as { kind: string }).kind, "bad-body");
  assert.deepEqual(interpret({ choices: [{ message: { content: "" } }], system_fingerprint: "vag-sim-3" }), { ok: true, output: "", usage: null, simulated: true, simulatorSeed: 3 });
  assert.deepEqual(interpret({ choices: [{ message: { content: "x" } }], usage: { prompt_tokens: 3, completion_tokens: 1 } }), {
    ok: true, output: "x", usage: { promptTokens: 3, completionTokens: 1 }, simulated: false,
  });
});

test("cost per call from prices per million tokens", () => {
  assert.equal(callCost({ promptTokens: 1000, completionTokens: 200 }, { input: 0.15, output: 0.6 }), 0.00027);
  assert.equal(callCost({ promptTokens: 1000, completionTokens: 200 }, null), null);
  assert.equal(callCost(null, { input: 1, output: 1 }), null);
});

test("token estimates: chars/4 plus chat framing; cache hits cost nothing", () => {
  assert.equal(estimateTokens("abcdefgh"), 2);
  assert.equal(estimateTokens("abcdefghi"), 3);
  assert.equal(estimatePromptTokens([{ role: "user", content: "abcdefgh" }]), 3 + 4 + 2);
  const reqs = [1, 2, 3].map((i) => ({ model: "m", messages: [{ role: "user" as const, content: "x".repeat(400 * i) }], maxTokens: 100 }));
  const e = estimateRun(reqs, { isCached: (r) => r.messages[0].content.length === 400, price: { input: 1, output: 2 } });
  assert.deepEqual(e, { calls: 3, cacheHits: 1, promptTokens: 207 + 307, completionTokens: 200, costUsd: (514 * 1 + 200 * 2) / 1e6 });
});
