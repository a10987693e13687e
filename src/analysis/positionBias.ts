import type { OptionOrder } from "../runs/records";

/** One Task 2 answer with where its options stood. */
export interface PositionedChoice {
  /** Identifies the pair (country, topic, value) and the replicate, e.g. "Egypt+Religion+Wealth#0". */
  pair: string;
  optionOrder: OptionOrder;
  choice: 1 | 2 | null;
  /** Scenario row (0..131, SCENARIOS order), needed only for {@link positionBiasByRow}. */
  row?: number;
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
  const t = positionBiasByRow(choices.map((c) => ({ ...c, row: 0 })), 1);
  const ones = t.ones[0];
  const answers = t.answers[0];
  const pairs = t.pairs[0];
  const same = t.sameChoice[0];
  return {
    option1Share: answers === 0 ? NaN : ones / answers,
    answers,
    orderConsistency: pairs === 0 ? NaN : same / pairs,
    pairs,
  };
}

/** The counts behind {@link positionBias} per scenario row, for resampling (analysis/crossedBootstrap.ts). */
export interface PositionBiasTerms {
  /** Usable answers choosing Option 1. */
  ones: Float64Array;
  answers: Float64Array;
  /** Pairs answered in both orders, and those choosing the same action in both. */
  pairs: Float64Array;
  sameChoice: Float64Array;
}

/**
 * Per-row counts of {@link positionBias}: option1Share = Σ ones / Σ answers and
 * orderConsistency = Σ sameChoice / Σ pairs over any set of rows. A pair
 * belongs to the row of its choices (`row` must be set).
 */
export function positionBiasByRow(choices: readonly PositionedChoice[], rows: number): PositionBiasTerms {
  const out: PositionBiasTerms = {
    ones: new Float64Array(rows),
    answers: new Float64Array(rows),
    pairs: new Float64Array(rows),
    sameChoice: new Float64Array(rows),
  };
  const byPair = new Map<string, { row: number } & Partial<Record<OptionOrder, boolean>>>();
  for (const c of choices) {
    if (c.choice === null) continue;
    const row = c.row;
    if (row === undefined || !Number.isInteger(row) || row < 0 || row >= rows) throw new RangeError(`choice of pair ${c.pair} has no row in 0..${rows - 1}`);
    out.answers[row]++;
    if (c.choice === 1) out.ones[row]++;
    const negative = (c.choice === 1) === (c.optionOrder === "negative-first");
    const p = byPair.get(c.pair) ?? { row };
    p[c.optionOrder] = negative;
    byPair.set(c.pair, p);
  }
  for (const p of byPair.values()) {
    if (p["negative-first"] === undefined || p["positive-first"] === undefined) continue;
    out.pairs[p.row]++;
    if (p["negative-first"] === p["positive-first"]) out.sameChoice[p.row]++;
  }
  return out;
}
