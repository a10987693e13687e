import { ciText, fmt, nullSentence, schemeText, top5Text, undecidedText, valueWithCi } from "../results/describe";
import type { ModelSummary } from "./summary";

/**
 * The facts listed under a model's heading in the report, as plain text (the
 * page escapes them): every aggregate with its interval and how it was
 * resampled, the null comparison, kappa, undecided pairs, ranking stability,
 * position bias and the largest gaps. Worded by results/describe.ts, as in
 * REPRODUCTION.md and the demo.
 */
export function modelFacts(s: ModelSummary): string[] {
  const r = s.results;
  const out: Array<string | null> = [];
  if (r.f1) {
    const ci = r.f1.ci95;
    out.push(`F1 (positive = disagree) ${valueWithCi(s.f1, s.f1Ci)}${ci ? ` ${schemeText(ci.scheme.overall, ci.resamples, ci.seed)}` : ""}`);
  }
  if (r.f1_inverted) out.push(`F1 (positive = agree) ${valueWithCi(s.f1Inverted, s.f1InvertedCi)}`);
  if (r.kappa) out.push(`Cohen's kappa ${valueWithCi(s.kappa, s.kappaCi)} (chance-corrected agreement of stated and acted)`);
  out.push(nullSentence(r.f1?.overall, r.null_f1));
  out.push(nullSentence(r.f1_inverted?.overall, r.null_f1_inverted, "alignment (F1, positive = agree)"));
  if (s.inconsistencyTotal !== null)
    out.push(
      `${s.inconsistencyTotal}${s.inconsistencyTotalCi ? ` ${ciText(s.inconsistencyTotalCi, 0)}` : ""} inconsistent cells${s.inconsistencyShare !== null ? ` (${fmt(s.inconsistencyShare * 100, 1)}%)` : ""}: ` +
        `${s.statedDisagreeActedAgree ?? "?"} stated disagree, acted agree; ${s.statedAgreeActedDisagree ?? "?"} stated agree, acted disagree`,
    );
  out.push(undecidedText(r));
  const pb = s.positionBias;
  if (pb)
    out.push(
      `Task 2 position: Option 1 chosen in ${fmt((pb.option1_share ?? NaN) * 100, 1)}% of ${pb.answers} answers; the same action in both option orders for ${fmt((pb.order_consistency ?? NaN) * 100, 1)}% of ${pb.pairs} pairs`,
    );
  out.push(s.confidence ? `Confidence: ${s.confidence}` : null);
  const stab = r.ranking_stability;
  const overall = top5Text(stab?.overall);
  if (overall) out.push(`top 5 of the overall ranking (largest gap first, ${stab!.resamples} resamples): ${overall}`);
  if (s.gapClaims.length > 0)
    out.push(
      `largest gaps (country x value, Benjamini-Hochberg over all cells): ${s.gapClaims.map((g) => `${g.value} in ${g.country} ${fmt(g.distance, 2)} (p ${fmt(g.p, 3)}, q ${fmt(g.q, 3)})`).join("; ")}`,
    );
  else if (s.largestGaps.length > 0) out.push(`largest gaps (overall distance per value, untested): ${s.largestGaps.map(([v, d]) => `${v} (${d.toFixed(2)})`).join(", ")}`);
  return out.filter((x): x is string => x !== null);
}
