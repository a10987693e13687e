import { test } from "node:test";
import assert from "node:assert/strict";
import { bootstrapCI, bootstrapMeanCI, percentileInterval, quantileSorted, resampleCounts } from "../../src/analysis/bootstrap";
import { makeRng, type Rng } from "../../src/analysis/random";
import { pairedPermutationTest } from "../../src/analysis/permutation";

test("quantileSorted: linear interpolation (numpy default)", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.25), 1.75);
  assert.equal(quantileSorted([1, 2, 3, 4], 0), 1);
  assert.equal(quantileSorted([1, 2, 3, 4], 1), 4);
  assert.equal(quantileSorted([5], 0.975), 5);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
  // h = 4 · 0.025 = 0.1: 1 + 0.1 · (2 − 1)
  assert.equal(quantileSorted([1, 2, 3, 4, 5], 0.025), 1.1);
  // an exact order statistic is returned as is, even next to an infinity
  assert.equal(quantileSorted([1, Infinity], 0), 1);
});

test("percentileInterval: [Q(α/2), Q(1 − α/2)] of the finite statistics, by hand", () => {
  // level 0.5: α/2 = 0.25, h = 3 · 0.25 = 0.75 -> 1.75; h = 2.25 -> 3.25 (the NaN is dropped)
  assert.deepEqual(percentileInterval([4, NaN, 1, 3, 2], 0.5), [1.75, 3.25]);
  // level 0.95 on 0..100: h = 100 · 0.025 = 2.5 -> 2.5 (up to rounding of α), h = 97.5 -> 97.5
  const ci = percentileInterval(Array.from({ length: 101 }, (_, i) => 100 - i));
  assert.ok(Math.abs(ci[0] - 2.5) < 1e-12 && Math.abs(ci[1] - 97.5) < 1e-12, `${ci}`);
  assert.deepEqual(percentileInterval([NaN, Infinity]), [NaN, NaN]);
  assert.throws(() => percentileInterval([1], 1), RangeError);
});

test("resampleCounts: multiplicities of n draws with replacement, by hand with scripted draws", () => {
  const draws = [2, 0, 2];
  let k = 0;
  const rng: Rng = { uint32: () => 0, next: () => 0, int: () => draws[k++], fillInt: (o) => o };
  assert.deepEqual(resampleCounts(3, rng), Float64Array.from([1, 0, 2]));
  const c = resampleCounts(50, makeRng(3));
  assert.equal(c.reduce((s, x) => s + x, 0), 50);
  assert.deepEqual(resampleCounts(50, makeRng(3)), c);
});

test("bootstrapCI draws from an injected generator when given one", () => {
  const stat = (idx: Int32Array) => idx[0] + idx[1];
  assert.deepEqual(bootstrapCI(10, stat, { seed: 0, rng: makeRng(5), iterations: 50 }), bootstrapCI(10, stat, { seed: 5, iterations: 50 }));
  assert.notDeepEqual(bootstrapCI(10, stat, { seed: 0, iterations: 50 }), bootstrapCI(10, stat, { seed: 5, iterations: 50 }));
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
