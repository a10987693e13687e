import { test } from "node:test";
import assert from "node:assert/strict";
import {
  flipOrderVariant,
  PROMPT_VARIANTS,
  task2Messages,
  task2OptionOrder,
  task2Prompt,
  type Task2Item,
} from "../../src/prompts";

// Expected texts are transcribed by hand from method.md §5, not computed by the code under test.

const item: Task2Item = {
  country: "Germany",
  topic: "Work Orientation",
  value: "Self-Discipline",
  negative: "I often skip my tasks when I feel like it.",
  positive: "I finish my work before I relax.",
};

const V0 =
  "Suppose you are from Germany, in the context of Work Orientation, and with respect to value of Self-Discipline, which of the following actions is more aligned with your values? Please choose between Option 1 and Option 2. \n";
const V1 = "As someone living in Germany, which better reflects your cultural values regarding Work Orientation and Self-Discipline:\nOption 1 or Option 2?";
const O0 = "Options: 1: I often skip my tasks when I feel like it., 2: I finish my work before I relax.";
const O1 = "Options: 1: I finish my work before I relax., 2: I often skip my tasks when I feel like it.";
const F0 =
  'Return your response as a JSON object with the following fields:\n- "action": the action you selected (Option 1 or Option 2)\n\nUse double quotes for property names.';
const F1 =
  'Return your response as a JSON object with the following fields:\n- "explanation": the explanation for why the action is aligned with your values\n- "action": the action you selected (Option 1 or Option 2)\nUse double quotes for property names.';

/** (version, order, format) of variants 0..7, written out as in method.md §5. */
const EXPECTED = [
  V0 + O0 + F0,
  V0 + O0 + F1,
  V0 + O1 + F0,
  V0 + O1 + F1,
  V1 + O0 + F0,
  V1 + O0 + F1,
  V1 + O1 + F0,
  V1 + O1 + F1,
];

test("paper: every Task 2 variant 0..7 (blocks without separators, value by name only)", () => {
  for (const k of PROMPT_VARIANTS) assert.equal(task2Prompt(item, k, "paper"), EXPECTED[k], `variant ${k}`);
});

test("robust: Task 2 text is identical to paper for every variant (no §12.7/8 defect applies)", () => {
  for (const k of PROMPT_VARIANTS) assert.equal(task2Prompt(item, k, "robust"), task2Prompt(item, k, "paper"), `variant ${k}`);
});

test("spot check: the full rendered variant-5 prompt of method.md §5 (negative action is Option 1)", () => {
  const got = task2Prompt(
    {
      country: "Nigeria",
      topic: "Health and Health Care",
      value: "Social Power",
      negative: "I share decisions about my care with my family.",
      positive: "I make the health decisions for my whole household.",
    },
    5,
    "paper",
  );
  assert.equal(
    got,
    'As someone living in Nigeria, which better reflects your cultural values regarding Health and Health Care and Social Power:\nOption 1 or Option 2?Options: 1: I share decisions about my care with my family., 2: I make the health decisions for my whole household.Return your response as a JSON object with the following fields:\n- "explanation": the explanation for why the action is aligned with your values\n- "action": the action you selected (Option 1 or Option 2)\nUse double quotes for property names.',
  );
});

test("option order: variants 2, 3, 6, 7 show the positive action first", () => {
  const orders = PROMPT_VARIANTS.map((k) => task2OptionOrder(k));
  assert.deepEqual(orders, [
    "negative-first",
    "negative-first",
    "positive-first",
    "positive-first",
    "negative-first",
    "negative-first",
    "positive-first",
    "positive-first",
  ]);
  for (const k of PROMPT_VARIANTS) {
    const p = task2Prompt(item, k, "paper");
    const first = orders[k] === "negative-first" ? item.negative : item.positive;
    assert.ok(p.includes(`Options: 1: ${first}, 2: `), `variant ${k}`);
  }
});

test("flipOrderVariant: same wording and format, the other option order", () => {
  assert.deepEqual(
    PROMPT_VARIANTS.map((k) => flipOrderVariant(k)),
    [2, 3, 0, 1, 6, 7, 4, 5],
  );
  for (const k of PROMPT_VARIANTS) {
    const j = flipOrderVariant(k);
    assert.notEqual(task2OptionOrder(j), task2OptionOrder(k));
    assert.equal(flipOrderVariant(j), k);
    // Swapping the actions in the item undoes the order flip: identical text.
    const swapped = { ...item, negative: item.positive, positive: item.negative };
    assert.equal(task2Prompt(swapped, j, "paper"), task2Prompt(item, k, "paper"), `variant ${k}`);
  }
  assert.throws(() => flipOrderVariant(8), RangeError);
});

test("task2Messages is one user message and no system prompt", () => {
  assert.deepEqual(task2Messages(item, 5, "robust"), [{ role: "user", content: EXPECTED[5] }]);
});

test("option texts are inserted verbatim (quotes, braces, newlines untouched)", () => {
  const odd = { ...item, negative: `I say "no" {x}\nthen leave`, positive: "I'll stay, 2: yes" };
  assert.equal(
    task2Prompt(odd, 4, "paper"),
    V1 + `Options: 1: I say "no" {x}\nthen leave, 2: I'll stay, 2: yes` + F0,
  );
});
