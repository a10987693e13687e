import { test } from "node:test";
import assert from "node:assert/strict";
import { positionBias } from "../../src/analysis/positionBias";

test("position bias: option-1 share and order consistency on hand-computed pairs", () => {
  const b = positionBias([
    // pair a: picks the negative action in both orders (1 when negative-first, 2 when positive-first): consistent
    { pair: "a", optionOrder: "negative-first", choice: 1 },
    { pair: "a", optionOrder: "positive-first", choice: 2 },
    // pair b: always Option 1, so a different action per order: inconsistent
    { pair: "b", optionOrder: "negative-first", choice: 1 },
    { pair: "b", optionOrder: "positive-first", choice: 1 },
    // pair c: one order unusable: counts for the share, not for consistency
    { pair: "c", optionOrder: "negative-first", choice: 2 },
    { pair: "c", optionOrder: "positive-first", choice: null },
  ]);
  assert.equal(b.answers, 5);
  assert.equal(b.option1Share, 3 / 5);
  assert.equal(b.pairs, 2);
  assert.equal(b.orderConsistency, 1 / 2);
});

test("position bias without both orders: no consistency (NaN), no pairs", () => {
  const b = positionBias([{ pair: "a", optionOrder: "negative-first", choice: 2 }]);
  assert.equal(b.pairs, 0);
  assert.ok(Number.isNaN(b.orderConsistency));
  assert.equal(b.option1Share, 0);
});
