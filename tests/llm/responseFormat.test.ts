import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLAIM_ORDER, VALUES } from "../../src/catalog/values";
import { PROMPT_VARIANTS } from "../../src/prompts/variant";
import { answerSchemaFor, responseFormatFor, type ResponseSchemaTask } from "../../src/prompts/responseSchemas";
import { chatRequestBody } from "../../src/llm/request";
import { cacheKey } from "../../src/llm/cache";
import { createLlmClient } from "../../src/llm/client";
import { createTransport } from "../../src/llm/transport";
import { isResponseFormatRejection } from "../../src/llm/responseFormat";
import type { CompletionRequest } from "../../src/llm/types";
import { generationMessages, task1Messages, task2Messages } from "../../src/prompts";
import { parseAction } from "../../src/parse/action";
import { parseTask1 } from "../../src/parse/task1";
import { parseTask2 } from "../../src/parse/task2";
import { readVerbalizedConfidence } from "../../src/parse/verbalized";
import { startSimServer, type SimServer } from "../../src/sim";
import { startFakeOpenAi } from "../helpers/fakeOpenAi";
import { responseFormatProblem, schemaErrors, type JsonSchema } from "../../src/sim/responseFormat";

const TASKS: ResponseSchemaTask[] = ["generate", "task1", "task2"];
const shapes = TASKS.flatMap((task) => PROMPT_VARIANTS.flatMap((variant) => [false, true].filter((v) => task !== "generate" || !v).map((verbalized) => ({ task, variant, verbalized }))));

test("every schema is strict: an object closing its properties and requiring all of them, accepted by the simulator's strict check", () => {
  for (const { task, variant, verbalized } of shapes) {
    const rf = responseFormatFor(task, variant, { verbalized });
    assert.equal(rf.type, "json_schema");
    assert.equal(rf.json_schema.strict, true);
    assert.match(rf.json_schema.name, /^[a-zA-Z0-9_-]{1,64}$/);
    const s = rf.json_schema.schema as JsonSchema & { $schema?: string };
    assert.equal(s.$schema, undefined);
    assert.equal(s.type, "object");
    assert.equal(s.additionalProperties, false);
    assert.deepEqual(s.required, Object.keys(s.properties!));
    assert.equal(responseFormatProblem(rf, false), null, `${task} ${variant} ${verbalized}`);
  }
});

test("generation: the three keys of the prompt; Task 1: the 56 values in claim order, answers '1'..'4'; Task 2: action, explanation as the variant asks", () => {
  const g = responseFormatFor("generate", 5).json_schema.schema as JsonSchema;
  assert.deepEqual(Object.keys(g.properties!), ["Human Action", "Feature Attributions", "Natural Language Explanation"]);
  assert.deepEqual(g.properties!["Feature Attributions"], { type: "array", items: { type: "string" } });

  for (const verbalized of [false, true]) {
    const t1 = responseFormatFor("task1", 0, { verbalized }).json_schema.schema as JsonSchema;
    const keys = Object.keys(t1.properties!);
    assert.deepEqual(keys.slice(0, 56), [...CLAIM_ORDER]);
    assert.equal(new Set(keys.slice(0, 56)).size, 56);
    assert.deepEqual(new Set(keys.slice(0, 56)), new Set(VALUES));
    assert.deepEqual(keys.slice(56), verbalized ? ["confidence"] : []);
    for (const v of CLAIM_ORDER) assert.deepEqual(t1.properties![v], { type: "string", enum: ["1", "2", "3", "4"] });
    if (verbalized) assert.deepEqual(t1.properties!.confidence, { type: "number", minimum: 0, maximum: 100 });
  }
  // Task 1's schema does not depend on the variant (claims or portraits: the same options 1..4)
  for (const k of PROMPT_VARIANTS) assert.deepEqual(responseFormatFor("task1", k), responseFormatFor("task1", 0));

  for (const k of PROMPT_VARIANTS) {
    const t2 = responseFormatFor("task2", k).json_schema.schema as JsonSchema;
    // the prompt's fields in its order: format 1 (odd variants) asks for an explanation before the action
    assert.deepEqual(Object.keys(t2.properties!), k % 2 === 1 ? ["explanation", "action"] : ["action"]);
    assert.deepEqual(t2.properties!.action, { type: "string", enum: ["Option 1", "Option 2"] });
    const prompt = task2Messages({ country: "Nigeria", topic: "Politics", value: "Honest", negative: "a", positive: "b" }, k, "robust")[0].content;
    assert.equal(prompt.includes('"explanation"'), k % 2 === 1);
    const v = responseFormatFor("task2", k, { verbalized: true }).json_schema.schema as JsonSchema;
    assert.deepEqual(Object.keys(v.properties!), k % 2 === 1 ? ["explanation", "action", "confidence"] : ["action", "confidence"]);
  }
  assert.notEqual(responseFormatFor("task2", 5).json_schema.name, responseFormatFor("task2", 4).json_schema.name);
});

