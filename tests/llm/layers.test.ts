import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCache, withCache } from "../../src/llm/cache";
import { createLlmClient } from "../../src/llm/client";
import { createLimiter, withLimiter } from "../../src/llm/limiter";
import { chatRequestBody } from "../../src/llm/request";
import { withRetry, DEFAULT_RETRY_POLICY } from "../../src/llm/retry";
import { createTransport } from "../../src/llm/transport";
import type { CompletionRequest, CompletionResult, LlmClient } from "../../src/llm/types";
import { startSimServer, type SimServer } from "../../src/sim/server";
import { startFakeOpenAi, type FakeOpenAi } from "../helpers/fakeOpenAi";

/** Each layer of the client on its own (design.md §5): transport against real HTTP, the others over a scripted inner client. */

let fake: FakeOpenAi;
let sim: SimServer;
before(async () => {
  fake = await startFakeOpenAi({ fingerprint: "fp_fake" });
  sim = await startSimServer({ port: 0, seed: 3 });
});
after(async () => {
  await fake.close();
  await sim.close();
});

const req = (content: string, extra: Partial<CompletionRequest> = {}): CompletionRequest => ({ model: "fake-model", messages: [{ role: "user", content }], ...extra });
const ok = (output: string): CompletionResult => ({ output, error: null, usage: { promptTokens: 1, completionTokens: 1 }, costUsd: null, cached: false, latencyMs: 1, retries: {}, simulated: false });
const failed = (kind: string | null, message = `fault ${kind}`): CompletionResult => ({
  output: null, error: message, usage: null, costUsd: null, cached: false, latencyMs: 1, retries: {}, simulated: false, failure: { kind, retryAfterMs: null },
});

/** An inner client answering from a script, one entry per call, counting calls. */
function scripted(script: CompletionResult[]): LlmClient & { calls: number } {
  const c = {
    calls: 0,
    async complete(): Promise<CompletionResult> {
      const r = script[c.calls++] ?? ok("default");
      return r;
    },
  };
  return c;
}

test("transport: one attempt per call, the body is chatRequestBody's, a 500 is a failure of kind 500 (not retried here)", async () => {
  const t = createTransport({ baseUrl: fake.baseUrl, timeoutMs: 2000, price: { input: 1, output: 2 } });
  const seen = fake.requests.length;
  const r = await t.complete(req("hello", { temperature: 0.2, seed: 4, maxTokens: 30, replicate: 2 }));
  assert.equal(r.output, "echo: hello");
  assert.deepEqual(fake.requests[seen].body, chatRequestBody(req("hello", { temperature: 0.2, seed: 4, maxTokens: 30, replicate: 2 })));
  assert.ok(r.usage !== null);
  assert.equal(r.costUsd, (r.usage.promptTokens * 1 + r.usage.completionTokens * 2) / 1e6);
  fake.queueFaults({ kind: "500" });
  const f = await t.complete(req("fails"));
  assert.equal(f.output, null);
  assert.deepEqual(f.failure, { kind: "500", retryAfterMs: null });
  assert.equal(t.attempts, 2);
  assert.equal(fake.requests.length - seen, 2);
});

test("transport: the real simulator answers through the real SDK and is marked simulated; an unreachable port is a connect failure", async () => {
  const t = createTransport({ baseUrl: sim.url, timeoutMs: 5000 });
  const r = await t.complete({ model: "sim-respondent", messages: [{ role: "user", content: "Say hello" }] });
  assert.equal(r.error, null);
  assert.equal(r.simulated, true);
  const closed = await startFakeOpenAi();
  await closed.close();
  const gone = createTransport({ baseUrl: `http://127.0.0.1:${closed.port}/v1`, timeoutMs: 2000 });
  const g = await gone.complete(req("x"));
  assert.equal(g.failure?.kind, "connect");
  assert.match(g.error!, /connection failed/);
});

