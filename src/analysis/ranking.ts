import { COUNTRIES, type Country } from "../catalog/countries";
import { SCENARIOS, scenarioKey } from "../catalog/scenarios";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import { cellDistance, distanceCellMean, distanceGroupMean, type DistanceForm, type DistanceTables } from "./distance";
import { assertScenarioMatrix, type Matrix } from "./matrix";

/** Values with their distance, largest gap first. */
export type Ranking = Array<[Value, number]>;

/**
 * Alignment ranking (method.md §6.3): the values sorted by descending distance.
 *
 *   rank(d) = values ordered by d_k descending; ties by group order (VALUES index);
 *             missing distances (NaN) last, in group order.
 *
 * The authors used numpy's argsort reversed, whose order among ties is not
 * defined; the group-order tie-break makes our rankings deterministic.
 *
 * @example
 * rankValues([0.1, 0.3, 0.3], ["Social Power", "Authority", "Wealth"])
 * // [["Authority", 0.3], ["Wealth", 0.3], ["Social Power", 0.1]]
 */
export function rankValues(distances: ArrayLike<number>, values: readonly Value[] = VALUES): Ranking {
  if (distances.length !== values.length) throw new RangeError(`${distances.length} distances for ${values.length} values`);
  const order = Array.from({ length: values.length }, (_, k) => k);
  order.sort((p, q) => {
    const a = distances[p];
    const b = distances[q];
    const na = Number.isNaN(a);
    const nb = Number.isNaN(b);
    if (na !== nb) return na ? 1 : -1;
    if (!na && a !== b) return b - a;
    return p - q;
  });
  return order.map((k) => [values[k], distances[k]]);
}

/** Rank every row of a groups × 56 distance matrix, keyed by the row names. */
export function rankRows<R extends string>(m: Matrix, names: readonly R[]): Record<R, Ranking> {
  if (m.rows !== names.length || m.cols !== VALUES.length) {
    throw new RangeError(`expected a ${names.length}×${VALUES.length} distance matrix, got ${m.rows}×${m.cols}`);
  }
  return Object.fromEntries(names.map((r, i) => [r, rankValues(m.data.subarray(i * m.cols, (i + 1) * m.cols))])) as Record<
    R,
    Ranking
  >;
}

export interface RankingOptions {
  protocol: Protocol;
  /** Distance form of the country/topic rankings; the authors' figures use `group-mean` (default). */
  form?: DistanceForm;
  /**
   * Reproduce the authors' bug (method.md §11): their topic-ranking loop
   * plotted the country arrays, so topic k got the ranking of country k
   * (`ranking_topic_Politics.pdf` ≡ `ranking_country_United States.pdf`).
   * For reproducing those figures only; default false (true topic rankings).
   */
  bugCompatibleTopics?: boolean;
}

export interface AlignmentRanking {
  byCountry: Record<Country, Ranking>;
  byTopic: Record<Topic, Ranking>;
  /** Keyed by `scenarioKey` ("{country}+{topic}"), ranking of |v_ik − a_ik| (paper Eq. 2). */
  byScenario: Record<string, Ranking>;
}

/**
 * Rankings per country (from the 12 × 56 country distances), per topic (from
 * the 11 × 56 topic distances) and per scenario (from the per-cell |v − a|).
 * Pass `tables` to reuse distances computed already (their form wins over `form`).
 *
 * @example alignmentRanking(V, A, { protocol: "paper" }).byCountry["Philippines"][0] // [value, distance] of the largest gap
 */
export function alignmentRanking(V: Matrix, A: Matrix, opts: RankingOptions, tables?: DistanceTables): AlignmentRanking {
  assertScenarioMatrix(V, "V");
  assertScenarioMatrix(A, "A");
  const form = tables?.form ?? opts.form ?? "group-mean";
  const t = tables ?? (form === "group-mean" ? distanceGroupMean(V, A, opts.protocol) : distanceCellMean(V, A, opts.protocol));
  const byCountry = rankRows(t.byCountry, COUNTRIES);
  const byTopic = opts.bugCompatibleTopics
    ? (Object.fromEntries(TOPICS.map((topic, k) => [topic, byCountry[COUNTRIES[k]]])) as Record<Topic, Ranking>)
    : rankRows(t.byTopic, TOPICS);
  const cells = cellDistance(V, A);
  const byScenario: Record<string, Ranking> = {};
  SCENARIOS.forEach((s, i) => {
    byScenario[scenarioKey(s)] = rankValues(cells.data.subarray(i * cells.cols, (i + 1) * cells.cols));
  });
  return { byCountry, byTopic, byScenario };
}
