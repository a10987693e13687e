import { COUNTRIES, VALUES } from "../catalog";
import type { FigureInputs, Interval, ModelResults } from "../figures/results";
import { scoreInterval } from "../figures/results";
import { confidenceSentence } from "../results/describe";
import type { ModelResultsJson } from "../results/schema";

/**
 * One line of facts per model for the top of the report, taken as given from
 * the results (nothing recomputed except the "largest gaps" list, which is
 * the mean over countries of the group-mean distance per value, sorted
 * descending, ties in group order).
 */
export interface ModelSummary {
  model: string;
  f1: number | null;
  f1Ci: Interval | null;
  f1Inverted: number | null;
  task1Agreement: number | null;
  task2Agreement: number | null;
  statedDisagreeActedAgree: number | null;
  statedAgreeActedDisagree: number | null;
  inconsistencyTotal: number | null;
  inconsistencyShare: number | null;
  largestGaps: Array<[string, number]>;
  /** Task 2 position bias of a counterbalanced run (null otherwise). */
  positionBias: NonNullable<ModelResults["position_bias"]> | null;
  /** What share of the gaps sit on unstable stated values (results/describe.ts confidenceSentence; null without the section). */
  confidence: string | null;
}

export function modelSummaries(inputs: FigureInputs, models: readonly string[], topGaps = 5): ModelSummary[] {
  return models.map((model) => {
    const r = inputs.results?.models?.[model] ?? {};
    const inc = r.inconsistency ?? {};
    return {
      model,
      f1: num(r.f1?.overall),
      f1Ci: scoreInterval(r.f1, "overall"),
      f1Inverted: num(r.f1_inverted?.overall),
      task1Agreement: num(r.task1_agreement),
      task2Agreement: num(inputs.results?.task2_prompt_agreement?.[model]),
      statedDisagreeActedAgree: num(inc.stated_disagree_acted_agree),
      statedAgreeActedDisagree: num(inc.stated_agree_acted_disagree),
      inconsistencyTotal: num(inc.total),
      inconsistencyShare: num(inc.share),
      largestGaps: largestGaps(r.distance_group_mean?.by_country, topGaps),
      positionBias: r.position_bias ?? null,
      confidence: confidenceSentence({ confidence: r.confidence } as ModelResultsJson),
    };
  });
}

/** Values with the largest mean distance over the countries present. */
export function largestGaps(byCountry: Record<string, Record<string, number>> | undefined, k: number): Array<[string, number]> {
  if (!byCountry) return [];
  const rows = COUNTRIES.map((c) => byCountry[c]).filter(Boolean);
  const means: Array<[string, number]> = [];
  for (const v of VALUES) {
    const xs = rows.map((r) => r[v]).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
    if (xs.length > 0) means.push([v, xs.reduce((a, b) => a + b, 0) / xs.length]);
  }
  return means.sort((a, b) => b[1] - a[1]).slice(0, k);
}

function num(x: unknown): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}
