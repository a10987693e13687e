import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLlmClient, type LlmClientOptions } from "../../src/llm/client";
import type { CompletionRequest } from "../../src/llm/types";
import { startFakeOpenAi, type FakeOpenAi } from "../helpers/fakeOpenAi";

const CANARY = "sk-test-CANARY-1234567890abcdef";
let server: FakeOpenAi;
before(async () => {
  server = await startFakeOpenAi({ fingerprint: "fp_fake" });
  // Warm the SDK and the HTTP pool once so the first test's timeouts measure the server, not module loading.
  await createLlmClient({ baseUrl: server.baseUrl, noCache: true }).complete(req("warm-up"));
});
after(() => server.close());

const req = (content: string, extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  model: "fake-model",
  messages: [{ role: "user", content }],
  ...extra,
});

/** A client whose backoff sleeps are recorded, not slept (so tests run fast and can inspect the delays). */
function client(extra: Partial<LlmClientOptions> = {}) {
  const delays: number[] = [];
  const c = createLlmClient({
    baseUrl: server.baseUrl,
    apiKey: CANARY,
    cacheDir: mkdtempSync(join(tmpdir(), "vag-cache-")),
    timeoutMs: 1500,
    retry: { sleep: async (ms) => void delays.push(ms) },
    ...extra,
  });
  return { c, delays };
}

test("every fault kind is retried and counted by kind, then the answer arrives", async () => {
  const { c } = client({ maxRetries: 12 });
  const seen = server.requests.length;
  server.queueFaults(
    { kind: "429" }, { kind: "500" }, { kind: "502" }, { kind: "503" }, { kind: "504" }, { kind: "hang" },
    { kind: "reset" }, { kind: "bad-body" }, { kind: "no-choices" }, { kind: "empty-choices" },
  );
  const r = await c.complete(req("all faults"));
  assert.equal(r.error, null);
  assert.equal(r.output, "echo: all faults");
  const expected = { "429": 1, "500": 1, "502": 1, "503": 1, "5xx": 1, timeout: 1, reset: 1, "bad-body": 2, "empty-choices": 1 };
  assert.deepEqual(r.retries, expected);
  assert.deepEqual(c.stats().retries, expected);
  assert.equal(server.requests.length - seen, 11);
  assert.equal(c.stats().requests, 11);
  assert.deepEqual(r.usage, { promptTokens: 3, completionTokens: 4 });
});

test("at least 6 retries by default; the final failure is a value, never a throw", async () => {
  const { c, delays } = client();
  const seen = server.requests.length;
  server.queueFaults(...Array.from({ length: 7 }, () => ({ kind: "500" as const })));
  const r = await c.complete(req("always 500"));
  assert.equal(r.output, null);
  assert.match(r.error!, /HTTP 500.*gave up after 7 attempts/);
  assert.deepEqual(r.retries, { "500": 6 });
  assert.equal(server.requests.length - seen, 7);
  assert.equal(c.stats().failures, 1);
  // exponential backoff with jitter: each wait within [d/2, d] for d = 500 * 2^n
  delays.forEach((ms, n) => assert.ok(ms >= 250 * 2 ** n && ms <= 500 * 2 ** n, `delay ${n} = ${ms}`));
});

test("a client error (400) is not retried", async () => {
  const { c } = client();
  const seen = server.requests.length;
  server.queueFaults({ kind: "status", status: 400, message: "max_tokens is too large" });
  const r = await c.complete(req("bad request"));
  assert.match(r.error!, /^HTTP 400: .*max_tokens is too large$/);
  assert.deepEqual(r.retries, {});
  assert.equal(server.requests.length - seen, 1);
});

test("Retry-After in seconds is honoured: the server sees the retry after the advertised wait", async () => {
  const { c } = client({ retry: {} }); // real sleep
  const seen = server.requests.length;
  server.queueFaults({ kind: "429", retryAfter: "1" });
  const r = await c.complete(req("retry after one second"));
  assert.equal(r.error, null);
  const [first, second] = server.requests.slice(seen);
  assert.equal(first.fault, "429");
  const gap = second.at - first.at;
  assert.ok(gap >= 950 && gap < 10000, `retry came ${gap} ms after the 429`);
});

test("Retry-After as an HTTP date and retry-after-ms set the wait", async () => {
  const { c, delays } = client();
  server.queueFaults({ kind: "429", retryAfter: new Date(Date.now() + 4000).toUTCString() }, { kind: "429", retryAfterMs: "1500" }, { kind: "503", retryAfter: "2" });
  const r = await c.complete(req("dates"));
  assert.equal(r.error, null);
  assert.equal(delays.length, 3);
  assert.ok(delays[0] >= 2000 && delays[0] <= 4400, `date wait ${delays[0]}`); // whole seconds on the wire
  assert.ok(delays[1] >= 1500 && delays[1] <= 1650, `ms wait ${delays[1]}`);
  assert.ok(delays[2] >= 2000 && delays[2] <= 2200, `503 wait ${delays[2]}`);
});

test("a hang past the timeout is a timeout; all attempts timing out is an error value", async () => {
  const { c } = client({ timeoutMs: 300, maxRetries: 1 });
  server.queueFaults({ kind: "hang" }, { kind: "hang" });
  const r = await c.complete(req("hang"));
  assert.equal(r.output, null);
  assert.match(r.error!, /no complete response within 300 ms \(gave up after 2 attempts\)/);
  assert.deepEqual(r.retries, { timeout: 1 });
});