test("an honest answer that follows a schema is read by the unchanged parsers (exact, not repaired)", () => {
  const t1 = Object.fromEntries(CLAIM_ORDER.map((v, i) => [v, String((i % 4) + 1)]));
  assert.equal(schemaErrors(t1, responseFormatFor("task1", 0).json_schema.schema as JsonSchema).length, 0);
  assert.ok(answerSchemaFor("task1", 0).safeParse(t1).success);
  const p1 = parseTask1(JSON.stringify(t1), "robust");
  assert.ok(p1.ok && !p1.repaired);
  if (p1.ok) for (const [i, v] of CLAIM_ORDER.entries()) assert.equal(p1.value[v], (i % 4) + 1);

  const t1c = { ...t1, confidence: 85 };
  assert.ok(answerSchemaFor("task1", 0, { verbalized: true }).safeParse(t1c).success);
  assert.ok(parseTask1(JSON.stringify(t1c), "robust").ok);
  assert.equal(readVerbalizedConfidence(JSON.stringify(t1c)), 0.85);

  const gen = { "Human Action": "I vote in every election.", "Feature Attributions": ["vote"], "Natural Language Explanation": "Voting shows it." };
  assert.ok(answerSchemaFor("generate", 5).safeParse(gen).success);
  const pg = parseAction(JSON.stringify(gen));
  assert.ok(pg.ok && !pg.repaired);

  const t2 = { explanation: "It fits.", action: "Option 2", confidence: 70 };
  assert.ok(answerSchemaFor("task2", 5, { verbalized: true }).safeParse(t2).success);
  assert.equal(answerSchemaFor("task2", 5).safeParse(t2).success, false, "additionalProperties: false");
  const p2 = parseTask2(JSON.stringify(t2), "robust");
  assert.ok(p2.ok && p2.value.choice === 2 && p2.value.explanation === "It fits.");
  // the label forms the schema leaves out would break it: the schema is what guides the decoder
  assert.equal(answerSchemaFor("task1", 0).safeParse({ ...t1, Equality: "1: strongly agree" }).success, false);
});

test("chatRequestBody sends response_format only when the request has one", () => {
  const req: CompletionRequest = { model: "m", messages: task1Messages({ country: "Egypt", topic: "Politics" }, 0, "robust"), temperature: 0.2, seed: 1 };
  const plain = chatRequestBody(req);
  assert.equal("response_format" in plain, false);
  const rf = responseFormatFor("task1", 0);
  const body = chatRequestBody({ ...req, responseFormat: rf });
  assert.deepEqual(body.response_format, rf);
  assert.deepEqual({ ...body, response_format: undefined }, { ...plain, response_format: undefined });
  // the wire shape
  const wire = JSON.parse(JSON.stringify(body)) as { response_format: { type: string; json_schema: { name: string; strict: boolean; schema: object } } };
  assert.equal(wire.response_format.type, "json_schema");
  assert.deepEqual(Object.keys(wire.response_format.json_schema).sort(), ["name", "schema", "strict"]);
});

test("cache key: unchanged for requests without a schema (a key computed before the option existed), different with one, per schema", () => {
  const base = "http://127.0.0.1:9/v1";
  const req: CompletionRequest = { model: "m", messages: [{ role: "user", content: "hi" }], temperature: 0.2, seed: 3, replicate: 0 };
  // printed by tests/helpers/printCacheKey.ts on main before response formats existed
  assert.equal(cacheKey(base, req), "af5a887d31450edd626332c39923b61d8c4fb9ecf591bf22dd3d802e91fb628f");
  assert.equal(cacheKey(base, { ...req, responseFormat: undefined }), cacheKey(base, req));
  const a = cacheKey(base, { ...req, responseFormat: responseFormatFor("task2", 5) });
  const b = cacheKey(base, { ...req, responseFormat: responseFormatFor("task2", 4) });
  assert.notEqual(a, cacheKey(base, req));
  assert.notEqual(a, b);
  assert.equal(a, cacheKey(base, { ...req, responseFormat: JSON.parse(JSON.stringify(responseFormatFor("task2", 5))) }));
});

test("a rejection is a 400/422 naming the parameter; other 400s are not", () => {
  assert.ok(isResponseFormatRejection("HTTP 400: Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."));
  assert.ok(isResponseFormatRejection("HTTP 400: [simulated] response_format json_schema is not supported by this model"));
  assert.ok(isResponseFormatRejection("HTTP 422: guided_decoding backend not available"));
  assert.ok(isResponseFormatRejection("HTTP 400: This model does not support structured outputs"));
  assert.equal(isResponseFormatRejection("HTTP 400: Unsupported parameter: 'temperature' is not supported with this model."), false);
  assert.equal(isResponseFormatRejection("HTTP 500: response_format handler crashed"), false);
  assert.equal(isResponseFormatRejection("HTTP 401: invalid key"), false);
});

