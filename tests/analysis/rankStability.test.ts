import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { crossedWeights } from "../../src/analysis/crossedBootstrap";
import { distanceGroupMean, weightedValueDistance } from "../../src/analysis/distance";
import { quantileSorted } from "../../src/analysis/bootstrap";
import { makeScenarioMatrix, rowOf, ROWS_OF_COUNTRY, set } from "../../src/analysis/matrix";
import { rankingStability, ranksOf } from "../../src/analysis/rankStability";
import { rankRows } from "../../src/analysis/ranking";

test("ranksOf by hand: largest first, ties in group order, NaN last", () => {
  assert.deepEqual([...ranksOf([0.1, 0.3, 0.3, NaN, 0.2])], [4, 1, 2, 5, 3]);
  assert.deepEqual([...ranksOf([NaN, NaN])], [1, 2]);
});

test("rankingStability: a gap planted in every topic stays first; a gap from one topic does not; observed ranks = the ranking", () => {
  const V = makeScenarioMatrix(0.2);
  const A = makeScenarioMatrix(0.2);
  // Egypt: value 3 has a big gap in every topic; value 7 a huge one in one topic only (mean 0.8/11 · 1.5)
  for (const t of TOPICS) set(V, rowOf("Egypt", t), 3, 0.9);
  set(V, rowOf("Egypt", "Religion"), 7, 1);
  set(A, rowOf("Egypt", "Religion"), 7, 0);
  // small, varied gaps elsewhere so ranks can move
  COUNTRIES.forEach((c, k) => TOPICS.forEach((t, l) => set(A, rowOf(c, t), (k * 3 + l * 5) % 56, 0.35)));
  const s = rankingStability(V, A, "paper", crossedWeights({ seed: 9, resamples: 400 }));
  const egypt = s.byCountry.Egypt;
  assert.equal(egypt.scheme, "topics");
  assert.equal(egypt.top5[0].value, VALUES[3]);
  assert.equal(egypt.pTop1Stays, 1);
  assert.deepEqual(egypt.rankCi95[VALUES[3]], [1, 1]);
  const one = egypt.top5.find((x) => x.value === VALUES[7])!;
  assert.equal(one.rank, 2);
  // Religion is missing from a resample with probability (10/11)^11 ≈ 0.35
  assert.ok(one.pTop5 > 0.5 && one.pTop5 < 0.8, `${one.pTop5}`);
  const [lo, hi] = egypt.rankCi95[VALUES[7]];
  assert.ok(lo <= 2 && hi > 5);
  // observed ranks are the published ranking's order
  const ranking = rankRows(distanceGroupMean(V, A, "paper").byCountry, COUNTRIES).Egypt;
  ranking.forEach(([v], k) => assert.equal(egypt.rank[v], k + 1));
  assert.equal(s.byTopic.Religion.scheme, "countries");
  assert.equal(s.overall.scheme, "crossed");
  assert.equal(s.resamples, 400);
});


test("rank intervals = floor/ceil of quantileSorted over the resampled ranks (brute force for one country)", () => {
  const V = makeScenarioMatrix(0);
  const A = makeScenarioMatrix(0);
  for (let k = 0; k < V.data.length; k++) {
    V.data[k] = ((k * 7919) % 97) / 96;
    A.data[k] = (k * 13) % 5 === 0 ? 1 : 0;
  }
  const w = crossedWeights({ seed: 21, resamples: 200 });
  const s = rankingStability(V, A, "paper", w);
  const rows = ROWS_OF_COUNTRY.India;
  const c = COUNTRIES.indexOf("India");
  const weights = new Float64Array(132);
  const d = new Float64Array(56);
  const ranks: number[][] = VALUES.map(() => []);
  for (let b = 0; b < 200; b++) {
    for (let t = 0; t < 11; t++) weights[c * 11 + t] = w.topic[b * 11 + t];
    weightedValueDistance(V, A, weights, "group-mean", "paper", d, rows);
    const r = ranksOf(d);
    VALUES.forEach((_, k) => ranks[k].push(r[k]));
  }
  VALUES.forEach((v, k) => {
    const sorted = Float64Array.from(ranks[k]).sort();
    assert.deepEqual(s.byCountry.India.rankCi95[v], [Math.floor(quantileSorted(sorted, 0.025)), Math.ceil(quantileSorted(sorted, 0.975))], v);
  });
  const top = s.byCountry.India.top5[0];
  const k0 = VALUES.indexOf(top.value);
  assert.equal(top.pTop5, ranks[k0].filter((r) => r <= 5).length / 200);
});