test("cache: the second identical call is a hit; failures are never stored", async () => {
  const { c } = client({ maxRetries: 0 });
  const seen = server.requests.length;
  const a = await c.complete(req("cache me", { temperature: 0, seed: 1 }));
  const b = await c.complete(req("cache me", { temperature: 0, seed: 1 }));
  assert.equal(a.cached, false);
  assert.equal(b.cached, true);
  assert.equal(b.output, a.output);
  assert.deepEqual(b.usage, a.usage);
  assert.equal(server.requests.length - seen, 1);
  assert.equal(c.stats().cacheHits, 1);
  // a different replicate, temperature or an absent temperature is another entry
  assert.equal(c.isCached(req("cache me", { temperature: 0, seed: 1, replicate: 1 })), false);
  assert.equal(c.isCached(req("cache me", { seed: 1 })), false);
  server.queueFaults({ kind: "500" });
  const f = await c.complete(req("fails once"));
  assert.notEqual(f.error, null);
  assert.equal(c.isCached(req("fails once")), false);
  const again = await c.complete(req("fails once"));
  assert.equal(again.cached, false);
  assert.equal(again.output, "echo: fails once");
});

test("noCache neither reads nor writes; refresh asks again and stores the new answer", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-cache-"));
  const seen = server.requests.length;
  const { c: warm } = client({ cacheDir: dir });
  await warm.complete(req("x"));
  const { c: none } = client({ cacheDir: dir, noCache: true });
  assert.equal((await none.complete(req("x"))).cached, false);
  assert.equal(none.isCached(req("x")), false);
  const { c: fresh } = client({ cacheDir: dir, refresh: true });
  assert.equal((await fresh.complete(req("x"))).cached, false);
  const { c: normal } = client({ cacheDir: dir });
  assert.equal((await normal.complete(req("x"))).cached, true);
  assert.equal(server.requests.length - seen, 3);
});

test("concurrency limit: the server never sees more requests in flight than allowed", async () => {
  const slow = await startFakeOpenAi({ latencyMs: 80 });
  try {
    const c = createLlmClient({ baseUrl: slow.baseUrl, noCache: true, concurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => c.complete(req(`p${i}`))));
    assert.ok(results.every((r) => r.error === null));
    assert.equal(slow.maxInFlight, 3);
  } finally {
    await slow.close();
  }
});

test("the simulator's fingerprint marks results as simulated, also when cached", async () => {
  const sim = await startFakeOpenAi({ fingerprint: "vag-sim-42" });
  try {
    const dir = mkdtempSync(join(tmpdir(), "vag-cache-"));
    const c = createLlmClient({ baseUrl: sim.baseUrl, cacheDir: dir });
    const a = await c.complete(req("sim"));
    const b = await c.complete(req("sim"));
    assert.deepEqual([a.simulated, b.simulated, b.cached], [true, true, true]);
    const { c: real } = client();
    assert.equal((await real.complete(req("real"))).simulated, false);
  } finally {
    await sim.close();
  }
});

test("cost per call and per run from the price; cache hits cost nothing", async () => {
  const { c } = client({ price: { input: 1, output: 2 } });
  const a = await c.complete(req("price me"));
  const b = await c.complete(req("price me"));
  const expected = (a.usage!.promptTokens * 1 + a.usage!.completionTokens * 2) / 1e6;
  assert.equal(a.costUsd, expected);
  assert.equal(b.costUsd, 0);
  assert.equal(c.stats().costUsd, expected);
  const est = c.estimate([req("price me"), req("not yet")], { completionTokens: 10 });
  assert.deepEqual({ calls: est.calls, cacheHits: est.cacheHits, completionTokens: est.completionTokens }, { calls: 2, cacheHits: 1, completionTokens: 10 });
});

test("an endpoint that refuses connections is retried as `connect` and ends as an error value", async () => {
  const gone = await startFakeOpenAi();
  const port = gone.port;
  await gone.close();
  const { c } = client({ baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 2 });
  const r = await c.complete(req("anyone there?"));
  assert.equal(r.output, null);
  assert.match(r.error!, /^connection failed \(ECONNREFUSED\) \(gave up after 3 attempts\)$/);
  assert.deepEqual(r.retries, { connect: 2 });
});

test("a model that refuses max_tokens gets max_completion_tokens instead, once and for good", async () => {
  const { c } = client({ maxRetries: 0 });
  const seen = server.requests.length;
  server.queueFaults({ kind: "status", status: 400, message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." });
  const a = await c.complete(req("o-series", { maxTokens: 64 }));
  const b = await c.complete(req("o-series again", { maxTokens: 64 }));
  assert.equal(a.error, null);
  assert.equal(b.error, null);
  const bodies = server.requests.slice(seen).map((r) => r.body!);
  assert.equal(bodies.length, 3);
  assert.equal(bodies[0].max_tokens, 64);
  assert.deepEqual([bodies[1].max_tokens, bodies[1].max_completion_tokens, bodies[2].max_completion_tokens], [undefined, 64, 64]);
});
