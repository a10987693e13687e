import { test } from "node:test";
import assert from "node:assert/strict";
import { SCENARIOS, VALUES, type Value } from "../../src/catalog";
import {
  binaryAnswer, modeShare, optionOrderOfVariant, paperChoice, paperPositiveChoice, paperTask2Agreement, positiveFromChoice,
  robustPositiveChoice, robustTask2Agreement, task1AgreementOfRows, task1PromptAgreement, task2PositiveRate,
} from "../../src/analysis/promptAgreement";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

/** A prompt row answering every value with `fill`, with some overrides. */
const row = (fill: number | null, over: Partial<Record<Value, number | null>> = {}) =>
  ({ ...Object.fromEntries(VALUES.map((v) => [v, fill])), ...over }) as Record<Value, number | null>;

test("binaryAnswer: 1,2 → 0 agree; 3,4 → 1 disagree; missing → NaN", () => {
  assert.deepEqual([1, 2, 3, 4].map(binaryAnswer), [0, 0, 1, 1]);
  assert.ok(Number.isNaN(binaryAnswer(null)));
  assert.ok(Number.isNaN(binaryAnswer(undefined)));
});

test("modeShare: pandas mode (NaN dropped, smallest on ties); NaN never equals the mode; denominator = rows", () => {
  assert.equal(modeShare([0, 0, 1, 0]), 0.75);
  assert.equal(modeShare([1, 1, 0, 1, 1, 1, 1, 1]), 7 / 8);
  assert.equal(modeShare([0, 1, 1, 0]), 0.5); // tie: mode 0, 2 of 4
  assert.equal(modeShare([1, 1, 0, NaN]), 0.5); // mode 1, NaN counts against
  assert.equal(modeShare([NaN, NaN, 1, 0, 0]), 0.4);
  assert.equal(modeShare([NaN, NaN]), 0); // mode NaN: nothing equals it
  assert.ok(Number.isNaN(modeShare([])));
  // robust: share among present answers
  assert.equal(modeShare([1, 1, 0, NaN], true), 2 / 3);
  assert.ok(Number.isNaN(modeShare([NaN, NaN], true)));
});

test("task1PromptAgreement: per scenario mean over values of the mode share, then mean over scenarios", () => {
  const scenarioA = [
    row(1, { Wealth: 1 }),
    row(1, { Wealth: 2 }),
    row(1, { Wealth: 3 }),
    row(1, { Wealth: 1 }),
  ]; // Wealth → 0,0,1,0: share 3/4; the other 55 values 1
  const scenarioB = [
    row(4, { Authority: 4 }),
    row(4, { Authority: null }), // a shifted/missing answer in a parsed row
    row(4, { Authority: 4 }),
    null, // a row that failed to parse: dropped, as the authors did
  ];
  const a = (55 + 0.75) / 56;
  const bPaper = (55 + 2 / 3) / 56;
  const paper = task1PromptAgreement([scenarioA, scenarioB]);
  close(paper.perScenario[0], a);
  close(paper.perScenario[1], bPaper);
  close(paper.value, (a + bPaper) / 2);
  assert.equal(paper.n, 2);
  const robust = task1PromptAgreement([scenarioA, scenarioB], "robust");
  close(robust.perScenario[1], 1); // Authority: 2 of 2 present answers agree
  close(robust.value, (a + 1) / 2);
});

test("task1PromptAgreement: unanswered values and empty scenarios", () => {
  // a value nobody answered: paper scores it 0, robust leaves it out
  const onlySome = [row(null, { Wealth: 1 }), row(null, { Wealth: 1 })];
  close(task1PromptAgreement([onlySome]).value, 1 / 56);
  close(task1PromptAgreement([onlySome], "robust").value, 1);
  const r = task1PromptAgreement([[null], [row(2)]]);
  assert.ok(Number.isNaN(r.perScenario[0]));
  assert.equal(r.n, 1);
  assert.equal(r.value, 1);
});

test("task1AgreementOfRows: rows grouped by scenario into the 132 SCENARIOS slots, in any row order", () => {
  const [s0, s5] = [SCENARIOS[0], SCENARIOS[5]];
  const rows = [
    { ...s5, answers: row(4) },
    { ...s0, answers: row(1, { Wealth: 3 }) },
    { ...s5, answers: row(4, { Honest: null }) },
    { ...s0, answers: row(1) },
    { ...s0, answers: null },
  ];
  const grouped = task1AgreementOfRows(rows, "robust");
  const byHand = task1PromptAgreement(
    SCENARIOS.map((_, i) => (i === 0 ? [row(1, { Wealth: 3 }), row(1), null] : i === 5 ? [row(4), row(4, { Honest: null })] : [])),
    "robust",
  );
  assert.equal(grouped.perScenario.length, 132);
  assert.deepEqual([...grouped.perScenario], [...byHand.perScenario]);
  assert.equal(grouped.n, 2);
  close(grouped.perScenario[0], (55 + 0.5) / 56); // Wealth 1 vs 3 over the 2 parsed rows
  close(grouped.perScenario[5], 1);
  // paper is the default protocol: the missing Honest answer counts against the mode
  close(task1AgreementOfRows(rows).perScenario[5], (55 + 0.5) / 56);
});

