import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUE_INDEX, VALUES } from "../../src/catalog";
import { actedMatrix } from "../../src/analysis/acted";
import { binarize, binarizeMatrix } from "../../src/analysis/binarize";
import {
  countMissing, fromRows, get, keyed, makeMatrix, rowOf, ROWS_OF_COUNTRY, ROWS_OF_TOPIC, SCENARIO_ROWS, set, toRows, VALUE_COLS,
} from "../../src/analysis/matrix";
import { statedMatrix } from "../../src/analysis/stated";

const EG_REL = rowOf("Egypt", "Religion");
const W = VALUE_INDEX.Wealth;

test("matrix layout: 132 scenario rows (country-major) × 56 value columns (group order)", () => {
  assert.equal(SCENARIO_ROWS, 132);
  assert.equal(VALUE_COLS, 56);
  assert.equal(rowOf("United States", "Politics"), 0);
  assert.equal(rowOf("India", "Politics"), 11);
  assert.equal(rowOf("Australia", "Health and Health Care"), 131);
  assert.throws(() => rowOf("Narnia", "Politics"), RangeError);
  assert.throws(() => rowOf("India", "Cooking"), RangeError);
  assert.deepEqual([...ROWS_OF_COUNTRY.India], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
  assert.deepEqual([...ROWS_OF_TOPIC.Politics], [0, 11, 22, 33, 44, 55, 66, 77, 88, 99, 110, 121]);
  const m = makeMatrix(2, 3);
  assert.equal(countMissing(m), 6);
  set(m, 1, 2, 0.25);
  assert.equal(get(m, 1, 2), 0.25);
  assert.equal(m.data[5], 0.25);
  assert.deepEqual(toRows(fromRows([[1, null]])), [[1, NaN]]);
  assert.throws(() => fromRows([[1, 2], [3]]), RangeError);
});

test("keyed turns a table into {row: {value: x}}", () => {
  const m = makeMatrix(1, 56, 0);
  set(m, 0, 2, 0.7);
  const k = keyed(m, ["Egypt"] as const);
  assert.equal(k.Egypt.Wealth, 0.7);
  assert.equal(k.Egypt["Social Power"], 0);
  assert.throws(() => keyed(m, ["a", "b"]), RangeError);
});

test("binarize: < 0.5 agree (0), ≥ 0.5 disagree (1); NaN → 1 under paper, NaN under robust; on the cut undecided under robust", () => {
  assert.equal(binarize(0, "paper"), 0);
  assert.equal(binarize(0.49, "paper"), 0);
  assert.equal(binarize(0.5, "paper"), 1);
  assert.equal(binarize(1, "robust"), 1);
  assert.equal(binarize(NaN, "paper"), 1);
  assert.ok(Number.isNaN(binarize(NaN, "robust")));
  assert.deepEqual(toRows(binarizeMatrix(fromRows([[0.2, 0.5, null]]), "paper")), [[0, 1, 1]]);
  assert.deepEqual(toRows(binarizeMatrix(fromRows([[0.2, 0.5, null]]), "robust")), [[0, NaN, NaN]]);
  assert.deepEqual(toRows(binarizeMatrix(fromRows([[0.2, 0.51, null]]), "robust")), [[0, 1, NaN]]);
  // a Task 1 cut at Likert 2 = normalized 1/3; Likert 3 = 2/3 (same arithmetic as statedMatrix)
  const cut2 = (2 - 1) / 3;
  assert.equal(binarize((1.5 - 1) / 3, "paper", cut2), 0);
  assert.equal(binarize((2 - 1) / 3, "paper", cut2), 1);
  assert.ok(Number.isNaN(binarize((2 - 1) / 3, "robust", cut2)));
  assert.equal(binarize(0.5, "robust", (3 - 1) / 3), 0);
  // the missing rule can be overridden either way
  assert.ok(Number.isNaN(binarize(NaN, "paper", 0.5, "missing")));
  assert.equal(binarize(NaN, "robust", 0.5, "paper-defaults"), 1);
});

test("statedMatrix: v = (mean over prompts − 1)/3, missing answers ignored, unanswered cells NaN and counted", () => {
  const { matrix, missing, answered } = statedMatrix(
    [
      { country: "Egypt", topic: "Religion", answers: { Wealth: 1, Authority: 3 } },
      { country: "Egypt", topic: "Religion", answers: { Wealth: 4, Authority: null } },
      { country: "Egypt", topic: "Religion", answers: null }, // a row that failed to parse
      { country: "India", topic: "Politics", answers: { Wealth: 2 } },
    ],
    "paper",
  );
  assert.equal(get(matrix, EG_REL, W), 0.5); // (2.5 − 1)/3
  assert.equal(get(matrix, EG_REL, VALUE_INDEX.Authority), 2 / 3); // only the one answer: (3 − 1)/3
  assert.equal(get(matrix, rowOf("India", "Politics"), W), 1 / 3);
  assert.equal(get(answered, EG_REL, W), 2);
  assert.ok(Number.isNaN(get(matrix, EG_REL, VALUE_INDEX.Honest)));
  assert.equal(missing, 132 * 56 - 3);
  assert.equal(countMissing(matrix), missing);
});

test("statedMatrix: paper keeps out-of-range digits of the authors' parser, robust drops them", () => {
  const rows = [
    { country: "Egypt" as const, topic: "Religion" as const, answers: { Wealth: 1 } },
    { country: "Egypt" as const, topic: "Religion" as const, answers: { Wealth: 7 } },
  ];
  assert.equal(get(statedMatrix(rows, "paper").matrix, EG_REL, W), 1); // (4 − 1)/3
  assert.equal(get(statedMatrix(rows, "robust").matrix, EG_REL, W), 0);
  assert.throws(() => statedMatrix([{ country: "Narnia" as never, topic: "Religion", answers: {} }], "paper"), RangeError);
});

test("actedMatrix: positive → 0, negative → 1, several choices averaged", () => {
  const { matrix, missing } = actedMatrix(
    [
      { country: "Egypt", topic: "Religion", value: "Wealth", chosenPolarity: "positive" },
      { country: "Egypt", topic: "Religion", value: "Wealth", chosenPolarity: "negative" },
      { country: "Egypt", topic: "Religion", value: "Authority", chosenPolarity: "negative" },
      { country: "Egypt", topic: "Religion", value: "Honest", chosenPolarity: "positive" },
      { country: "Egypt", topic: "Religion", value: "Clean", chosenPolarity: null },
    ],
    "robust",
  );
  assert.equal(get(matrix, EG_REL, W), 0.5);
  assert.equal(get(matrix, EG_REL, VALUE_INDEX.Authority), 1);
  assert.equal(get(matrix, EG_REL, VALUE_INDEX.Honest), 0);
  assert.ok(Number.isNaN(get(matrix, EG_REL, VALUE_INDEX.Clean)));
  assert.equal(missing, 132 * 56 - 3);
});

test("actedMatrix: paper fills never-answered cells with 0 (agree) but still counts them", () => {
  const choices = VALUES.filter((v) => v !== "Clean").map((value) => ({
    country: "Egypt" as const,
    topic: "Religion" as const,
    value,
    chosenPolarity: "negative" as const,
  }));
  const { matrix, missing } = actedMatrix(choices, "paper");
  assert.equal(get(matrix, EG_REL, VALUE_INDEX.Clean), 0);
  assert.equal(get(matrix, EG_REL, W), 1);
  assert.equal(countMissing(matrix), 0);
  assert.equal(missing, 132 * 56 - 55);
});
