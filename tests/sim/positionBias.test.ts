import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { task2Messages, task2OptionOrder } from "../../src/prompts";
import { answer, groundTruth, simulatedAction } from "../../src/sim";

const SEED = 4;
const SHARE = 0.2;

test("position bias: the ground truth draws the planted share of cells, seeded, and nothing else changes", () => {
  const off = groundTruth(SEED);
  const on = groundTruth(SEED, { positionBias: SHARE });
  assert.equal(off.positionBias.cells, 0);
  assert.ok(off.cells.every((c) => !c.positionBiased));
  // 7,392 Bernoulli(0.2) draws: sd of the share 0.0047, 4 sd = 0.019.
  assert.equal(on.positionBias.cells, on.cells.filter((c) => c.positionBiased).length);
  assert.ok(Math.abs(on.positionBias.realizedShare - SHARE) < 0.019, `realized ${on.positionBias.realizedShare}`);
  assert.deepEqual(groundTruth(SEED, { positionBias: SHARE }).cells, on.cells, "seeded: the same cells every time");
  assert.notDeepEqual(groundTruth(SEED + 1, { positionBias: SHARE }).cells.map((c) => c.positionBiased), on.cells.map((c) => c.positionBiased));
  // A larger share keeps the cells of a smaller one (one uniform draw per cell), and the respondent is untouched.
  const more = groundTruth(SEED, { positionBias: 0.5 });
  assert.ok(on.cells.every((c, k) => !c.positionBiased || more.cells[k].positionBiased));
  assert.deepEqual(on.cells.map(({ positionBiased: _p, ...c }) => c), off.cells.map(({ positionBiased: _p, ...c }) => c));
});

test("position bias: a biased cell answers Option 1 in both option orders; every other cell answers exactly as without the bias", () => {
  const truth = groundTruth(SEED, { positionBias: SHARE });
  let biased = 0;
  let unbiased = 0;
  for (const country of COUNTRIES.slice(0, 3))
    for (const topic of TOPICS.slice(0, 4))
      for (const value of VALUES) {
        const cell = truth.cells.find((c) => c.country === country && c.topic === topic && c.value === value)!;
        const pos = simulatedAction(SEED, country, topic, value, "positive", "pb").action;
        const neg = simulatedAction(SEED, country, topic, value, "negative", "pb").action;
        const chosen: string[] = [];
        for (const variant of [5, 6]) {
          const body = { messages: task2Messages({ country, topic, value, positive: pos, negative: neg }, variant, "robust") };
          const a = JSON.parse(answer(SEED, body, { positionBias: SHARE }).content) as { action: string };
          const plain = JSON.parse(answer(SEED, body).content) as { action: string };
          if (cell.positionBiased) assert.equal(a.action, "Option 1");
          else assert.equal(a.action, plain.action, `${country}/${topic}/${value} v${variant}`);
          const positiveFirst = task2OptionOrder(variant) === "positive-first";
          chosen.push((a.action === "Option 1") === positiveFirst ? "positive" : "negative");
        }
        assert.notEqual(task2OptionOrder(5), task2OptionOrder(6), "variants 5 and 6 are the two option orders");
        if (cell.positionBiased) {
          biased++;
          assert.notEqual(chosen[0], chosen[1], "a position-biased cell picks each action once: an undecided pair");
        } else unbiased++;
      }
  assert.ok(biased > 60 && unbiased > 400, `${biased} biased, ${unbiased} unbiased cells checked`);
});