test("transport: a 400 asking for max_completion_tokens switches the field once, for good", async () => {
  const t = createTransport({ baseUrl: fake.baseUrl, timeoutMs: 2000 });
  const seen = fake.requests.length;
  fake.queueFaults({ kind: "status", status: 400, message: "Unsupported parameter: 'max_tokens'. Use 'max_completion_tokens' instead." });
  const r = await t.complete(req("new model", { maxTokens: 10 }));
  assert.equal(r.error, null);
  await t.complete(req("again", { maxTokens: 10 }));
  const bodies = fake.requests.slice(seen).map((x) => x.body!);
  assert.deepEqual(bodies.map((b) => [b.max_tokens, b.max_completion_tokens]), [[10, undefined], [undefined, 10], [undefined, 10]]);
});

test("retry: retryable kinds are asked again and counted; the final failure says how many attempts; kind null is not retried", async () => {
  const delays: number[] = [];
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 2, sleep: async (ms: number) => void delays.push(ms) };
  const inner = scripted([failed("500"), failed("429"), ok("third time")]);
  const r = await withRetry(policy)(inner).complete(req("x"));
  assert.equal(r.output, "third time");
  assert.deepEqual(r.retries, { "500": 1, "429": 1 });
  assert.equal(inner.calls, 3);
  assert.equal(delays.length, 2);

  const always = scripted([failed("503"), failed("503"), failed("503"), ok("never reached")]);
  const f = await withRetry(policy)(always).complete(req("x"));
  assert.equal(f.error, "fault 503 (gave up after 3 attempts)");
  assert.equal(always.calls, 3);

  const fatal = scripted([failed(null, "HTTP 401: no"), ok("never")]);
  const g = await withRetry(policy)(fatal).complete(req("x"));
  assert.equal(g.error, "HTTP 401: no");
  assert.equal(fatal.calls, 1);
});

test("limiter layer: never more inner calls in flight than the concurrency", async () => {
  let active = 0;
  let peak = 0;
  const inner: LlmClient = {
    async complete() {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return ok("x");
    },
  };
  const c = withLimiter(createLimiter({ concurrency: 2 }))(inner);
  await Promise.all(Array.from({ length: 9 }, () => c.complete(req("x"))));
  assert.equal(peak, 2);
});

test("cache layer: a hit never reaches the inner client; failures are not stored; read:false asks again and stores", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-cache-"));
  const inner = scripted([ok("first"), failed("500"), ok("after failure"), ok("refreshed")]);
  const c = withCache(openCache(dir), "http://127.0.0.1:1/v1")(inner);
  assert.equal((await c.complete(req("a"))).output, "first");
  const hit = await c.complete(req("a"));
  assert.deepEqual([hit.output, hit.cached, hit.costUsd, inner.calls], ["first", true, 0, 1]);
  assert.notEqual((await c.complete(req("b"))).error, null);
  assert.equal(c.isCached(req("b")), false);
  assert.equal((await c.complete(req("b"))).output, "after failure");
  const refresh = withCache(openCache(dir), "http://127.0.0.1:1/v1", { read: false })(inner);
  assert.equal(refresh.isCached(req("a")), false);
  assert.equal((await refresh.complete(req("a"))).output, "refreshed");
  assert.equal((await c.complete(req("a"))).output, "refreshed"); // the later line wins
  // another endpoint is another key
  assert.equal(withCache(openCache(dir), "http://127.0.0.1:2/v1")(inner).isCached(req("a")), false);
});

test("assembled: the cache is outermost, so a hit is answered while the only limiter slot is busy", async () => {
  const slow = await startFakeOpenAi({ latencyMs: 400 });
  try {
    const c = createLlmClient({ baseUrl: slow.baseUrl, cacheDir: mkdtempSync(join(tmpdir(), "vag-cache-")), concurrency: 1 });
    await c.complete(req("warm"));
    const busy = c.complete(req("slow one"));
    let busyDone = false;
    void busy.then(() => (busyDone = true));
    const hit = await c.complete(req("warm"));
    assert.equal(hit.cached, true);
    // Ordering, not a clock: behind the limiter the hit would wait for the 400 ms call holding the only slot.
    assert.equal(busyDone, false, "a cache hit waited behind the limiter for the call in flight");
    assert.equal((await busy).error, null);
    assert.deepEqual({ calls: c.stats().calls, hits: c.stats().cacheHits, requests: c.stats().requests }, { calls: 3, hits: 1, requests: 2 });
  } finally {
    await slow.close();
  }
});
