import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize, bigrams } from "../../src/gap/tokens";
import { countCues } from "../../src/gap/cues";
import { denseRow } from "../../src/gap/sparse";
import { featureMatrix, textFeature, valueByPolarity, valueByStated, valueFeature, type FeatureFunction } from "../../src/gap/features";
import type { GapExample } from "../../src/gap/labels";

test("tokenize: lower-case, apostrophes kept inside words, quotes stripped", () => {
  assert.deepEqual(tokenize("I don't 'vote' (ever)."), ["i", "don't", "vote", "ever"]);
  assert.deepEqual(tokenize("Don’t STOP—café 2025"), ["don't", "stop", "café", "2025"]);
  assert.deepEqual(tokenize(""), []);
  assert.deepEqual(bigrams(["a", "b", "c"]), ["a b", "b c"]);
});

test("cue counts", () => {
  assert.deepEqual(countCues(tokenize("I don't vote, but I may; however I never refuse.")), { negation: 2, hedging: 1, contrast: 2 });
});

const choiceEx = (over: Partial<GapExample> = {}): GapExample => ({
  country: "Nigeria",
  topic: "Religion",
  value: "Wealth",
  polarity: "negative",
  stated: null,
  texts: { self: { action: "I don't vote, but I may.", attributions: ["vote"], explanation: "It is fair" } },
  targetExplanation: null,
  label: 1,
  ...over,
});

const row = (m: ReturnType<typeof featureMatrix>, i = 0) => Object.fromEntries(m.keys.map((k, j) => [k, denseRow(m, i)[j]]).filter(([, v]) => v !== 0));

test("golden row: named unigram and bigram counts, log length, cues and one-hots", () => {
  const m = featureMatrix([choiceEx()], [valueFeature, valueByPolarity, textFeature("action")]);
  assert.deepEqual(row(m), {
    "(intercept)": 1,
    "value=Wealth": 1,
    "polarity=negative": 1,
    "value=Wealth x polarity=negative": 1,
    "action:log-tokens": Math.log(7), // i don't vote but i may: 6 tokens
    "action:negation": 1,
    "action:hedging": 1,
    "action:contrast": 1,
    "action|i": 2,
    "action|don't": 1,
    "action|vote": 1,
    "action|but": 1,
    "action|may": 1,
    "action|i don't": 1,
    "action|don't vote": 1,
    "action|vote but": 1,
    "action|but i": 1,
    "action|i may": 1,
  });
});

test("gap examples: both actions under their roles; value x stated; choice-only features emit nothing", () => {
  const e: GapExample = {
    ...choiceEx(),
    polarity: null,
    stated: 1,
    texts: { consistent: { action: "I stay", attributions: [], explanation: null }, departing: { action: "I go", attributions: [], explanation: null } },
  };
  const r = row(featureMatrix([e], [valueByStated, valueByPolarity, textFeature("action")]));
  assert.equal(r["value=Wealth x stated=disagree"], 1);
  assert.equal(r["stated=disagree"], 1);
  assert.equal(r["consistent.action|stay"], 1);
  assert.equal(r["departing.action|i go"], 1);
  assert.ok(!Object.keys(r).some((k) => k.startsWith("polarity")));
});

test("a user feature function is one more block; blocks are cached per examples array and name", () => {
  let calls = 0;
  const long: FeatureFunction = {
    name: "test:long-action",
    apply: (e, emit) => {
      calls++;
      if ((e.texts.self?.action ?? "").length > 10) emit("long action");
    },
  };
  const examples = [choiceEx(), choiceEx({ texts: { self: { action: "I go", attributions: [], explanation: null } } })];
  const a = featureMatrix(examples, [valueFeature, long]);
  const b = featureMatrix(examples, [long]);
  assert.equal(calls, 2, "computed once for both matrices");
  assert.deepEqual(a.keys, ["(intercept)", "value=Wealth", "long action"]);
  assert.deepEqual(Array.from(denseRow(b, 0)), [1, 1]);
  assert.deepEqual(Array.from(denseRow(b, 1)), [1, 0]);
});

test("missing texts give no text entries", () => {
  const m = featureMatrix([choiceEx({ texts: { self: { action: null, attributions: [], explanation: null } } })], [textFeature("action"), textFeature("explanation")]);
  assert.deepEqual(m.keys, ["(intercept)"]);
});
