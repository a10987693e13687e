import { test } from "node:test";
import assert from "node:assert/strict";
import { itemsMeanInterval, pairedSettingsIntervals } from "../../src/analysis/itemIntervals";

test("itemsMeanInterval: scheme items; a constant item score gives a point interval; NaN items left out", () => {
  const ci = itemsMeanInterval([0.875, 0.875, NaN, 0.875], { seed: 1, resamples: 100 });
  assert.deepEqual(ci, { ci95: [0.875, 0.875], scheme: "items", seed: 1, resamples: 100 });
  const spread = itemsMeanInterval([0, 1, 0, 1, 1, 0, 1, 1], { seed: 1 });
  assert.ok(spread.ci95[0] < 0.625 && 0.625 < spread.ci95[1]);
});

test("pairedSettingsIntervals: the same item draws for every setting; gain of a copy of the baseline is exactly 0", () => {
  const labels = [true, true, false, false, true, false, true, false, true, true];
  const base = [true, true, true, false, false, false, true, true, true, false];
  const perfect = labels.slice();
  const r = pairedSettingsIntervals(labels, { default: base, copy: base.slice(), perfect }, { seed: 4, resamples: 300 });
  assert.deepEqual(r.copy.f1GainVsBaseline!.ci95, [0, 0]);
  assert.equal(r.copy.f1GainVsBaseline!.scheme, "items-paired");
  assert.deepEqual(r.perfect.f1.ci95, [1, 1]);
  assert.deepEqual(r.perfect.accuracy.ci95, [1, 1]);
  assert.equal(r.default.f1GainVsBaseline, undefined);
  // paired: the gain interval of "perfect" is the interval of 1 − F1(default) on the same draws
  const [lo, hi] = r.default.f1.ci95;
  const [glo, ghi] = r.perfect.f1GainVsBaseline!.ci95;
  assert.ok(Math.abs(glo - (1 - hi)) < 1e-12 && Math.abs(ghi - (1 - lo)) < 1e-12, `${[glo, ghi]} vs ${[lo, hi]}`);
  assert.throws(() => pairedSettingsIntervals(labels, { default: base, short: [true] }, { seed: 1 }), RangeError);
});
