import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS } from "../../src/catalog";
import {
  countryRatios,
  crossedMeanIntervals,
  crossedRatioIntervals,
  crossedRatios,
  crossedStatistics,
  crossedWeights,
  topicRatios,
  type CrossedWeights,
} from "../../src/analysis/crossedBootstrap";
import { bootstrapMeanCI, percentileInterval } from "../../src/analysis/bootstrap";

const NS = COUNTRIES.length * TOPICS.length;

/** One hand-made resample: countries 0 twice and 1 ten times... */
function handWeights(country: number[], topic: number[]): CrossedWeights {
  return { seed: 0, resamples: 1, level: 0.95, country: Float64Array.from(country), topic: Float64Array.from(topic) };
}

test("crossedWeights: each resample draws 12 countries and 11 topics (multiplicities sum to 12 and 11), seeded", () => {
  const w = crossedWeights({ seed: 5, resamples: 200 });
  for (let b = 0; b < 200; b++) {
    assert.equal(w.country.subarray(b * 12, b * 12 + 12).reduce((s, x) => s + x, 0), 12);
    assert.equal(w.topic.subarray(b * 11, b * 11 + 11).reduce((s, x) => s + x, 0), 11);
  }
  assert.deepEqual(crossedWeights({ seed: 5, resamples: 200 }).country, w.country);
  assert.notDeepEqual(crossedWeights({ seed: 6, resamples: 200 }).country, w.country);
  assert.throws(() => crossedWeights({ seed: 1, resamples: 0 }), RangeError);
});

test("crossedRatios by hand: weight of scenario (c, t) = m_c · n_t", () => {
  // scenario value = 1 in country 0 topic 0, else 0; den = 1 everywhere.
  const num = new Float64Array(NS);
  num[0] = 1;
  const den = new Float64Array(NS).fill(1);
  // draw country 0 three times (others 9 times country 1), topic 0 twice (others 9 times topic 1)
  const m = new Array(12).fill(0);
  m[0] = 3;
  m[1] = 9;
  const n = new Array(11).fill(0);
  n[0] = 2;
  n[1] = 9;
  const w = handWeights(m, n);
  // Σ w num = 3·2·1 = 6; Σ w den = 12 · 11 = 132
  assert.equal(crossedRatios(w, num, den)[0], 6 / 132);
  // country 0 over its topics: Σ n_t num_0t / Σ n_t = 2/11; country 1: 0
  assert.equal(topicRatios(w, num, den, 0)[0], 2 / 11);
  assert.equal(topicRatios(w, num, den, 1)[0], 0);
  // topic 0 over its countries: 3/12
  assert.equal(countryRatios(w, num, den, 0)[0], 3 / 12);
  // a statistic of the 132 weights sees the same product weights
  assert.equal(crossedStatistics(w, (wt) => wt[0] + wt[1 * 11 + 1])[0], 3 * 2 + 9 * 9);
  // 0/0 (nothing drawn with a denominator) is NaN, and NaN resamples are dropped from intervals
  assert.ok(Number.isNaN(topicRatios(w, num, new Float64Array(NS), 0)[0]));
  assert.deepEqual(percentileInterval([NaN, 1, 3, NaN], 0.5), [1.5, 2.5]);
  assert.deepEqual(percentileInterval([NaN], 0.95), [NaN, NaN]);
});

test("crossedMeanIntervals: a constant score gives a point interval; NaN scenarios are left out", () => {
  const w = crossedWeights({ seed: 1, resamples: 100 });
  const values = new Float64Array(NS).fill(0.25);
  values[3] = NaN;
  const ci = crossedMeanIntervals(values, w);
  assert.deepEqual(ci.overall.ci95, [0.25, 0.25]);
  assert.equal(ci.overall.scheme, "crossed");
  assert.equal(ci.byCountry.Egypt.scheme, "topics");
  assert.equal(ci.byTopic.Religion.scheme, "countries");
  assert.equal(ci.overall.resamples, 100);
  assert.equal(ci.overall.seed, 1);
});

test("crossed interval is wider than scenario resampling when scores have country and topic effects", () => {
  // score = country effect + topic effect + small noise: the crossed design matters
  const values = new Float64Array(NS);
  for (let c = 0; c < 12; c++) for (let t = 0; t < 11; t++) values[c * 11 + t] = 0.05 * c + 0.04 * t + 0.001 * ((c * 7 + t * 3) % 5);
  const crossed = crossedMeanIntervals(values, crossedWeights({ seed: 2, resamples: 2000 })).overall.ci95;
  const flat = bootstrapMeanCI(values, { seed: 2, iterations: 2000 });
  const width = (ci: [number, number]) => ci[1] - ci[0];
  assert.ok(width(crossed) > 1.3 * width(flat), `${width(crossed)} vs ${width(flat)}`);
  // a pure-noise score (no country/topic structure) gives a similar width either way
  const noise = Float64Array.from({ length: NS }, (_, i) => ((i * 2654435761) % 1000) / 1000);
  const c2 = width(crossedMeanIntervals(noise, crossedWeights({ seed: 3, resamples: 2000 })).overall.ci95);
  const f2 = width(bootstrapMeanCI(noise, { seed: 3, iterations: 2000 }));
  assert.ok(c2 < 1.6 * f2 && c2 > 0.6 * f2, `${c2} vs ${f2}`);
});

test("crossedRatioIntervals: a share of cells weights scenarios by their cells", () => {
  const num = new Float64Array(NS);
  const den = new Float64Array(NS).fill(10);
  num.fill(2);
  const ci = crossedRatioIntervals(num, den, crossedWeights({ seed: 4, resamples: 50 }));
  assert.deepEqual(ci.overall.ci95, [0.2, 0.2]);
  assert.deepEqual(ci.byCountry.India.ci95, [0.2, 0.2]);
});
