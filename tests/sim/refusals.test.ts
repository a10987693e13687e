import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUES } from "../../src/catalog/values";
import { SCENARIOS } from "../../src/catalog";
import { parseAction, parseTask1, parseTask2 } from "../../src/parse";
import { isRefusal } from "../../src/parse/refusal";
import { answer } from "../../src/sim/answers";
import { groundTruth } from "../../src/sim/respondent";
import { REFUSAL_PRONE_SCENARIOS, REFUSAL_PRONE_VALUES, REFUSAL_TEXTS, refusalOf, refusalProne, refusalTruth } from "../../src/sim/refusals";
import { generationMessages, task1Messages, task2Messages } from "../../src/prompts";
import { client, withSim } from "./support";

test("sim refusals: every planted refusal text is classified a refusal by every parser, in both protocols", () => {
  for (const t of REFUSAL_TEXTS) {
    assert.ok(isRefusal(t), t);
    assert.deepEqual(parseAction(t), { ok: false, reason: "refusal" }, t);
    for (const protocol of ["robust", "paper"] as const) {
      assert.deepEqual(parseTask1(t, protocol), { ok: false, reason: "refusal" }, `${protocol}: ${t}`);
      assert.deepEqual(parseTask2(t, protocol), { ok: false, reason: "refusal" }, `${protocol}: ${t}`);
    }
  }
});

test("sim refusals: the prone values and scenarios are distinct, seeded, and in the ground truth", () => {
  const a = refusalTruth(4, 0.5);
  assert.equal(new Set(a.values).size, REFUSAL_PRONE_VALUES);
  assert.equal(new Set(a.scenarios.map((s) => `${s.country}+${s.topic}`)).size, REFUSAL_PRONE_SCENARIOS);
  assert.deepEqual(refusalTruth(4, 0.5), a, "the same seed plants the same cells");
  assert.notDeepEqual(refusalTruth(5, 0.5).values, a.values, "another seed, other values");
  assert.deepEqual(groundTruth(4, { refusalRate: 0.5 }).refusals, a);
  assert.equal(groundTruth(4).refusals.rate, 0);
});

test("sim refusals: only prone cells are declined, at the planted rate; other answers are unchanged", () => {
  const seed = 8;
  const rate = 0.4;
  const truth = refusalTruth(seed, rate);
  const [v] = truth.values;
  const other = VALUES.find((x) => !truth.values.includes(x))!;
  const { country, topic } = truth.scenarios[0];
  const body = (messages: ReturnType<typeof task1Messages>, temperature: number) => ({ model: "m", messages, temperature, seed: 1 });
  let declined = 0;
  let n = 0;
  for (let k = 0; k < 400; k++) {
    const t = 0.01 * (k + 1); // distinct requests of one prone cell
    const prone = answer(seed, body(task2Messages({ country, topic, value: v, negative: "I avoid it.", positive: "I pursue it." }, 5, "robust"), t), { refusalRate: rate });
    n++;
    if (prone.declined) {
      declined++;
      assert.ok((REFUSAL_TEXTS as readonly string[]).includes(prone.content));
    }
    // A cell that is not prone is never declined, and its answer is what a simulator without refusals gives.
    const notProneBody = body(task2Messages({ country, topic, value: other, negative: "I avoid it.", positive: "I pursue it." }, 5, "robust"), t);
    const np = answer(seed, notProneBody, { refusalRate: rate });
    assert.ok(!np.declined);
    assert.equal(np.content, answer(seed, notProneBody).content);
  }
  // Binomial(400, 0.4): mean 160, sd 9.8; a 4-sd window.
  assert.ok(Math.abs(declined - rate * n) < 40, `${declined} of ${n} declined`);
  // Generation: only the negative action of a prone value; Task 1: only a prone scenario.
  const gen = (polarity: "positive" | "negative") => ({ kind: "generate" as const, country, topic, value: v, polarity });
  assert.equal(refusalProne(truth, gen("negative")), true);
  assert.equal(refusalProne(truth, gen("positive")), false);
  assert.equal(refusalProne(truth, { kind: "task1", country, topic, portrait: false, verbalized: false }), true);
  const proneScenarios = SCENARIOS.filter((sc) => refusalProne(truth, { kind: "task1", ...sc, portrait: false, verbalized: false }));
  assert.equal(proneScenarios.length, REFUSAL_PRONE_SCENARIOS, "Task 1: exactly the planted scenarios of the 132");
  assert.equal(refusalOf(seed, 0, { kind: "task1", country, topic, portrait: false, verbalized: false }, 123), null, "rate 0 declines nothing");
  // The generation prompt of a positive action is never declined, whatever the draw.
  for (let k = 0; k < 50; k++) assert.ok(!answer(seed, body(generationMessages({ country, topic, value: v, polarity: "positive" }, 5, "robust"), k + 1), { refusalRate: 1 }).declined);
});

test("sim refusals on the wire: under a JSON response_format the refusal is message.refusal with a null content; otherwise it is the content", async () => {
  const seed = 8;
  const truth = refusalTruth(seed, 1);
  const { country, topic } = truth.scenarios[0];
  const item = (value: (typeof VALUES)[number]) => ({ country, topic, value, negative: "I avoid it.", positive: "I pursue it." });
  const schema = { type: "json_schema", json_schema: { name: "choice", schema: { type: "object" } } };
  await withSim({ port: 0, seed, refusalRate: 1 }, async (s) => {
    const message = async (value: (typeof VALUES)[number], extra: Record<string, unknown>) =>
      (await client(s.url).chat.completions.create({ model: "sim-respondent", messages: task2Messages(item(value), 5, "robust"), ...extra } as never)).choices[0].message as { content: string | null; refusal: string | null };
    for (const rf of [schema, { type: "json_object" }]) {
      const m = await message(truth.values[0], { response_format: rf });
      assert.equal(m.content, null, rf.type);
      assert.ok((REFUSAL_TEXTS as readonly string[]).includes(m.refusal!), rf.type);
    }
    const free = await message(truth.values[0], {});
    assert.ok((REFUSAL_TEXTS as readonly string[]).includes(free.content!));
    assert.equal(free.refusal, null);
    const answered = await message(VALUES.find((v) => !truth.values.includes(v))!, { response_format: schema });
    assert.equal(answered.refusal, null);
    assert.equal(typeof JSON.parse(answered.content!), "object");
    assert.equal(s.stats().refusals, 3);
  });
});
