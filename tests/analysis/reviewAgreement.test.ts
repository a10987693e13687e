import { test } from "node:test";
import assert from "node:assert/strict";
import { binaryLabel, consensusLabel, reviewAgreement, type ReviewedItem } from "../../src/analysis/reviewAgreement";

const L = ["gap", "no-gap", "unsure"] as const;
const boot = { scheme: "items" as const, seed: 3, resamples: 200 };

test("binaryLabel / consensusLabel: first label 1, second 0, unsure and ties undecided", () => {
  assert.equal(binaryLabel(L, "gap"), 1);
  assert.equal(binaryLabel(L, "no-gap"), 0);
  assert.ok(Number.isNaN(binaryLabel(L, "unsure")));
  assert.ok(Number.isNaN(binaryLabel(L, undefined)));
  assert.equal(consensusLabel([1, 1, 0]), 1);
  assert.equal(consensusLabel([0, NaN]), 0);
  assert.ok(Number.isNaN(consensusLabel([1, 0])));
});

test("reviewAgreement: hand-computed accuracy, kappa and UQ against the consensus", () => {
  // Six items, the run says gap on the first three; ensemble confidence rises with the index.
  const items: ReviewedItem[] = ["a", "b", "c", "d", "e", "f"].map((item, i) => ({
    item,
    labels: L,
    modelAnswer: i < 3 ? "gap" : "no-gap",
    ensemble: (i + 1) / 10,
    confidence: (i + 1) / 10,
  }));
  const ann = [
    { annotator: "ann", labels: { a: "no-gap", b: "no-gap", c: "gap", d: "no-gap", e: "no-gap", f: "no-gap" } },
    { annotator: "bob", labels: { a: "no-gap", b: "gap", c: "gap", d: "no-gap", e: "no-gap", f: "unsure" } },
  ];
  const r = reviewAgreement(items, ann, boot);
  // ann: model 1 1 1 0 0 0 vs 0 0 1 0 0 0 → 4/6 right.
  assert.equal(r.annotators[0].accuracy.value, 4 / 6);
  // bob: f is unsure → 5 decided: 0 1 1 0 0 vs model 1 1 1 0 0 → 4/5.
  assert.equal(r.annotators[1].labelled, 5);
  assert.equal(r.annotators[1].unsure, 1);
  assert.equal(r.annotators[1].accuracy.value, 4 / 5);
  // kappa ann vs bob on a..e: ann 0 0 1 0 0, bob 0 1 1 0 0: p_o = 4/5, p_e = (1/5·2/5) + (4/5·3/5) = 14/25,
  // κ = (20/25 − 14/25) / (11/25) = 6/11.
  assert.equal(r.kappa.length, 1);
  assert.ok(Math.abs(r.kappa[0].kappa - 6 / 11) < 1e-12);
  assert.equal(r.kappa[0].n, 5);
  // consensus: a 0, b tie (undecided), c 1, d 0, e 0, f 0 (bob unsure) → 5 decided, 1 undecided.
  assert.equal(r.consensus.decided, 5);
  assert.equal(r.consensus.undecided, 1);
  // run vs consensus: a wrong, c d e f right → 4/5; the one overruled answer (a) is the least confident.
  assert.equal(r.consensus.accuracy.value, 4 / 5);
  assert.equal(r.uq.ensemble.wrong, 1);
  assert.equal(r.uq.ensemble.n, 5);
  assert.equal(r.uq.ensemble.auroc, 1);
  // 20% of 5 items = one slot: the least confident, which is the wrong one → recall 1.
  assert.equal(r.uq.ensemble.misclassifiedRecall["20"], 1);
  // one annotator only: no kappa
  assert.deepEqual(reviewAgreement(items, ann.slice(0, 1), boot).kappa, []);
});
