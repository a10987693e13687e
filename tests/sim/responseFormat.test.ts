import { test } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { CLAIM_ORDER } from "../../src/catalog/values";
import { answerSchemaFor, responseFormatFor } from "../../src/prompts/responseSchemas";
import { generationMessages, task1Messages, task2Messages } from "../../src/prompts";
import { parseTask2 } from "../../src/parse/task2";
import { conformTo, schemaErrors, type JsonSchema } from "../../src/sim/responseFormat";
import { withSim, client, pool } from "./support";

const t1Msgs = (variant: number, verbalized = false) => task1Messages({ country: "Egypt", topic: "Religion" }, variant, "robust", { verbalized });
const t2Msgs = (variant: number, verbalized = false) =>
  task2Messages({ country: "Egypt", topic: "Religion", value: "Honest", negative: "I lie to my elders.", positive: "I tell my elders the truth." }, variant, "robust", { verbalized });
const genMsgs = (variant: number) => generationMessages({ country: "Egypt", topic: "Religion", value: "Honest", polarity: "negative" }, variant, "robust");

async function status(c: OpenAI, body: Record<string, unknown>): Promise<{ status: number; message: string; type?: string }> {
  try {
    await c.chat.completions.create({ model: "sim-respondent", messages: genMsgs(5), ...body } as never);
    return { status: 200, message: "" };
  } catch (e) {
    const err = e as InstanceType<typeof OpenAI.APIError>;
    return { status: err.status ?? 0, message: err.message, type: (err.error as { type?: string } | undefined)?.type };
  }
}

test("a malformed response_format is a 400 invalid_request_error, as OpenAI answers it; text and json_object pass", async () => {
  await withSim({ seed: 2 }, async (s) => {
    const c = client(s.url, { maxRetries: 0 });
    const good = responseFormatFor("generate", 5);
    const bad: Array<[unknown, RegExp]> = [
      ["json_schema", /expected an object/],
      [{ type: "xml" }, /response_format\.type/],
      [{ type: "json_schema" }, /response_format\.json_schema'/],
      [{ type: "json_schema", json_schema: { schema: good.json_schema.schema } }, /json_schema\.name/],
      [{ type: "json_schema", json_schema: { name: "has space", schema: good.json_schema.schema } }, /json_schema\.name/],
      [{ type: "json_schema", json_schema: { name: "x" } }, /json_schema\.schema/],
      [{ type: "json_schema", json_schema: { name: "x", strict: "yes", schema: good.json_schema.schema } }, /strict/],
      // strict mode: every property required, additionalProperties false
      [{ type: "json_schema", json_schema: { name: "x", strict: true, schema: { type: "object", properties: { a: { type: "string" } }, required: [] , additionalProperties: false } } }, /Missing 'a'/],
      [{ type: "json_schema", json_schema: { name: "x", strict: true, schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } } }, /additionalProperties/],
    ];
    for (const [rf, why] of bad) {
      const r = await status(c, { response_format: rf });
      assert.equal(r.status, 400, JSON.stringify(rf));
      assert.equal(r.type, "invalid_request_error");
      assert.match(r.message, why);
    }
    for (const rf of [good, { type: "text" }, { type: "json_object" }, { type: "json_schema", json_schema: { name: "loose", schema: { type: "object" } } }])
      assert.equal((await status(c, { response_format: rf })).status, 200, JSON.stringify(rf).slice(0, 80));
    assert.equal(s.stats().responseFormat.refused, bad.length);
    assert.deepEqual(s.stats().responseFormat.schemas, { via_generation: 1, loose: 1 });
  });
});