test("option order of Task 2 variants: 2, 3, 6, 7 put the positive action first", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map(optionOrderOfVariant), [
    "negative-first", "negative-first", "positive-first", "positive-first",
    "negative-first", "negative-first", "positive-first", "positive-first",
  ]);
  assert.throws(() => optionOrderOfVariant(8), RangeError);
});

test("paperPositiveChoice: the authors' '1'-substring detector, including its fragility", () => {
  assert.equal(paperPositiveChoice("{'action': 'Option 2'}", 5), true);
  assert.equal(paperPositiveChoice("{'action': 'Option 1'}", 5), false);
  assert.equal(paperPositiveChoice("{'action': 'Option 1'}", 2), true);
  assert.equal(paperPositiveChoice("{'action': 'Option 2'}", 6), false);
  // an explanation mentioning "1" reads as Option 1 even though Option 2 was chosen
  assert.equal(paperPositiveChoice("{'explanation': 'Unlike Option 1, ...', 'action': 'Option 2'}", 1), false);
  // neither digit: the notebook could not read it (null), whatever the order
  assert.equal(paperChoice("{'action': 'I cannot select an option as I am an AI'}"), null);
  assert.equal(paperPositiveChoice("{'action': 'I cannot select an option as I am an AI'}", 4), null);
  assert.equal(paperChoice("{'action': 'Neither', 'explanation': 'Option 2 ...'}"), 2);
});

test("positiveFromChoice maps a parsed choice through the option order", () => {
  assert.equal(positiveFromChoice(2, "negative-first"), true);
  assert.equal(positiveFromChoice(1, "negative-first"), false);
  assert.equal(positiveFromChoice(1, "positive-first"), true);
  assert.equal(positiveFromChoice(null, "positive-first"), null);
});

test("task2PositiveRate and paperTask2Agreement: share of positive choices per pair, then mean", () => {
  const r = task2PositiveRate([[true, true, false, true], [true, null, true, null], [null]]);
  assert.deepEqual([...r.perPair].slice(0, 2), [0.75, 1]);
  assert.ok(Number.isNaN(r.perPair[2]));
  assert.equal(r.value, 0.875);
  assert.equal(r.n, 2);
  const o1 = "{'action': 'Option 1'}";
  const o2 = "{'action': 'Option 2'}";
  // consistent positive chooser: Option 2 in normal order (0,1,4,5), Option 1 when swapped (2,3,6,7)
  const consistent = [o2, o2, o1, o1, o2, o2, o1, o1];
  // always "Option 1": positive only in the 4 swapped variants
  const positional = [o1, o1, o1, o1, o1, o1, o1, o1];
  const t = paperTask2Agreement([{ evaluations: consistent }, { evaluations: positional }]);
  assert.deepEqual([...t.perPair], [1, 0.5]);
  assert.equal(t.value, 0.75);
  // the notebook's rule: an unreadable answer stays in the denominator of 8 (7/8, not 7/7)
  const refusal = "{'action': 'I cannot select an option'}";
  assert.deepEqual([...paperTask2Agreement([{ evaluations: [o2, o2, o1, o1, refusal, o2, o1, o1] }]).perPair], [7 / 8]);
  assert.deepEqual([...task2PositiveRate([[true, null]], "not-positive").perPair], [0.5]);
});

test("robustPositiveChoice reads the action field, not a digit in the explanation", () => {
  assert.equal(robustPositiveChoice("{'explanation': 'Unlike Option 1, ...', 'action': 'Option 2'}", 1), true);
  assert.equal(robustPositiveChoice('{"action": "Option 1"}', 6), true);
  assert.equal(robustPositiveChoice('{"action": "Option 1"}', 0), false);
  assert.equal(robustPositiveChoice("I cannot choose.", 0), null);
  const t = robustTask2Agreement([{ evaluations: ['{"action": "Option 2"}', "no idea"] }]);
  assert.deepEqual([t.value, t.n], [1, 1]);
});
