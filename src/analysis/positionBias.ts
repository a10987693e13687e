import type { OptionOrder } from "../runs/records";

/** One Task 2 answer with where its options stood. */
export interface PositionedChoice {
  /** Identifies the pair (country, topic, value) and the replicate, e.g. "Egypt+Religion+Wealth#0". */
  pair: string;
  optionOrder: OptionOrder;
  choice: 1 | 2 | null;
}

export interface PositionBias {
  /** Share of usable answers that picked Option 1 (0.5 = no preference for a position). */
  option1Share: number;
  /** Usable answers counted in option1Share. */
  answers: number;
  /**
   * Among pairs answered in BOTH orders: the share whose chosen action (by
   * polarity) is the same in both orders. 1 = position never changes the
   * choice; a model that always picks Option 1 scores 0.
   */
  orderConsistency: number;
  /** Pairs answered in both orders. */
  pairs: number;
}

/**
 * Position bias of Task 2 under counterbalanced option order (the robust
 * protocol asks each pair twice, the actions swapped; the paper protocol
 * always shows the negative action first, so it cannot measure this,
 * method.md §12 item 1):
 *
 *   option1Share     = #(choice = 1) / #(usable choices)
 *   orderConsistency = #(pairs choosing the same polarity in both orders) / #(pairs with both orders usable)
 *
 * where the chosen polarity is negative iff (choice = 1) = (order = negative-first).
 *
 * @example
 * // a pair answered "1" in both orders picked different actions: inconsistent, option1Share 1
 * positionBias([{pair: "p", optionOrder: "negative-first", choice: 1}, {pair: "p", optionOrder: "positive-first", choice: 1}])
 * // { option1Share: 1, answers: 2, orderConsistency: 0, pairs: 1 }
 */
export function positionBias(choices: readonly PositionedChoice[]): PositionBias {
  let ones = 0;
  let answers = 0;
  const byPair = new Map<string, Partial<Record<OptionOrder, boolean>>>();
  for (const c of choices) {
    if (c.choice === null) continue;
    answers++;
    if (c.choice === 1) ones++;
    const negative = (c.choice === 1) === (c.optionOrder === "negative-first");
    const p = byPair.get(c.pair) ?? {};
    p[c.optionOrder] = negative;
    byPair.set(c.pair, p);
  }
  let pairs = 0;
  let same = 0;
  for (const p of byPair.values()) {
    if (p["negative-first"] === undefined || p["positive-first"] === undefined) continue;
    pairs++;
    if (p["negative-first"] === p["positive-first"]) same++;
  }
  return {
    option1Share: answers === 0 ? NaN : ones / answers,
    answers,
    orderConsistency: pairs === 0 ? NaN : same / pairs,
    pairs,
  };
}