test("with a schema every answer conforms even at malformedRate 1 (guided decoding), and draws the same choices as without", async () => {
  await withSim({ seed: 7, malformedRate: 1 }, async (s) => {
    const c = client(s.url, { maxRetries: 0 });
    const cases = [
      ...[0, 2, 5, 7].map((k) => ({ task: "task1" as const, variant: k, verbalized: k === 7, messages: t1Msgs(k, k === 7) })),
      ...[4, 5, 6, 7].map((k) => ({ task: "task2" as const, variant: k, verbalized: k === 6, messages: t2Msgs(k, k === 6) })),
      ...[1, 5].map((k) => ({ task: "generate" as const, variant: k, verbalized: false, messages: genMsgs(k) })),
    ].flatMap((x) => Array.from({ length: 6 }, (_, seed) => ({ ...x, seed })));
    const asked = await pool(cases, 8, async (x) => {
      const rf = responseFormatFor(x.task, x.variant, { verbalized: x.verbalized });
      const common = { model: "sim-respondent", messages: x.messages, temperature: 0.7, seed: x.seed };
      const guided = (await c.chat.completions.create({ ...common, response_format: rf })).choices[0].message.content!;
      const free = (await c.chat.completions.create(common)).choices[0].message.content!;
      return { x, rf, guided, free };
    });
    let sameChoiceUnread = 0;
    for (const { x, rf, guided, free } of asked) {
      const value = JSON.parse(guided) as Record<string, unknown>; // bare JSON: no fence, prose, quotes or cut
      assert.deepEqual(schemaErrors(value, rf.json_schema.schema as JsonSchema), [], guided.slice(0, 120));
      assert.ok(answerSchemaFor(x.task, x.variant, { verbalized: x.verbalized }).safeParse(value).success);
      if (x.task === "task1") for (const v of CLAIM_ORDER) assert.ok(["1", "2", "3", "4"].includes(value[v] as string));
      if (x.task === "task2") {
        const p = parseTask2(free, "robust");
        if (p.ok) assert.equal(`Option ${p.value.choice}`, value.action, "the same choice as the unguided answer");
        else sameChoiceUnread++;
      }
      assert.throws(() => JSON.parse(free), "the control: without a schema the answer is spoiled at rate 1");
    }
    assert.ok(sameChoiceUnread < 12, "most spoiled Task 2 answers are still readable");
    const st = s.stats();
    assert.equal(st.malformed, asked.length, "only the unguided answers were spoiled");
    assert.equal(Object.values(st.responseFormat.schemas).reduce((a, b) => a + b, 0), asked.length);
    assert.ok(st.responseFormat.schemas.task1_ratings_confidence > 0 && st.responseFormat.schemas.task2_choice_explained > 0);
  });
});

test("Task 1 answers are typed as the schema says: a number schema gets numbers", async () => {
  await withSim({ seed: 3 }, async (s) => {
    const c = client(s.url, { maxRetries: 0 });
    const numeric = { type: "object", properties: Object.fromEntries(CLAIM_ORDER.map((v) => [v, { type: "integer", minimum: 1, maximum: 4 }])), required: [...CLAIM_ORDER], additionalProperties: false };
    const r = await c.chat.completions.create({ model: "sim-respondent", messages: t1Msgs(0), response_format: { type: "json_schema", json_schema: { name: "numeric", strict: true, schema: numeric } } });
    const value = JSON.parse(r.choices[0].message.content!) as Record<string, unknown>;
    assert.deepEqual(schemaErrors(value, numeric as JsonSchema), []);
    assert.ok(CLAIM_ORDER.every((v) => typeof value[v] === "number"));
  });
});

test("rejectResponseFormat: json_schema gets the 400 of a model without structured outputs; plain and json_object requests are answered", async () => {
  await withSim({ seed: 2, rejectResponseFormat: true }, async (s) => {
    const c = client(s.url, { maxRetries: 0 });
    const r = await status(c, { response_format: responseFormatFor("generate", 5) });
    assert.equal(r.status, 400);
    assert.match(r.message, /response_format json_schema is not supported by this model/);
    assert.equal((await status(c, {})).status, 200);
    assert.equal((await status(c, { response_format: { type: "json_object" } })).status, 200);
    assert.equal(s.stats().responseFormat.refused, 1);
  });
});

test("conformTo makes any value fit a schema the way a decoder would: order, extra keys, missing keys, enums, types, bounds", () => {
  const schema: JsonSchema = {
    type: "object",
    properties: { b: { type: "string", enum: ["x", "y"] }, a: { type: "integer", minimum: 0, maximum: 10 }, l: { type: "array", items: { type: "string" } }, n: { type: ["string", "null"] } },
    required: ["b", "a", "l", "n"],
    additionalProperties: false,
  };
  const out = conformTo({ a: 12.6, extra: 1, l: ["p", 3], b: "z" }, schema);
  assert.deepEqual(out, { b: "x", a: 10, l: ["p", "3"], n: "" });
  assert.deepEqual(Object.keys(out as object), ["b", "a", "l", "n"]);
  assert.deepEqual(schemaErrors(out, schema), []);
  assert.deepEqual(schemaErrors({ b: "z", a: 11, l: [1], extra: 0 }, schema).length, 5);
});

test("a reasoning model under a schema keeps its deliberation out of the content (in reasoning_content), as guided decoding must", async () => {
  await withSim({ seed: 5, reasoning: "both" }, async (s) => {
    const c = client(s.url, { maxRetries: 0 });
    const rf = responseFormatFor("task2", 5);
    const common = { model: "sim-respondent", messages: t2Msgs(5) };
    const guided = (await c.chat.completions.create({ ...common, response_format: rf })).choices[0].message as { content: string; reasoning_content?: string };
    assert.deepEqual(schemaErrors(JSON.parse(guided.content), rf.json_schema.schema as JsonSchema), []);
    assert.ok(typeof guided.reasoning_content === "string" && guided.reasoning_content.length > 0);
    const free = (await c.chat.completions.create(common)).choices[0].message.content!;
    assert.match(free, /<think>/, "the control: without a schema the deliberation is inline too");
  });
});
