import { test } from "node:test";
import assert from "node:assert/strict";
import { choiceExamples, gapExamples, type PairInput } from "../../src/gap/labels";

const texts = (s: string) => ({ action: `act ${s}`, attributions: [s], explanation: `because ${s}` });
const pair = (stated: 0 | 1 | null, chosen: "positive" | "negative" | null): PairInput => ({
  country: "Egypt",
  topic: "Religion",
  value: "Devout",
  stated,
  chosenPolarity: chosen,
  positive: texts("pos"),
  negative: texts("neg"),
  targetExplanation: "mine",
});

test("gap = chosen action's inclination differs from the stated one; texts of the chosen action", () => {
  const ex = gapExamples([pair(0, "positive"), pair(0, "negative"), pair(1, "positive"), pair(1, "negative"), pair(null, "positive"), pair(0, null)]);
  assert.deepEqual(ex.map((e) => e.label), [0, 1, 1, 0]);
  assert.deepEqual(ex.map((e) => e.polarity), ["positive", "negative", "positive", "negative"]);
  assert.deepEqual(ex.map((e) => e.texts.action), ["act pos", "act neg", "act pos", "act neg"]);
  assert.equal(ex[0].targetExplanation, "mine");
});

test("choice: both rows of every answered pair, label 1 on the chosen one; no stated inclination needed", () => {
  const ex = choiceExamples([pair(null, "negative"), pair(0, null), pair(1, "positive")]);
  assert.deepEqual(ex.map((e) => [e.polarity, e.label]), [
    ["positive", 0],
    ["negative", 1],
    ["positive", 1],
    ["negative", 0],
  ]);
});
