import { test } from "node:test";
import assert from "node:assert/strict";
import { generationMessages, task1Messages, task2Messages, fewShotMessages } from "../../src/prompts";
import { parseAction } from "../../src/parse/action";
import { parseTask1 } from "../../src/parse/task1";
import { answer } from "../../src/sim";
import { ask, client, parseJsonAnswer, pool, withSim } from "./support";

test("GET /v1/models lists the simulated model and is labelled simulated", async () => {
  await withSim({ seed: 1 }, async (s) => {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const models = await client(s.url).models.list();
    assert.deepEqual(models.data.map((m) => m.id), ["sim-respondent"]);
    const raw = await fetch(`${s.url}/models`);
    assert.equal(raw.headers.get("x-vag-simulated"), "1");
  });
});

test("chat completions over HTTP: OpenAI shape, model echoed, fingerprint, header, usage", async () => {
  await withSim({ seed: 12 }, async (s) => {
    const c = client(s.url);
    const { data, response } = await c.chat.completions
      .create({ model: "my-model-name", messages: task1Messages({ country: "India", topic: "Work Orientation" }, 4, "paper") })
      .withResponse();
    assert.equal(response.headers.get("x-vag-simulated"), "1");
    assert.equal(data.object, "chat.completion");
    assert.equal(data.model, "my-model-name");
    assert.equal(data.system_fingerprint, "vag-sim-12");
    assert.match(data.id, /^chatcmpl-sim12-/);
    assert.equal(data.choices.length, 1);
    assert.equal(data.choices[0].finish_reason, "stop");
    assert.equal(data.choices[0].message.role, "assistant");
    assert.ok(data.usage && data.usage.prompt_tokens > 100 && data.usage.completion_tokens > 50);
    assert.equal(data.usage!.total_tokens, data.usage!.prompt_tokens + data.usage!.completion_tokens);
    assert.equal(s.stats().byKind.task1, 1);
  });
});

test("every prompt kind is answered over HTTP with the real SDK and parses", async () => {
  await withSim({ seed: 2 }, async (s) => {
    const c = client(s.url);
    const item = { country: "Philippines", topic: "Citizenship", value: "Obedient" } as const;
    const gen = parseAction(await ask(c, generationMessages({ ...item, polarity: "negative" }, 5, "paper")));
    assert.ok(gen.ok);
    const pos = parseAction(await ask(c, generationMessages({ ...item, polarity: "positive" }, 3, "robust")));
    assert.ok(pos.ok);
    const t1 = parseTask1(await ask(c, task1Messages(item, 6, "robust")), "robust");
    assert.ok(t1.ok);
    if (!gen.ok || !pos.ok) return;
    const t2 = parseJsonAnswer(await ask(c, task2Messages({ ...item, negative: gen.value.action, positive: pos.value.action }, 5, "paper"))) as Record<string, string>;
    assert.match(t2.action, /^Option [12]$/);
    assert.equal(typeof t2.explanation, "string");
    const gap = await ask(c, fewShotMessages("explanation", [{ action: pos.value.action, attributions: [], explanation: "x", label: true }], { action: gen.value.action }));
    assert.match(gap, /^Label: (True|False) \n Reason: /);
    const unknown = await ask(c, [{ role: "user", content: "hello" }]);
    assert.match(unknown, /simulated/);
    assert.deepEqual(s.stats().byKind, { generate: 2, task1: 1, task2: 1, gap: 1, unknown: 1 });
  });
});

test("the same body gets the same answer from another instance with the same seed; another seed differs", async () => {
  const bodies = [0, 1, 2, 3, 4, 5, 6, 7].map((v) => task1Messages({ country: "Germany", topic: "Politics" }, v, "paper"));
  const run = (seed: number) => withSim({ seed }, (s) => pool(bodies, 8, (m) => ask(client(s.url), m, { temperature: 0.2 })));
  const a = await run(21);
  const b = await run(21);
  const c = await run(22);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  // And the server's answer is the pure function's answer.
  assert.equal(a[3], answer(21, { messages: bodies[3], temperature: 0.2 }).content);
});

test("GET /ground-truth returns the planted structure", async () => {
  await withSim({ seed: 8 }, async (s) => {
    const r = await fetch(s.url.replace(/\/v1$/, "/ground-truth"));
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("x-vag-simulated"), "1");
    const g = (await r.json()) as ReturnType<typeof s.groundTruth>;
    assert.equal(g.simulated, true);
    assert.equal(g.seed, 8);
    assert.equal(g.cells.length, 7392);
    assert.deepEqual(g.realizedGapRate, s.groundTruth().realizedGapRate);
  });
});

test("bad requests get OpenAI-shaped errors, unknown routes 404", async () => {
  await withSim({ seed: 1 }, async (s) => {
    const bad = await fetch(`${s.url}/chat/completions`, { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /not valid JSON/);
    const noMessages = await fetch(`${s.url}/chat/completions`, { method: "POST", body: "{}" });
    assert.equal(noMessages.status, 400);
    const nowhere = await fetch(`${s.url}/nowhere`);
    assert.equal(nowhere.status, 404);
    assert.equal(s.stats().requests, 0);
  });
});

test("64 concurrent requests with 100 ms latency are all answered", async () => {
  await withSim({ seed: 3, latencyMs: 100 }, async (s) => {
    const c = client(s.url);
    const bodies = Array.from({ length: 64 }, (_, i) =>
      generationMessages({ country: "Canada", topic: "Environment", value: "Healthy", polarity: i % 2 ? "positive" : "negative" }, i % 8, "robust"),
    );
    const out = await Promise.all(bodies.map((m, i) => ask(c, m, { seed: i })));
    assert.equal(out.filter((t) => parseAction(t).ok).length, 64);
    assert.equal(s.stats().answered, 64);
  });
});
