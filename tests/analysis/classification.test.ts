import { test } from "node:test";
import assert from "node:assert/strict";
import { accuracy, binaryScores, cohenKappa, confusion, f1, precision, recall } from "../../src/analysis/classification";

test("confusion: counts by hand, the positive class chosen, booleans and numbers alike", () => {
  const t = [1, 1, 1, 0, 0, 0];
  const p = [1, 1, 0, 1, 0, 0];
  assert.deepEqual(confusion(t, p), { tp: 2, fp: 1, fn: 1, tn: 2 });
  // positive = 0 swaps the roles: tp counts the (0, 0) rows
  assert.deepEqual(confusion(t, p, 0), { tp: 2, fp: 1, fn: 1, tn: 2 });
  assert.deepEqual(confusion([1, 1, 0], [1, 0, 0], 0), { tp: 1, fp: 1, fn: 0, tn: 1 });
  assert.deepEqual(confusion([true, false], [true, true], true), { tp: 1, fp: 1, fn: 0, tn: 0 });
  assert.throws(() => confusion([1], [1, 0]), RangeError);
});

test("confusion with weights: row i counts w_i times (bootstrap multiplicities), weight 0 drops the row", () => {
  const t = [1, 1, 0, 0];
  const p = [1, 0, 1, 0];
  assert.deepEqual(confusion(t, p, 1, [2, 0, 1, 3]), { tp: 2, fp: 1, fn: 0, tn: 3 });
  // the same as the expanded data
  assert.deepEqual(confusion([1, 1, 0, 0, 0, 0], [1, 1, 1, 0, 0, 0]), { tp: 2, fp: 1, fn: 0, tn: 3 });
  assert.throws(() => confusion(t, p, 1, [1]), RangeError);
});

test("scores of a confusion, by hand (sklearn conventions)", () => {
  const c = { tp: 2, fp: 1, fn: 1, tn: 2 };
  assert.equal(precision(c), 2 / 3);
  assert.equal(recall(c), 2 / 3);
  assert.equal(f1(c), 4 / 6);
  assert.equal(accuracy(c), 4 / 6);
  // p_o = 4/6, p_e = (3·3 + 3·3)/36 = 1/2, kappa = (2/3 − 1/2)/(1/2) = 1/3
  assert.ok(Math.abs(cohenKappa(c) - 1 / 3) < 1e-15);
  const none = { tp: 0, fp: 0, fn: 0, tn: 4 };
  assert.equal(f1(none), 0);
  assert.equal(cohenKappa(none), 0);
  assert.equal(binaryScores([1, 0], [1, 1]).f1, 2 / 3);
});
