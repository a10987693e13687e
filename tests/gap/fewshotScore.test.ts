import { test } from "node:test";
import assert from "node:assert/strict";
import { fewShotPrediction, scoreFewShot } from "../../src/gap/fewshotScore";
import { parseLabel } from "../../src/via/csv";

test("prediction is the second whitespace token", () => {
  assert.equal(fewShotPrediction("Label: True"), true);
  assert.equal(fewShotPrediction("Label: False \n Reason: because"), false);
  assert.equal(fewShotPrediction("  Label:\tTrue\n"), true);
  assert.equal(fewShotPrediction("True"), null);
  assert.equal(fewShotPrediction("Label: True,"), null);
  assert.equal(fewShotPrediction("Label: true"), null);
  assert.equal(fewShotPrediction(""), null);
  assert.equal(fewShotPrediction(null), null);
});

test("hand case: F1 with True as positive, unparsed scored as False", () => {
  // labels  T T T F F ; preds T F(unparsed) T T F -> tp 2, fn 1, fp 1, tn 1
  const s = scoreFewShot(
    [true, true, true, false, false],
    ["Label: True", "garbage", "Label: True \n Reason: x", "Label: True", "Label: False"],
  );
  assert.deepEqual(s.confusion, { tp: 2, fp: 1, fn: 1, tn: 1 });
  assert.equal(s.unparsed, 1);
  assert.equal(s.n, 5);
  assert.equal(s.f1, 4 / 6);
  assert.equal(s.accuracy, 3 / 5);
  assert.equal(s.precision, 2 / 3);
  assert.equal(s.recall, 2 / 3);
});

test("all-False predictions give F1 0 (sklearn zero_division)", () => {
  const s = scoreFewShot([true, false], ["Label: False", "Label: False"]);
  assert.equal(s.f1, 0);
  assert.equal(s.precision, 0);
  assert.equal(s.accuracy, 0.5);
});

test("length mismatch throws (programming error, not model text)", () => {
  assert.throws(() => scoreFewShot([true], []), RangeError);
});

test("labels", () => {
  assert.equal(parseLabel("True"), true);
  assert.equal(parseLabel("False"), false);
  assert.equal(parseLabel(" 1 "), true);
  assert.equal(parseLabel("maybe"), null);
});
