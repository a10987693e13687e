import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { makeRng } from "../../src/analysis/random";
import { groupedStratifiedFolds } from "../../src/gap/cv";

function dataset(groups: number, perGroup: number, rate: number, seed: number) {
  const rng = makeRng(seed);
  const g: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < groups; i++)
    for (let j = 0; j < perGroup; j++) {
      g.push(`scenario-${i}`);
      y.push(rng.next() < rate ? 1 : 0);
    }
  return { g, y };
}

test("no scenario is split across folds; every fold is used", () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 8, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.integer(), (k, groups, per, seed) => {
      fc.pre(groups >= k);
      const { g, y } = dataset(groups, per, 0.2, seed);
      const fold = groupedStratifiedFolds(g, y, k, makeRng(seed));
      const foldOf = new Map<string, number>();
      for (let i = 0; i < g.length; i++) {
        if (foldOf.has(g[i])) assert.equal(foldOf.get(g[i]), fold[i], `group ${g[i]} split`);
        else foldOf.set(g[i], fold[i]);
        assert.ok(fold[i] >= 0 && fold[i] < k);
      }
      assert.equal(new Set(fold).size, k);
    }),
    { numRuns: 60 },
  );
});

test("stratified: each fold's positive rate is close to the overall rate (132 scenarios × 56, 15% positive)", () => {
  const { g, y } = dataset(132, 56, 0.15, 3);
  const fold = groupedStratifiedFolds(g, y, 5, makeRng(42));
  const overall = y.reduce((s, v) => s + v, 0) / y.length;
  for (let f = 0; f < 5; f++) {
    const idx = y.map((_, i) => i).filter((i) => fold[i] === f);
    const rate = idx.reduce((s, i) => s + y[i], 0) / idx.length;
    assert.ok(Math.abs(rate - overall) < 0.01, `fold ${f}: rate ${rate} vs ${overall}`);
    assert.ok(Math.abs(idx.length - y.length / 5) < 0.05 * y.length, `fold ${f} size ${idx.length}`);
  }
});

test("stratification beats a plain grouped split when groups differ in positive rate", () => {
  // half of the scenarios are mostly positive; an unstratified assignment would leave folds unbalanced
  const g: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < 40; i++) for (let j = 0; j < 10; j++) (g.push(`s${i}`), y.push(i % 2 === 0 ? (j < 8 ? 1 : 0) : j < 1 ? 1 : 0));
  const fold = groupedStratifiedFolds(g, y, 4, makeRng(1));
  for (let f = 0; f < 4; f++) {
    const idx = y.map((_, i) => i).filter((i) => fold[i] === f);
    const rate = idx.reduce((s, i) => s + y[i], 0) / idx.length;
    assert.ok(Math.abs(rate - 0.45) < 0.05, `fold ${f}: rate ${rate}`);
  }
});

test("seeded: same seed same folds, other seed other folds", () => {
  const { g, y } = dataset(30, 10, 0.3, 9);
  const a = groupedStratifiedFolds(g, y, 5, makeRng(7));
  const b = groupedStratifiedFolds(g, y, 5, makeRng(7));
  const c = groupedStratifiedFolds(g, y, 5, makeRng(8));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test("too few groups or bad k is a RangeError", () => {
  assert.throws(() => groupedStratifiedFolds(["a", "b"], [0, 1], 3, makeRng(1)), RangeError);
  assert.throws(() => groupedStratifiedFolds(["a", "b"], [0, 1], 1, makeRng(1)), RangeError);
  assert.throws(() => groupedStratifiedFolds(["a"], [0, 1], 2, makeRng(1)), RangeError);
});
