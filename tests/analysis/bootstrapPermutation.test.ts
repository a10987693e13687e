import { test } from "node:test";
import assert from "node:assert/strict";
import { bootstrapCI, bootstrapMeanCI, quantileSorted } from "../../src/analysis/bootstrap";
import { pairedPermutationTest } from "../../src/analysis/permutation";

test("quantileSorted: linear interpolation (numpy default)", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.25), 1.75);
  assert.equal(quantileSorted([1, 2, 3, 4], 0), 1);
  assert.equal(quantileSorted([1, 2, 3, 4], 1), 4);
  assert.equal(quantileSorted([5], 0.975), 5);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

const values = Float64Array.from({ length: 132 }, (_, i) => ((i * 37) % 100) / 100);
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;

test("bootstrapCI: same seed, same interval; it contains the point estimate; statistic sees row indices", () => {
  const stat = (idx: Int32Array) => {
    let s = 0;
    for (const i of idx) {
      assert.ok(i >= 0 && i < 132);
      s += values[i];
    }
    return s / idx.length;
  };
  const a = bootstrapCI(132, stat, { seed: 5, iterations: 200 });
  assert.deepEqual(bootstrapCI(132, stat, { seed: 5, iterations: 200 }), a);
  assert.notDeepEqual(bootstrapCI(132, stat, { seed: 6, iterations: 200 }), a);
  const m = mean(values);
  assert.ok(a[0] < m && m < a[1], `${m} outside ${a}`);
  // the standard error of a mean of 132 values spread over [0, 1) is ≈ 0.025: a 95% CI is ≈ 0.1 wide
  assert.ok(a[1] - a[0] > 0.05 && a[1] - a[0] < 0.15, `width ${a[1] - a[0]}`);
  // a wider level gives a wider interval
  const b = bootstrapCI(132, stat, { seed: 5, iterations: 200, level: 0.5 });
  assert.ok(b[1] - b[0] < a[1] - a[0]);
});

test("bootstrapMeanCI: NaN rows left out, constant data gives a point interval, no data gives NaN", () => {
  assert.deepEqual(bootstrapMeanCI([0.3, 0.3, NaN, 0.3], { seed: 1 }), [0.3, 0.3]);
  assert.deepEqual(bootstrapMeanCI([NaN], { seed: 1 }), [NaN, NaN]);
  const ci = bootstrapMeanCI(values, { seed: 2 }, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const sub = mean(Array.from({ length: 11 }, (_, i) => values[i]));
  assert.ok(ci[0] <= sub && sub <= ci[1]);
  assert.ok(ci[0] >= 0 && ci[1] <= 1);
  assert.throws(() => bootstrapCI(5, () => 0, { seed: 1, level: 1 }), RangeError);
  assert.throws(() => bootstrapCI(5, () => 0, { seed: 1, iterations: 0 }), RangeError);
});

test("permutation test: identical models give diff 0 and p = 1", () => {
  const r = pairedPermutationTest(values, values, { seed: 1, iterations: 500 });
  assert.equal(r.diff, 0);
  assert.equal(r.p, 1);
  assert.equal(r.exact, false);
  assert.equal(r.iterations, 500);
});

test("permutation test: very different models give a small p; same seed, same p", () => {
  const b = values.map((x) => x - 0.3 + 0.05 * Math.sin(x * 50));
  const r = pairedPermutationTest(values, b, { seed: 1, iterations: 2000 });
  assert.ok(Math.abs(r.diff - 0.3) < 0.02);
  assert.equal(r.p, 1 / 2001); // no sign pattern reaches the observed mean
  assert.deepEqual(pairedPermutationTest(values, b, { seed: 1, iterations: 2000 }), r);
  // a small noisy difference is not significant
  const c = values.map((x, i) => x + (i % 2 === 0 ? 0.01 : -0.01));
  assert.ok(pairedPermutationTest(values, c, { seed: 1, iterations: 2000 }).p > 0.5);
});

test("permutation test: exact enumeration for small n, NaN pairs dropped", () => {
  // d = [1, 1, 1]: of the 8 sign patterns only all-plus and all-minus reach |sum| = 3
  const r = pairedPermutationTest([2, 2, 2, NaN], [1, 1, 1, 0], { seed: 1 });
  assert.deepEqual(r, { diff: 1, p: 0.25, iterations: 8, n: 3, exact: true });
  assert.throws(() => pairedPermutationTest([1], [1, 2], { seed: 1 }), RangeError);
  assert.ok(Number.isNaN(pairedPermutationTest([NaN], [1], { seed: 1 }).p));
});
