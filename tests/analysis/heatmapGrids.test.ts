import { test } from "node:test";
import assert from "node:assert/strict";
import { groupMeans, modelMatrices } from "../../src/analysis/heatmapGrids";
import { makeScenarioMatrix, rowOf, set } from "../../src/analysis/matrix";
import { VALUE_INDEX } from "../../src/catalog";

/** A 132 x 56 matrix, NaN except the given (country, topic, value) cells. */
function sparse(cells: Array<[string, string, keyof typeof VALUE_INDEX, number]>) {
  const m = makeScenarioMatrix();
  for (const [c, t, v, x] of cells) set(m, rowOf(c, t), VALUE_INDEX[v], x);
  return m;
}

test("groupMeans: mean of each value over a country's (topic's) present scenarios, by hand; absent rows and values left out", () => {
  const m = sparse([
    ["India", "Politics", "Wealth", 0.2],
    ["India", "Religion", "Wealth", 0.6],
    ["India", "Religion", "Equality", 1],
    ["Egypt", "Politics", "Wealth", 0],
  ]);
  const byCountry = groupMeans(m, "country");
  // India Wealth: (0.2 + 0.6) / 2 over its 2 present scenarios (the 9 NaN topics are skipped, not zeros)
  assert.deepEqual(Object.keys(byCountry).sort(), ["Egypt", "India"]);
  assert.ok(Math.abs(byCountry.India.Wealth - 0.4) < 1e-15);
  assert.equal(byCountry.India.Equality, 1);
  assert.deepEqual(byCountry.Egypt, { Wealth: 0 });
  const byTopic = groupMeans(m, "topic");
  assert.deepEqual(Object.keys(byTopic).sort(), ["Politics", "Religion"]);
  assert.equal(byTopic.Politics.Wealth, 0.1); // (0.2 + 0) / 2
  assert.equal(byTopic.Religion.Wealth, 0.6);
  assert.equal("Equality" in byTopic.Politics, false);
});

test("modelMatrices: the four grids, each only when its matrix is given", () => {
  const V = sparse([["India", "Politics", "Wealth", 1]]);
  const A = sparse([["India", "Politics", "Wealth", 0]]);
  assert.deepEqual(modelMatrices(V, A), {
    task1_by_country: { India: { Wealth: 1 } },
    task1_by_topic: { Politics: { Wealth: 1 } },
    task2_by_country: { India: { Wealth: 0 } },
    task2_by_topic: { Politics: { Wealth: 0 } },
  });
  assert.deepEqual(modelMatrices(null, A), { task2_by_country: { India: { Wealth: 0 } }, task2_by_topic: { Politics: { Wealth: 0 } } });
  assert.deepEqual(modelMatrices(null, null), {});
  assert.deepEqual(modelMatrices(makeScenarioMatrix(), null), { task1_by_country: {}, task1_by_topic: {} });
});
