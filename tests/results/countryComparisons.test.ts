import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES } from "../../src/catalog";
import { rowOf } from "../../src/analysis/matrix";
import { countryComparisons } from "../../src/results/countryComparisons";
import { ResultsJsonSchema } from "../../src/results/schema";

test("countryComparisons: 66 pairs over the shared topics; a country higher in every topic stands out after BH", () => {
  const s = Float64Array.from({ length: 132 }, (_, i) => 0.4 + ((i * 13) % 7) / 100);
  const egypt = COUNTRIES.indexOf("Egypt");
  for (let t = 0; t < 11; t++) s[egypt * 11 + t] += 0.3;
  const list = countryComparisons("m", s, "f1", { seed: 1, resamples: 200 });
  assert.ok(ResultsJsonSchema.safeParse({ models: {}, comparisons: list }).success);
  assert.equal(list.length, 66);
  const withEgypt = list.filter((c) => c.a === "Egypt" || c.b === "Egypt");
  assert.equal(withEgypt.length, 11);
  for (const c of withEgypt) {
    assert.equal(c.p, 2 / 2048);
    assert.ok(c.q! <= 0.05, `${c.a}-${c.b} q ${c.q}`);
    assert.equal(c.scheme, "topics");
    assert.equal(c.model, "m");
  }
  assert.ok(list.filter((c) => c.a !== "Egypt" && c.b !== "Egypt").every((c) => c.q! > 0.05));
});

test("countryComparisons: a pair without a shared topic is left out (a run's scope), not a comparison of n = 0", () => {
  const s = new Float64Array(132).fill(NaN);
  for (const c of ["Egypt", "India"] as const) for (let t = 0; t < 3; t++) s[COUNTRIES.indexOf(c) * 11 + t] = 0.5 + t / 10 + (c === "Egypt" ? 0.1 : 0);
  const list = countryComparisons("m", s, "f1", { seed: 1, resamples: 50 });
  assert.deepEqual(list.map((c) => [c.a, c.b, c.n]), [["India", "Egypt", 3]]);
  assert.ok(Math.abs(list[0].diff! + 0.1) < 1e-12, "India - Egypt = -0.1");
});
