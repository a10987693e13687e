import { SCENARIOS } from "../catalog/scenarios";
import { VALUES, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import { parseTask2 } from "../parse/task2";
import type { OptionOrder } from "../runs/records";
import { aggregateMean } from "./aggregate";

/**
 * Prompt agreement (paper Table 8, method.md §6.5): how stable a model's
 * answers are across the 8 prompt variants.
 */

/** Task 1 answers of one prompt row; `null` = the row did not parse (the authors dropped it). */
export type PromptAnswers = Partial<Record<Value, number | null>> | null;

/**
 * A Task 1 answer as agree (0) / disagree (1): 1, 2 → 0 and 3, 4 → 1; missing → NaN.
 * Any other finite number (the authors' first-character parser can yield
 * other digits) follows the same cut as V: x < 2.5 → 0, else 1.
 *
 * @example binaryAnswer(2) // 0;  binaryAnswer(3) // 1;  binaryAnswer(null) // NaN
 */
export function binaryAnswer(x: number | null | undefined): number {
  if (x === null || x === undefined || !Number.isFinite(x)) return NaN;
  return x < 2.5 ? 0 : 1;
}

/**
 * Share of a column's entries equal to its mode, with pandas semantics:
 *
 *   m = smallest most frequent value among the present (non-NaN) entries
 *   share = #{r : x_r = m} / R        (R = all entries, present or not)
 *
 * pandas' `mode()` drops NaN and lists ties ascending (the authors take the
 * first); `x == m` is False for NaN, so a missing answer counts against
 * agreement and the denominator is the number of prompt rows. An all-missing
 * column has mode NaN and share 0. `skipMissing` (robust) instead takes the
 * share among present entries only (NaN for an all-missing column).
 *
 * @example
 * modeShare([0, 0, 1, NaN])       // mode 0: 2/4 = 0.5
 * modeShare([0, 1, 1, 0])         // tie → mode 0: 2/4 = 0.5
 * modeShare([0, 0, 1, NaN], true) // 2/3
 */
export function modeShare(column: ArrayLike<number>, skipMissing = false): number {
  const counts = new Map<number, number>();
  let present = 0;
  for (let r = 0; r < column.length; r++) {
    const x = column[r];
    if (Number.isNaN(x)) continue;
    counts.set(x, (counts.get(x) ?? 0) + 1);
    present++;
  }
  const denominator = skipMissing ? present : column.length;
  if (denominator === 0) return NaN;
  let best = 0;
  let mode = NaN;
  for (const [x, c] of counts) {
    if (c > best || (c === best && x < mode)) {
      best = c;
      mode = x;
    }
  }
  return best / denominator;
}

export interface Task1Agreement {
  /** Mean over scenarios of the scenario's mean over values. */
  value: number;
  /** Scenarios averaged (those with at least one parsed prompt row). */
  n: number;
  /** Per scenario (input order): mean over values of the mode share; NaN when it had no parsed row. */
  perScenario: Float64Array;
}

/**
 * Task 1 prompt agreement (Table 8, first column):
 *
 *   s_ik = modeShare over the prompt rows p of scenario i of binaryAnswer(x_ikp)
 *   agreement = mean_i mean_k s_ik
 *
 * Input: per scenario, its prompt rows as parsed by the PAPER Task 1 parser
 * (src/parse), shifted columns included. Rows that failed to parse (`null`)
 * are dropped, as the authors dropped them before grouping: with them kept as
 * all-missing rows GPT-4o-mini would score 0.945 instead of the published 0.946.
 *
 * `paper` (default): a missing answer in a parsed row counts as disagreeing
 * with the mode (denominator = parsed rows). `robust`: shares are taken among
 * the answers present, and a value nobody answered is left out of the mean.
 *
 * @example
 * // one scenario, 4 prompts, Wealth answered 1, 2, 3, 1 → binary 0,0,1,0 → mode 0, share 3/4
 */
export function task1PromptAgreement(
  scenarios: ReadonlyArray<ReadonlyArray<PromptAnswers>>,
  protocol: Protocol = "paper",
): Task1Agreement {
  const skip = protocol === "robust";
  const perScenario = new Float64Array(scenarios.length);
  scenarios.forEach((rows, i) => {
    const parsed = rows.filter((r): r is NonNullable<PromptAnswers> => r !== null);
    if (parsed.length === 0) {
      perScenario[i] = NaN;
      return;
    }
    const column = new Float64Array(parsed.length);
    const shares = new Float64Array(VALUES.length);
    VALUES.forEach((v, k) => {
      parsed.forEach((r, p) => (column[p] = binaryAnswer(r[v])));
      shares[k] = modeShare(column, skip);
    });
    perScenario[i] = aggregateMean(shares).value;
  });
  const { value, n } = aggregateMean(perScenario);
  return { value, n, perScenario };
}

/**
 * task1PromptAgreement of prompt rows as a run or an import holds them: the
 * rows grouped by scenario, over all 132 in SCENARIOS order (a scenario
 * without rows scores NaN and is left out), so `perScenario` lines up with
 * the matrix rows and the agreement gets its crossed interval.
 *
 * @example task1AgreementOfRows(records.map((r) => ({ country: r.country, topic: r.topic, answers: r.answers })), "robust").value
 */
export function task1AgreementOfRows(
  rows: ReadonlyArray<{ country: string; topic: string; answers: PromptAnswers }>,
  protocol: Protocol = "paper",
): Task1Agreement {
  const byScenario = new Map<string, PromptAnswers[]>();
  for (const r of rows) {
    const key = `${r.country}+${r.topic}`;
    const list = byScenario.get(key);
    if (list) list.push(r.answers);
    else byScenario.set(key, [r.answers]);
  }
  return task1PromptAgreement(
    SCENARIOS.map((s) => byScenario.get(`${s.country}+${s.topic}`) ?? []),
    protocol,
  );
}

/** Option order of Task 2 variant 0..7: bit 1 set (2, 3, 6, 7) = options swapped = positive first. */
export function optionOrderOfVariant(variant: number): OptionOrder {
  if (!Number.isInteger(variant) || variant < 0 || variant > 7) throw new RangeError(`Task 2 variant must be 0..7, got ${variant}`);
  return (variant & 2) === 0 ? "negative-first" : "positive-first";
}

/**
 * The authors' Task 2 detector (eval_agreement_task2 notebook, method.md
 * §6.5, §12 item 17), on the whole evaluation string:
 *
 *   choice = 1     if it contains the character "1" anywhere,
 *            2     else if it contains "2",
 *            null  else (the notebook could not read it)
 *
 * Fragile by design (an explanation mentioning "Option 1" reads as 1); kept
 * to reproduce Table 8. The null case is what makes the notebook print
 * 0.8925 for Claude: two of its 400 answers ("I cannot select an option as I
 * am an AI ...") contain neither digit, and the notebook counts them as not
 * positive out of 8 ({@link paperTask2Agreement}); reading them as "2"
 * (our former rule) gave 0.8950. No other published file has such an answer.
 *
 * @example
 * paperChoice("{'action': 'Option 2'}")              // 2
 * paperChoice("{'action': 'I cannot select an option'}") // null
 */
export function paperChoice(evaluation: string): 1 | 2 | null {
  if (evaluation.includes("1")) return 1;
  if (evaluation.includes("2")) return 2;
  return null;
}

/**
 * {@link paperChoice} mapped through the variant's option order: Option 1 is
 * the negative action except in the swapped-order variants 2, 3, 6, 7; null
 * when the notebook could not read the answer.
 *
 * @example
 * paperPositiveChoice("{'action': 'Option 2'}", 5) // true  (negative first, chose 2)
 * paperPositiveChoice("{'action': 'Option 1'}", 2) // true  (positive first, chose 1)
 */
export function paperPositiveChoice(evaluation: string, variant: number): boolean | null {
  return positiveFromChoice(paperChoice(evaluation), optionOrderOfVariant(variant));
}

/**
 * Whether a parsed Task 2 choice picked the positive action; null when there is no choice.
 * @example positiveFromChoice(2, "negative-first") // true
 */
export function positiveFromChoice(choice: 1 | 2 | null, optionOrder: OptionOrder): boolean | null {
  if (choice === null) return null;
  return optionOrder === "negative-first" ? choice === 2 : choice === 1;
}

/**
 * The robust counterpart of {@link paperPositiveChoice}: parse the answer
 * with the robust Task 2 parser (src/parse/task2.ts: the `action` field
 * decides, never a number inside an explanation) and map the option through
 * the variant's order; null when no choice can be read.
 *
 * @example robustPositiveChoice("{'explanation': 'Unlike Option 1, ...', 'action': 'Option 2'}", 1) // true
 */
export function robustPositiveChoice(evaluation: string, variant: number): boolean | null {
  const r = parseTask2(evaluation, "robust");
  return r.ok ? positiveFromChoice(r.value.choice, optionOrderOfVariant(variant)) : null;
}

export interface Task2Agreement {
  /** Mean over pairs of the positive-choice share. */
  value: number;
  /** Pairs averaged. */
  n: number;
  perPair: Float64Array;
}

/**
 * Task 2 "prompt agreement" (Table 8, second column) — really a
 * positive-choice rate (method.md §12 item 17):
 *
 *   r_j = #{variants choosing the positive action} / d_j   for pair j
 *   rate = mean_j r_j
 *
 * `null` entries (no usable choice): with `unreadable: "drop"` (robust,
 * default) d_j counts only the usable variants and a pair with none left is
 * left out of the mean; with `"not-positive"` (the authors' notebook) d_j is
 * every variant asked, so an unreadable answer counts as not positive.
 *
 * @example
 * task2PositiveRate([[true, true, false, true], [true, true, true, true]]).value // (0.75 + 1)/2 = 0.875
 * task2PositiveRate([[true, null]], "not-positive").value                        // 0.5
 */
export function task2PositiveRate(pairs: ReadonlyArray<ReadonlyArray<boolean | null>>, unreadable: "drop" | "not-positive" = "drop"): Task2Agreement {
  const perPair = Float64Array.from(pairs, (choices) => {
    let yes = 0;
    let n = 0;
    for (const c of choices) {
      if (c === null && unreadable === "drop") continue;
      n++;
      if (c) yes++;
    }
    return n === 0 ? NaN : yes / n;
  });
  const { value, n } = aggregateMean(perPair);
  return { value, n, perPair };
}

/**
 * Table 8 Task 2 column from the published evaluation strings, exactly as the
 * authors' notebook: each pair's `evaluations[v]` is the answer to variant v
 * (0..7), read by {@link paperPositiveChoice}; an unreadable answer counts as
 * not positive out of the 8.
 * @example paperTask2Agreement([{ evaluations: ["{'action': 'Option 2'}", ...] }])
 */
export function paperTask2Agreement(pairs: ReadonlyArray<{ evaluations: readonly string[] }>): Task2Agreement {
  return task2PositiveRate(
    pairs.map((p) => p.evaluations.map((e, v) => paperPositiveChoice(e, v))),
    "not-positive",
  );
}

/** The same rate with {@link robustPositiveChoice}: unreadable answers are left out, not guessed. */
export function robustTask2Agreement(pairs: ReadonlyArray<{ evaluations: readonly string[] }>): Task2Agreement {
  return task2PositiveRate(pairs.map((p) => p.evaluations.map((e, v) => robustPositiveChoice(e, v))));
}
