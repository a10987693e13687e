import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, VALUES } from "../../src/catalog";
import { gapClaims } from "../../src/analysis/gapClaims";
import { makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";
import { benjaminiHochberg } from "../../src/analysis/multipleTesting";
import { crossedPairedTest, pairedTest } from "../../src/analysis/paired";
import { TOPICS } from "../../src/catalog";

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

test("pairedTest by hand: exact sign flips over units; over clusters; cluster bootstrap", () => {
  // d = [1, 2, 3]: |±1 ±2 ±3| ≥ 6 for 2 of 8 sign vectors
  const r = pairedTest([1, 2, 3], [0, 0, 0], { seed: 1 });
  assert.deepEqual([r.diff, r.p, r.permutations, r.exact, r.n, r.clusters], [2, 0.25, 8, true, 3, 3]);
  assert.equal(r.scheme, "scenarios-paired");
  // clusters {0: [1, 1], 1: [2]}: sums [2, 2] → |±2 ±2| ≥ 4 for 2 of 4; D = 4/3
  const c = pairedTest([1, 1, 2], [0, 0, 0], { seed: 1, clusters: [7, 7, 9], scheme: "items-paired" });
  assert.deepEqual([c.p, c.clusters, c.n, c.scheme], [0.5, 2, 3, "items-paired"]);
  close(c.diff, 4 / 3);
  // every cluster resample has mean 4/4, 4/3 or 4/2: the interval stays in [1, 2]
  assert.ok(c.ci95[0] >= 1 && c.ci95[1] <= 2 && c.ci95[0] <= c.ci95[1]);
  // NaN pairs are dropped; identical scores: D = 0, p = 1
  const z = pairedTest([0.3, NaN, 0.5], [0.3, 1, 0.5], { seed: 2 });
  assert.deepEqual([z.diff, z.p, z.n], [0, 1, 2]);
  assert.throws(() => pairedTest([1], [1, 2], { seed: 1 }), RangeError);
});

test("crossedPairedTest: a constant shift is certain, no shift gives p = 1; CI and p from the same crossed resamples", () => {
  const b = Float64Array.from({ length: 132 }, (_, i) => (i % 7) / 10);
  const a = b.map((x) => x + 0.1);
  const r = crossedPairedTest(a, b, { seed: 3, resamples: 500 });
  close(r.diff, 0.1, 1e-9);
  close(r.ci95[0], 0.1, 1e-9);
  close(r.ci95[1], 0.1, 1e-9);
  close(r.p, 2 / 501);
  assert.equal(r.scheme, "crossed");
  assert.equal(crossedPairedTest(b, b, { seed: 3, resamples: 500 }).p, 1);
  // a difference that lives in one country only: the interval is wide (that country may not be drawn)
  const c = Float64Array.from(b);
  for (let t = 0; t < 11; t++) c[t] += 1.2;
  const one = crossedPairedTest(c, b, { seed: 4, resamples: 2000 });
  close(one.diff, 0.1, 1e-9);
  assert.ok(one.ci95[0] === 0 && one.ci95[1] > 0.2, `${one.ci95}`);
  assert.ok(one.p > 0.05);
});

test("benjaminiHochberg by hand", () => {
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
  close(q[0], 0.04);
  close(q[1], 0.16 / 3);
  close(q[2], 0.16 / 3);
  close(q[3], 0.5);
  const withNaN = benjaminiHochberg([NaN, 0.02, 0.02]);
  assert.ok(Number.isNaN(withNaN[0]));
  assert.deepEqual(withNaN.slice(1), [0.02, 0.02]);
  assert.deepEqual(benjaminiHochberg([]), []);
  assert.throws(() => benjaminiHochberg([1.5]), RangeError);
});

test("gapClaims: planted consistent gaps come first and survive BH over 672 cells; others do not", () => {
  const V = makeScenarioMatrix(0.2);
  const A = makeScenarioMatrix(0.2);
  // 20 planted cells: stated disagree (1), acted agree (0) in every topic of the country
  const planted = Array.from({ length: 20 }, (_, k) => ({ country: COUNTRIES[k % 12], value: VALUES[k * 2] }));
  for (const { country, value } of planted)
    for (const t of TOPICS) set(V, rowOf(country, t), VALUES.indexOf(value), 1);
  // one noisy cell: large in two topics only
  set(V, rowOf("India", "Religion"), 55, 1);
  set(V, rowOf("India", "Politics"), 55, 1);
  const claims = gapClaims(V, A);
  assert.equal(claims.length, 12 * 56);
  const top = claims.slice(0, 20);
  for (const g of top) {
    close(g.distance, 0.8);
    close(g.p, 2 / 2048);
    close(g.q, (672 * (2 / 2048)) / 20); // 0.0328
    assert.equal(g.n, 11);
  }
  assert.deepEqual(new Set(top.map((g) => `${g.country}|${g.value}`)), new Set(planted.map((g) => `${g.country}|${g.value}`)));
  const noisy = claims.find((g) => g.country === "India" && g.value === VALUES[55])!;
  assert.ok(noisy.p > 0.2 && noisy.q > 0.05);
  assert.equal(claims.filter((g) => g.q <= 0.05).length, 20);
});