async function withSim<T>(options: { rejectResponseFormat?: boolean }, fn: (s: SimServer) => Promise<T>): Promise<T> {
  const s = await startSimServer({ port: 0, seed: 4, ...options });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const genRequest = (value: (typeof CLAIM_ORDER)[number]): CompletionRequest => ({
  model: "sim-respondent",
  messages: generationMessages({ country: "Nigeria", topic: "Politics", value, polarity: "positive" }, 5, "robust"),
  temperature: 0.2,
  seed: 1,
  responseFormat: responseFormatFor("generate", 5),
});

test("transport, no fallback: the first rejection fails its call with one clear line; later calls with a schema fail without being sent", async () => {
  await withSim({ rejectResponseFormat: true }, async (sim) => {
    const t = createTransport({ baseUrl: sim.url });
    const r1 = await t.complete(genRequest("Honest"));
    assert.equal(r1.responseFormatOutcome, "rejected");
    assert.equal(r1.failure?.kind, null, "not retried");
    assert.match(r1.error!, /^endpoint rejected response_format json_schema \(HTTP 400: .*not supported by this model\)$/);
    assert.equal(t.attempts, 1);
    const r2 = await t.complete(genRequest("Wealth"));
    assert.equal(r2.responseFormatOutcome, "rejected");
    assert.equal(t.attempts, 1, "no second request with a refused format");
    // a plain request still goes through
    const { responseFormat: _rf, ...plain } = genRequest("Wealth");
    const r3 = await t.complete(plain);
    assert.equal(r3.error, null);
    assert.equal(r3.responseFormatOutcome, undefined);
    assert.equal(sim.stats().responseFormat.refused, 1);
  });
});

test("transport, fallback: after the first rejection every request goes plain, marked dropped; the cache stores it under the plain key", async () => {
  await withSim({ rejectResponseFormat: true }, async (sim) => {
    const cacheDir = mkdtempSync(join(tmpdir(), "vag-rf-cache-"));
    const c = createLlmClient({ baseUrl: sim.url, cacheDir, responseFormatFallback: true });
    const r1 = await c.complete(genRequest("Honest"));
    assert.equal(r1.error, null);
    assert.equal(r1.responseFormatOutcome, "dropped");
    assert.ok(parseAction(r1.output!).ok);
    const r2 = await c.complete(genRequest("Wealth"));
    assert.equal(r2.responseFormatOutcome, "dropped");
    // 1 refused + 2 plain answers: the second call was never sent with the schema
    assert.equal(sim.stats().requests, 3);
    assert.equal(sim.stats().responseFormat.refused, 1);
    assert.deepEqual(sim.stats().responseFormat.schemas, {});
    const { responseFormat: _rf, ...plain } = genRequest("Honest");
    assert.equal(c.isCached(plain), true, "the answer is the plain request's");
    assert.equal(c.isCached(genRequest("Honest")), false);
    // once fallen back, the same client answers a request with the schema from its plain entry (no new call)
    const again = await c.complete(genRequest("Honest"));
    assert.equal(again.cached, true);
    assert.equal(again.responseFormatOutcome, "dropped");
    assert.equal(again.output, r1.output);
    assert.equal(sim.stats().requests, 3);
    // a fresh client (a new run) does not assume the fallback before its endpoint refuses again
    const fresh = createLlmClient({ baseUrl: sim.url, cacheDir, responseFormatFallback: true });
    assert.equal(fresh.isCached(genRequest("Honest")), false);
  });
});

test("transport against an endpoint that takes the schema: sent, answered, counted by the simulator", async () => {
  await withSim({}, async (sim) => {
    const t = createTransport({ baseUrl: sim.url });
    const r = await t.complete(genRequest("Honest"));
    assert.equal(r.error, null);
    assert.equal(r.responseFormatOutcome, undefined);
    assert.deepEqual(sim.stats().responseFormat.schemas, { via_generation: 1 });
    assert.deepEqual(schemaErrors(JSON.parse(r.output!), responseFormatFor("generate", 5).json_schema.schema as JsonSchema), []);
  });
});

test("a rejection that echoes the key reaches the error scrubbed; the body on the wire carried the schema", async () => {
  const fake = await startFakeOpenAi();
  try {
    const secret = "sk-test-SECRETSECRETSECRET123456";
    fake.queueFaults({ kind: "status", status: 400, message: `response_format json_schema is not supported for key ${secret}` });
    const t = createTransport({ baseUrl: fake.baseUrl, apiKey: secret });
    const r = await t.complete(genRequest("Honest"));
    assert.equal(r.responseFormatOutcome, "rejected");
    assert.match(r.error!, /^endpoint rejected response_format json_schema \(HTTP 400: /);
    assert.equal(r.error!.includes(secret), false);
    assert.deepEqual(fake.requests[0].body?.response_format, responseFormatFor("generate", 5));
  } finally {
    await fake.close();
  }
});
