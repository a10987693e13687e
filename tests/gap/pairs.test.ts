import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUES } from "../../src/catalog";
import { pairsFromRecords, type ActionRow } from "../../src/gap/pairs";
import type { Task1Answers } from "../../src/runs/records";
import { task1Record, task2Record } from "../helpers/records";

const cell = { country: "India", topic: "Politics" } as const;
const row = (value: "Wealth" | "Equality", polarity: "positive" | "negative", action: string | null, error: string | null = null): ActionRow => ({
  ...cell,
  value,
  polarity,
  action,
  attributions: action ? [action.split(" ")[1]] : [],
  explanation: action ? `because ${action}` : null,
  error,
});
/** Task 1 answers: the given values, every other value unanswered. */
const answers = (a: Partial<Record<(typeof VALUES)[number], 1 | 2 | 3 | 4>>) =>
  Object.fromEntries(VALUES.map((v) => [v, a[v] ?? null])) as Task1Answers;

test("pairsFromRecords: one target per Task 2 model; texts, stated inclination and choices joined by hand", () => {
  const actions = [
    row("Wealth", "positive", null), // no text: not usable
    row("Wealth", "positive", "I invest wisely."),
    row("Wealth", "positive", "I spend it all."), // a later row: the first usable one wins
    row("Wealth", "negative", "I give it away.", "HTTP 500"), // failed call: not usable
    row("Wealth", "negative", "I live simply."),
  ];
  const task1 = [
    // Wealth: (1 + 2) / 2 = 1.5 -> v = 0.5 / 3 < 0.5 -> 0 (agree); Equality: (4 + 3) / 2 -> v = 5/6 -> 1 (disagree)
    task1Record(0, { ...cell, model: "m1", variant: 0, answers: answers({ Wealth: 1, Equality: 4 }) }),
    task1Record(1, { ...cell, model: "m1", variant: 1, answers: answers({ Wealth: 2, Equality: 3 }) }),
    task1Record(2, { ...cell, model: "m1", variant: 2, answers: answers({ Wealth: 4, Equality: 4 }), error: "timeout" }), // failed: left out
    task1Record(3, { ...cell, model: "m2", variant: 0, answers: answers({ Wealth: 4 }) }), // another model's answers
  ];
  const task2 = [
    task2Record(0, { ...cell, model: "m1", value: "Wealth", chosenPolarity: "negative", explanation: "Less is more." }),
    task2Record(1, { ...cell, model: "m1", value: "Wealth", chosenPolarity: "positive", optionOrder: "positive-first", explanation: null }),
    task2Record(2, { ...cell, model: "m1", value: "Wealth", chosenPolarity: null, choice: null, error: "HTTP 429" }), // skipped
    task2Record(3, { ...cell, model: "m1", value: "Equality", chosenPolarity: "positive", explanation: null }),
    task2Record(4, { ...cell, model: "m2", value: "Wealth", chosenPolarity: null, choice: null }), // no choice: skipped
    task2Record(5, { ...cell, model: "m2", value: "Equality", chosenPolarity: "negative", explanation: null }),
  ];
  const positive = { action: "I invest wisely.", attributions: ["invest"], explanation: "because I invest wisely." };
  const negative = { action: "I live simply.", attributions: ["live"], explanation: "because I live simply." };
  const none = { action: null, attributions: [], explanation: null };
  assert.deepEqual(pairsFromRecords(actions, task1, task2), [
    {
      id: "m1",
      pairs: [
        { ...cell, value: "Wealth", stated: 0, chosenPolarity: "negative", positive, negative, targetExplanation: "Less is more." },
        { ...cell, value: "Wealth", stated: 0, chosenPolarity: "positive", positive, negative, targetExplanation: null },
        { ...cell, value: "Equality", stated: 1, chosenPolarity: "positive", positive: none, negative: none, targetExplanation: null },
      ],
    },
    {
      id: "m2",
      // m2 answered Task 1 for Wealth only: its Equality cell has no stated inclination (missing stays missing)
      pairs: [{ ...cell, value: "Equality", stated: null, chosenPolarity: "negative", positive: none, negative: none, targetExplanation: null }],
    },
  ]);
});

test("pairsFromRecords: without Task 1 records every stated inclination is null; without Task 2 records there is no target", () => {
  const t2 = [task2Record(0, { ...cell, model: "m1", value: "Wealth", chosenPolarity: "positive" })];
  const [target] = pairsFromRecords([], [], t2);
  assert.equal(target.pairs.length, 1);
  assert.equal(target.pairs[0].stated, null);
  assert.deepEqual(pairsFromRecords([row("Wealth", "positive", "I invest wisely.")], [], []), []);
});
