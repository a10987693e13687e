import { test } from "node:test";
import assert from "node:assert/strict";
import { comparisonsTable } from "../../src/report/tables";
import type { ComparisonJson } from "../../src/results/schema";

const cmp = (kind: "model" | "country", a: string, b: string, q: number, model?: string): ComparisonJson =>
  ({ kind, measure: "f1", a, b, diff: 0.1, ci95: [0.05, 0.15], p: q, q, n: 11, scheme: kind === "model" ? "crossed" : "topics", resamples: 10, permutations: 2048, seed: 1, ...(model ? { model } : {}) }) as ComparisonJson;

test("report: every model pair, and of the country pairs those at q <= 0.05, with their model; the rest counted in the caption", () => {
  const html = comparisonsTable([cmp("model", "m1", "m2", 0.4), cmp("country", "Egypt", "India", 0.01, "m<1>"), cmp("country", "Egypt", "Japan", 0.2, "m1")])!;
  const rows = [...html.matchAll(/<tr><td>(.*?)<\/td><td>f1<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(rows, [["model", "m1", "m2"], ["country (m&lt;1&gt;)", "Egypt", "India"]]);
  assert.match(html, /1 country pairs with q &gt; 0\.05 are in results\.json, not shown/);
  assert.equal(comparisonsTable([cmp("country", "Egypt", "Japan", 0.2, "m1")]), null, "nothing worth showing: no table");
});
