import { test } from "node:test";
import assert from "node:assert/strict";
import { choiceExamples, examplesFor, gapExamples, type PairInput } from "../../src/gap/labels";
import { featureMatrix } from "../../src/gap/features";
import { settingsFor } from "../../src/gap/settings";
import { denseRow } from "../../src/gap/sparse";

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

test("gap = the choice departs from the stated inclination; actions named by the stated answer, not by the choice", () => {
  const ex = gapExamples([pair(0, "positive"), pair(0, "negative"), pair(1, "positive"), pair(1, "negative"), pair(null, "positive"), pair(0, null)]);
  assert.deepEqual(ex.map((e) => e.label), [0, 1, 1, 0]);
  // stated agree (0): the positive action is the consistent one; stated disagree (1): the negative one
  assert.deepEqual(ex.map((e) => e.texts.consistent!.action), ["act pos", "act pos", "act neg", "act neg"]);
  assert.deepEqual(ex.map((e) => e.texts.departing!.action), ["act neg", "act neg", "act pos", "act pos"]);
  assert.deepEqual(ex.map((e) => e.polarity), [null, null, null, null]);
  assert.equal(ex[0].targetExplanation, null, "the target's explanation is a gap-posthoc feature only");
  assert.equal(examplesFor("gap-posthoc", [pair(0, "positive")])[0].targetExplanation, "mine");
});

test("no gap feature depends on the chosen action: flipping the choice flips the label and nothing else", () => {
  for (const stated of [0, 1] as const) {
    const a = examplesFor("gap", [pair(stated, "positive")]);
    const b = examplesFor("gap", [pair(stated, "negative")]);
    assert.equal(a[0].label, 1 - b[0].label);
    for (const s of settingsFor("gap")) {
      if (s.predictor !== "logistic") continue;
      const ma = featureMatrix(a, s.functions);
      const mb = featureMatrix(b, s.functions);
      assert.deepEqual(ma.keys, mb.keys, s.id);
      assert.deepEqual(Array.from(denseRow(ma, 0)), Array.from(denseRow(mb, 0)), s.id);
      assert.ok(ma.keys.some((k) => k.startsWith("departing.") || !s.text), `${s.id} reads the departing action`);
    }
  }
});

test("choice: both rows of every answered pair, label 1 on the chosen one; no stated inclination needed", () => {
  const ex = choiceExamples([pair(null, "negative"), pair(0, null), pair(1, "positive")]);
  assert.deepEqual(ex.map((e) => [e.polarity, e.label, e.texts.self!.action]), [
    ["positive", 0, "act pos"],
    ["negative", 1, "act neg"],
    ["positive", 1, "act pos"],
    ["negative", 0, "act neg"],
  ]);
  assert.ok(ex.every((e) => e.stated === null && e.targetExplanation === null));
});
