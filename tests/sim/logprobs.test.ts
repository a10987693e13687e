import { test } from "node:test";
import assert from "node:assert/strict";
import { answer, respondent } from "../../src/sim";
import { task1Messages, task2Messages } from "../../src/prompts";
import { task1AnswerProbabilities, task2AnswerProbability } from "../../src/parse/answerProbability";
import { readVerbalizedConfidence } from "../../src/parse/verbalized";
import { parseTask1 } from "../../src/parse/task1";
import { parseTask2 } from "../../src/parse/task2";
import { simulatedAction } from "../../src/sim/actions";

const SEED = 4;
const item = { country: "Uganda" as const, topic: "Religion" as const };

test("simulated logprobs spell the content and carry the respondent's own answer probabilities (Task 1)", () => {
  const r = respondent(SEED);
  let checked = 0;
  for (let variant = 0; variant < 8; variant++) {
    const body = { messages: task1Messages(item, variant, "robust"), temperature: 0.7, seed: variant, logprobs: true, top_logprobs: 4 };
    const a = answer(SEED, body);
    assert.ok(a.logprobs);
    assert.equal(a.logprobs.map((t) => t.token).join(""), a.content);
    // asking for logprobs never changes the answer
    assert.equal(answer(SEED, { ...body, logprobs: false }).content, a.content);
    assert.equal(answer(SEED, { ...body, logprobs: false }).logprobs, null);
    const parsed = parseTask1(a.content, "robust");
    assert.ok(parsed.ok);
    const probs = task1AnswerProbabilities(a.content, a.logprobs)!;
    for (const [v, k] of Object.entries(parsed.value)) {
      if (k === null) continue;
      const p = r.cell(item.country, item.topic, v as never).likert;
      const side = k >= 3 ? p[2] + p[3] : p[0] + p[1];
      assert.ok(Math.abs(probs[v as never]! - side) < 1e-9, `${v}: ${probs[v as never]} vs ${side}`);
      checked++;
    }
  }
  assert.ok(checked > 400, `${checked} answers checked`);
});

test("simulated logprobs and verbalized confidence of Task 2: P(chosen) from the cell's noise; confidence 0-100", () => {
  const r = respondent(SEED);
  const values = ["Social Power", "Wealth", "Honest", "Obedient", "Devout", "Curious"] as const;
  for (const value of values) {
    const pos = simulatedAction(SEED, item.country, item.topic, value, "positive", 1).action;
    const neg = simulatedAction(SEED, item.country, item.topic, value, "negative", 1).action;
    const cell = r.cell(item.country, item.topic, value);
    for (const variant of [5, 7]) {
      for (let rep = 0; rep < 3; rep++) {
        const messages = task2Messages({ ...item, value, negative: neg, positive: pos }, variant, "robust", { verbalized: true });
        const a = answer(SEED, { messages, temperature: 0.7, seed: rep, logprobs: true, top_logprobs: 2 });
        const choice = parseTask2(a.content, "robust");
        assert.ok(choice.ok);
        const positiveChosen = (choice.value.choice === 2) === (variant === 5);
        const p = task2AnswerProbability(a.content, a.logprobs);
        // top_logprobs lists both options, and only the chosen one means the answer
        assert.ok(Math.abs(p! - (positiveChosen ? cell.pPositive : 1 - cell.pPositive)) < 1e-9);
        const c = readVerbalizedConfidence(a.content);
        assert.ok(c !== null && c >= 0 && c <= 1 && Math.round(c * 100) % 5 === 0, String(c));
      }
    }
  }
});
