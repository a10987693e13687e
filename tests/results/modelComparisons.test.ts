import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS } from "../../src/catalog";
import { alignmentRate } from "../../src/analysis/alignmentRate";
import { makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";
import { benjaminiHochberg } from "../../src/analysis/multipleTesting";
import { compareModels } from "../../src/results/modelComparisons";
import { ResultsJsonSchema } from "../../src/results/schema";

/** V, A where model `shift` plants gaps at a different value per scenario (so the models differ scenario by scenario). */
function model(shift: number) {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  COUNTRIES.forEach((c, k) =>
    TOPICS.forEach((t, l) => {
      const i = rowOf(c, t);
      set(V, i, (k + l) % 56, 1);
      set(A, i, (k + l) % 56, (k + l + shift) % 3 === 0 ? 0 : 1);
      set(A, i, (k * 5 + l + shift) % 56, 1);
    }),
  );
  return { V, A };
}

test("compareModels: every pair of one protocol per measure, diff = mean per-scenario difference, BH q within a measure", () => {
  const [m1, m2, m3, m4] = [model(0), model(1), model(2), model(0)];
  const list = compareModels(
    [
      { model: "a", protocol: "paper", ...m1 },
      { model: "b", protocol: "paper", ...m2 },
      { model: "c", protocol: "paper", ...m3 },
      { model: "r", protocol: "robust", ...m4 }, // another protocol: compared with nobody
      { model: "none", protocol: "paper", V: null, A: m1.A }, // no Task 1: left out
    ],
    { seed: 5, resamples: 200 },
  );
  assert.ok(ResultsJsonSchema.safeParse({ models: {}, comparisons: list }).success);
  assert.deepEqual(
    list.map((c) => `${c.measure} ${c.a}-${c.b}`),
    ["f1 a-b", "f1 a-c", "f1 b-c", "kappa a-b", "kappa a-c", "kappa b-c"],
  );
  const f1 = (m: { V: typeof m1.V; A: typeof m1.A }) => alignmentRate(m.V, m.A, { protocol: "paper" }).scenarios.f1;
  const [f1a, f1b] = [f1(m1), f1(m2)];
  let sum = 0;
  let n = 0;
  for (let i = 0; i < 132; i++)
    if (Number.isFinite(f1a[i] - f1b[i])) {
      sum += f1a[i] - f1b[i];
      n++;
    }
  const ab = list[0];
  assert.equal(ab.n, n);
  assert.ok(Math.abs(ab.diff! - sum / n) < 1e-12, `${ab.diff} vs ${sum / n}`);
  assert.equal(ab.scheme, "crossed");
  for (const measure of ["f1", "kappa"]) {
    const mine = list.filter((c) => c.measure === measure);
    assert.deepEqual(
      mine.map((c) => c.q),
      benjaminiHochberg(mine.map((c) => c.p!)),
      measure,
    );
  }
  assert.deepEqual(compareModels([{ model: "a", protocol: "paper", ...m1 }], { seed: 5, resamples: 50 }), []);
});
