import { test } from "node:test";
import assert from "node:assert/strict";
import { generateItems, task1Items, task2Items } from "../../src/pipeline/items";
import { pairKey, type ActionPairs } from "../../src/pipeline/actions";
import type { Scope } from "../../src/pipeline/scope";
import { generationMessages, task1Messages, task2Messages } from "../../src/prompts";
import { recordId } from "../../src/runs/id";

const scope = (over: Partial<Scope> = {}): Scope => ({
  countries: ["India", "Egypt"],
  topics: ["Politics"],
  values: ["Wealth", "Equality"],
  variants: [5],
  order: "paper",
  replicates: 1,
  ...over,
});

test("generateItems: every cell x polarity x variant x replicate, in that nesting order, with the prompt of each", () => {
  const items = generateItems(scope({ variants: [0, 1], replicates: 2 }), "m", "paper");
  // 2 countries x 1 topic x 2 values x 2 polarities x 2 variants x 2 replicates
  assert.equal(items.length, 32);
  assert.deepEqual(items[0].meta, { country: "India", topic: "Politics", value: "Wealth", polarity: "positive" });
  assert.deepEqual([items[0].variant, items[0].replicate, items[1].replicate, items[2].variant], [0, 0, 1, 1]);
  assert.deepEqual(items[4].meta.polarity, "negative");
  assert.deepEqual(items[31].meta, { country: "Egypt", topic: "Politics", value: "Equality", polarity: "negative" });
  assert.deepEqual(items[0].messages, generationMessages(items[0].meta, 0, "paper"));
  assert.equal(items[0].id, recordId({ task: "generate", model: "m", ...items[0].meta, variant: 0, replicate: 0 }));
  assert.equal(new Set(items.map((it) => it.id)).size, items.length, "ids are distinct");
});

test("ids name the model and are stable across calls; the protocol is not part of the id", () => {
  const a = task1Items(scope(), "m", "paper");
  assert.deepEqual(task1Items(scope(), "m", "paper").map((i) => i.id), a.map((i) => i.id));
  assert.notDeepEqual(task1Items(scope(), "other", "paper").map((i) => i.id), a.map((i) => i.id));
  assert.deepEqual(task1Items(scope(), "m", "robust").map((i) => i.id), a.map((i) => i.id));
});

test("task1Items: one item per scenario x variant x replicate (all values in one prompt)", () => {
  const items = task1Items(scope({ variants: [2, 3], replicates: 1 }), "m", "robust");
  assert.equal(items.length, 4);
  assert.deepEqual(
    items.map((i) => [i.meta.country, i.variant]),
    [["India", 2], ["India", 3], ["Egypt", 2], ["Egypt", 3]],
  );
  assert.deepEqual(items[1].messages, task1Messages({ country: "India", topic: "Politics" }, 3, "robust"));
  assert.equal(items[1].id, recordId({ task: "task1", model: "m", country: "India", topic: "Politics", variant: 3, replicate: 0 }));
});

const pairs: ActionPairs = new Map([
  [pairKey("India", "Politics", "Wealth"), { negative: "I give my savings away.", positive: "I invest my savings." }],
  [pairKey("Egypt", "Politics", "Equality"), { negative: "I keep the old rules.", positive: "I vote for equal pay." }],
]);

test("task2Items: cells without an action pair are skipped and named; the pair's texts are in the prompt", () => {
  const { items, skipped } = task2Items(scope(), "m", "paper", pairs);
  assert.deepEqual(skipped, ["India+Politics+Equality", "Egypt+Politics+Wealth"]);
  assert.equal(items.length, 2);
  assert.deepEqual(items[0].meta, { country: "India", topic: "Politics", value: "Wealth", optionOrder: "negative-first" });
  const pair = pairs.get(pairKey("India", "Politics", "Wealth"))!;
  assert.deepEqual(items[0].messages, task2Messages({ country: "India", topic: "Politics", value: "Wealth", ...pair }, 5, "paper"));
  assert.ok(items[0].messages.some((m) => m.content.includes("I invest my savings.")));
});

test("task2Items counterbalanced: each variant and its flipped-order twin (5 <-> 7), one id per order", () => {
  const { items } = task2Items(scope({ order: "counterbalanced", variants: [5] }), "m", "robust", pairs);
  assert.equal(items.length, 4);
  assert.deepEqual(items.map((i) => i.variant), [5, 7, 5, 7]);
  assert.deepEqual(
    items.slice(0, 2).map((i) => i.meta.optionOrder),
    ["negative-first", "positive-first"],
  );
  assert.notEqual(items[0].id, items[1].id);
  // asking for both already: no duplicates
  assert.equal(task2Items(scope({ order: "counterbalanced", variants: [5, 7] }), "m", "robust", pairs).items.length, 4);
  // paper order keeps the variants as given
  assert.deepEqual(task2Items(scope({ variants: [7] }), "m", "paper", pairs).items.map((i) => i.variant), [7, 7]);
});
