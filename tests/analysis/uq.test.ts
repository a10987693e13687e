import { test } from "node:test";
import assert from "node:assert/strict";
import {
  aurocLowConfidence,
  fitLogistic,
  logisticEnsembleOutOfFold,
  misclassifiedRecall,
  hasSignal,
  uqPerformance,
  uqScore,
  wrongOf,
} from "../../src/analysis/uq";
import type { UnitConfidence } from "../../src/analysis/confidence";

test("AUROC of low confidence on hand-computed cases", () => {
  assert.equal(aurocLowConfidence([0.2, 0.9, 0.4, 0.8], [1, 0, 0, 0]), 1);
  assert.equal(aurocLowConfidence([0.5, 0.5], [1, 0]), 0.5);
  // wrong: .3, .9; right: .1, .6 → pairs (w<r): .3<.6 only → 1/4
  assert.equal(aurocLowConfidence([0.3, 0.9, 0.1, 0.6], [1, 1, 0, 0]), 0.25);
  // NaN confidences and unknown truth are left out; one class only → null
  assert.equal(aurocLowConfidence([NaN, 0.4, 0.5], [1, 0, NaN]), null);
  assert.equal(aurocLowConfidence([0.1, 0.2], [0, 0]), null);
});

test("misclassified recall: share of the wrong answers among the least confident budget", () => {
  assert.equal(misclassifiedRecall([0.1, 0.2, 0.3, 0.9], [1, 0, 1, 0], 0.25), 0.5);
  assert.equal(misclassifiedRecall([0.1, 0.2, 0.3, 0.9], [1, 0, 1, 0], 0.75), 1);
  // a tie of two at the only slot: expected half of one wrong answer
  assert.equal(misclassifiedRecall([0.5, 0.5, 0.9, 0.9], [1, 0, 0, 0], 0.25), 0.5);
  // budget 0 catches nothing; no wrong answer → null
  assert.equal(misclassifiedRecall([0.1, 0.2], [1, 0], 0), 0);
  assert.equal(misclassifiedRecall([0.1, 0.2], [0, 0], 0.5), null);
  assert.throws(() => misclassifiedRecall([0.1], [1], 5), RangeError);
  const s = uqScore([0.1, 0.2, 0.3, 0.9], [1, 0, 1, 0]);
  assert.deepEqual(Object.keys(s.misclassifiedRecall), ["5", "10", "20"]);
  // 5% of 4 = 0.2 slots on the wrong 0.1 → 0.2 / 2 wrong
  assert.ok(Math.abs(s.misclassifiedRecall["5"]! - 0.1) < 1e-12);
  assert.equal(s.n, 4);
  assert.equal(s.wrong, 2);
});

test("logistic fit by Newton's method: recovers the sign and size of a planted effect", () => {
  // y = 1 with probability σ(−1 + 3x), x on a grid: the fit should land near (−1, 3)
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 200; i++) {
    const x = i / 200;
    const p = 1 / (1 + Math.exp(-(-1 + 3 * x)));
    // deterministic "sample": 10 copies with round(10p) positives
    const pos = Math.round(10 * p);
    for (let r = 0; r < 10; r++) {
      xs.push([x]);
      ys.push(r < pos ? 1 : 0);
    }
  }
  const w = fitLogistic(xs, ys, 1e-6);
  assert.ok(Math.abs(w[0] + 1) < 0.1 && Math.abs(w[1] - 3) < 0.15, `w = ${[...w]}`);
});

test("logistic ensemble out of fold and the UQ performance of a run", () => {
  // 7,392 units: a signal that is low exactly on the wrong answers, one that is noise
  const n = 132 * 56;
  const informative = new Float64Array(n);
  const noise = new Float64Array(n);
  const answer = new Float64Array(n);
  const truth = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const wrong = u % 10 === 0;
    answer[u] = 1;
    truth[u] = wrong ? 0 : 1;
    informative[u] = wrong ? 0.4 + (u % 7) / 100 : 0.6 + (u % 13) / 100;
    noise[u] = ((u * 2654435761) % 1000) / 1000;
  }
  const conf: UnitConfidence = { answer, n: new Int32Array(n).fill(1), signals: { variant: informative, token: noise } };
  const wrong = wrongOf(answer, truth);
  const oof = logisticEnsembleOutOfFold(conf.signals, wrong, { seed: 3 });
  assert.equal(aurocLowConfidence(oof, wrong), 1);
  const uq = uqPerformance({ task2: { conf, truth } }, { truth: "test", seed: 3 });
  assert.equal(uq.signals["task2.variant"].auroc, 1);
  assert.ok(Math.abs(uq.signals["task2.token"].auroc! - 0.5) < 0.05);
  // 10% budget of 7,392 = 739.2 slots, 740 wrong answers, all least confident → 739.2/740
  assert.ok(Math.abs(uq.signals["task2.variant"].misclassifiedRecall["10"]! - 739.2 / 740) < 1e-9);
  assert.equal(uq.ensembleLogistic.auroc, 1);
  // the rank mean is diluted by the noise signal but still better than chance
  assert.ok(uq.ensemble.auroc! > 0.7 && uq.ensemble.auroc! < 1);
  assert.equal(uq.ensemble.byTask.task2.n, n);
});

test("uqPerformance leaves out a task whose run supports no signal (one Task 1 variant) instead of throwing", () => {
  const n = 7392;
  const answer = Float64Array.from({ length: n }, (_, u) => u % 2);
  const truth = Float64Array.from({ length: n }, (_, u) => (u % 10 === 0 ? 1 - (u % 2) : u % 2));
  const task1: UnitConfidence = { answer, n: new Int32Array(n).fill(1), signals: {} };
  const task2: UnitConfidence = { answer, n: new Int32Array(n).fill(2), signals: { order: Float64Array.from({ length: n }, (_, u) => (u % 10 === 0 ? 0 : 1)) } };
  const uq = uqPerformance({ task1: { conf: task1, truth }, task2: { conf: task2, truth } }, { truth: "test", seed: 1 });
  assert.deepEqual(Object.keys(uq.signals), ["task2.order"]);
  assert.deepEqual(Object.keys(uq.ensemble.byTask), ["task2"]);
  assert.equal(uq.signals["task2.order"].auroc, 1);
  assert.equal(hasSignal(task1.signals), false);
  assert.equal(hasSignal(task2.signals), true);
});
