import { VALUES } from "../catalog";
import type { FigureInputs, Interval } from "../figures/results";
import { interval, scoreInterval } from "../figures/results";
import { confidenceSentence } from "../results/describe";
import type { GapClaimJson, ModelResultsJson } from "../results/schema";

/**
 * The facts per model for the top of the report, taken as given from the
 * results (results/modelResults.ts); nothing is computed here. "Largest gaps"
 * are the model's per-(country, value) gap claims with their
 * Benjamini-Hochberg q-values when the results have them, else the values
 * with the largest overall distance (`distance_group_mean.by_value`), sorted.
 */
export interface ModelSummary {
  model: string;
  results: ModelResultsJson;
  f1: number | null;
  f1Ci: Interval | null;
  f1Inverted: number | null;
  f1InvertedCi: Interval | null;
  kappa: number | null;
  kappaCi: Interval | null;
  task1Agreement: number | null;
  task1AgreementCi: Interval | null;
  task2Agreement: number | null;
  task2AgreementCi: Interval | null;
  statedDisagreeActedAgree: number | null;
  statedAgreeActedDisagree: number | null;
  inconsistencyTotal: number | null;
  inconsistencyTotalCi: Interval | null;
  inconsistencyShare: number | null;
  /** Per-cell claims (country, value) with BH q-values, largest distance first; empty without gap_claims. */
  gapClaims: GapClaimJson[];
  /** Without gap claims: values with the largest overall distance (no test behind them). */
  largestGaps: Array<[string, number]>;
  /** Task 2 position bias of a counterbalanced run (null otherwise). */
  positionBias: NonNullable<ModelResultsJson["position_bias"]> | null;
  /** What share of the gaps sit on unstable stated values (results/describe.ts confidenceSentence; null without the section). */
  confidence: string | null;
}

export function modelSummaries(inputs: FigureInputs, models: readonly string[], topGaps = 5): ModelSummary[] {
  return models.map((model) => {
    const r: ModelResultsJson = inputs.results?.models?.[model] ?? {};
    const inc = r.inconsistency;
    return {
      model,
      results: r,
      f1: num(r.f1?.overall),
      f1Ci: scoreInterval(r.f1, "overall"),
      f1Inverted: num(r.f1_inverted?.overall),
      f1InvertedCi: scoreInterval(r.f1_inverted, "overall"),
      kappa: num(r.kappa?.overall),
      kappaCi: scoreInterval(r.kappa, "overall"),
      task1Agreement: num(r.task1_agreement),
      task1AgreementCi: interval(r.task1_agreement_ci95?.ci95),
      task2Agreement: num(inputs.results?.task2_prompt_agreement?.[model]),
      task2AgreementCi: interval(inputs.results?.task2_prompt_agreement_ci95?.[model]?.ci95),
      statedDisagreeActedAgree: num(inc?.stated_disagree_acted_agree),
      statedAgreeActedDisagree: num(inc?.stated_agree_acted_disagree),
      inconsistencyTotal: num(inc?.total),
      inconsistencyTotalCi: interval(inc?.ci95?.total),
      inconsistencyShare: num(inc?.share),
      gapClaims: [...(r.gap_claims ?? [])].sort((a, b) => (b.distance ?? -Infinity) - (a.distance ?? -Infinity)).slice(0, topGaps),
      largestGaps: largestGaps(r.distance_group_mean?.by_value, topGaps),
      positionBias: r.position_bias ?? null,
      confidence: confidenceSentence(r),
    };
  });
}

/** The k values with the largest stored overall distance, descending (ties in group order). */
export function largestGaps(byValue: Partial<Record<string, number | null>> | undefined, k: number): Array<[string, number]> {
  if (!byValue) return [];
  const rows: Array<[string, number]> = [];
  for (const v of VALUES) {
    const x = byValue[v];
    if (typeof x === "number" && Number.isFinite(x)) rows.push([v, x]);
  }
  return rows.sort((a, b) => b[1] - a[1]).slice(0, k);
}

function num(x: unknown): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}
