import type { ResampleScheme } from "../analysis/interval";
import type { IntervalJson, ModelResultsJson, NullF1Json, RankStabilityJson, RefusalFactorJson, RefusalTaskJson } from "./schema";

/**
 * The sentences every consumer prints about a model's results (the demo, `vag
 * analyze`, `vag reproduce`, REPRODUCTION.md, the HTML report), so a number
 * is worded, rounded and given its interval and scheme in one place. Pure:
 * results.json entries -> text; nothing is computed here but differences
 * of two numbers already in the entry.
 */

/** How each resampling scheme draws, in words (design.md §8). */
export const SCHEME_TEXT: Record<ResampleScheme, string> = {
  crossed: "crossed bootstrap: countries and topics resampled independently",
  topics: "bootstrap over the country's topics",
  countries: "bootstrap over the topic's countries",
  items: "bootstrap over the items",
  "items-paired": "bootstrap over the items, paired across settings",
  "scenarios-paired": "paired bootstrap over the shared scenarios",
  scenarios: "bootstrap over scenarios as if independent",
};

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** "0.564" (or "n/a"). */
export function fmt(x: number | null | undefined, digits = 3): string {
  return finite(x) ? x.toFixed(digits) : "n/a";
}

/** "[0.521, 0.603]" (or "" when the interval is missing or not finite). */
export function ciText(ci: readonly [number | null, number | null] | null | undefined, digits = 3): string {
  return ci && finite(ci[0]) && finite(ci[1]) ? `[${ci[0].toFixed(digits)}, ${ci[1].toFixed(digits)}]` : "";
}

/** "(crossed bootstrap: ..., 1000 resamples, seed 1)". */
export function schemeText(scheme: ResampleScheme, resamples: number, seed: number): string {
  return `(95% CI, ${SCHEME_TEXT[scheme]}, ${resamples} resamples, seed ${seed})`;
}

/** "0.564 [0.521, 0.603]" with the interval when there is one. */
export function valueWithCi(x: number | null | undefined, ci: readonly [number | null, number | null] | null | undefined, digits = 3): string {
  const c = ciText(ci, digits);
  return c ? `${fmt(x, digits)} ${c}` : fmt(x, digits);
}

/** An IntervalJson in words: "[lo, hi] (95% CI, scheme, n resamples, seed s)". */
export function intervalText(i: IntervalJson | undefined, digits = 3): string {
  return i ? `${ciText(i.ci95, digits)} ${schemeText(i.scheme, i.resamples, i.seed)}` : "";
}

/** "p = 0.012" / "p < 0.001" for a permutation p-value with its resolution. */
export function pText(p: number | null | undefined): string {
  if (!finite(p)) return "p n/a";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/**
 * The null comparison in one sentence (issue 10 item 6): how far the observed
 * F1 exceeds the within-value permutation null (each value's base rate of
 * opposing actions kept, the scenario pairing broken).
 */
export function nullSentence(observed: number | null | undefined, nul: NullF1Json | undefined, what = "alignment (F1)"): string | null {
  if (!nul || !finite(observed)) return null;
  const x = observed - (nul.mean ?? NaN);
  const verb = x >= 0 ? "exceeds" : "falls short of";
  return (
    `${what} ${fmt(observed)} ${verb} what value base rates alone give by ${fmt(Math.abs(x))} ` +
    `(within-value permutation null F1 ${fmt(nul.mean)} ± ${fmt(nul.sd)}, ${pText(nul.p)}, ${nul.permutations} permutations)`
  );
}

/** "Benevolence 0.91, Honest 0.74, ..." : each of the observed top 5 with its probability to stay in the top 5. */
export function top5Text(s: RankStabilityJson | undefined): string | null {
  if (!s || s.top5.length === 0) return null;
  const items = s.top5.map((t) => {
    const ci = s.rank_ci95[t.value];
    return `${t.rank}. ${t.value} (P(top 5) ${fmt(t.p_top5, 2)}${ci ? `, rank ${ci[0]}-${ci[1]}` : ""})`;
  });
  return `${items.join("; ")}; the first stays first in ${fmt((s.p_top1_stays ?? NaN) * 100, 0)}% of resamples`;
}

/** Undecided pairs in words: "12 undecided pairs (3.6% of 336 answered cells; not counted as gaps)". */
export function undecidedText(r: ModelResultsJson): string | null {
  const u = r.undecided;
  if (!u) return null;
  const lo = u.ci95?.ci95[0];
  const hi = u.ci95?.ci95[1];
  const ci = finite(lo) && finite(hi) ? ` [${(lo * 100).toFixed(1)}%, ${(hi * 100).toFixed(1)}%]` : "";
  return (
    `${u.count} undecided Task 2 pair${u.count === 1 ? "" : "s"} (the two option orders picked different actions: ` +
    `${fmt((u.share ?? NaN) * 100, 1)}%${ci} of ${u.cells} answered cells), left out of F1, kappa and inconsistency and not counted as gaps`
  );
}

/**
 * One line per model (what `vag analyze`, `vag reproduce` and the demo print):
 * F1 with its crossed interval, kappa, the null, inconsistency, undecided pairs.
 */
export function modelLine(model: string, r: ModelResultsJson): string {
  const parts: string[] = [];
  if (finite(r.task1_agreement)) parts.push(`Task 1 prompt agreement ${valueWithCi(r.task1_agreement, r.task1_agreement_ci95?.ci95)}`);
  if (r.f1) parts.push(`F1 ${valueWithCi(r.f1.overall, r.f1.ci95?.overall)}${r.f1.ci95 ? ` (${r.f1.ci95.scheme.overall})` : ""}`);
  if (r.kappa) parts.push(`kappa ${valueWithCi(r.kappa.overall, r.kappa.ci95?.overall)}`);
  if (r.null_f1) parts.push(`null F1 ${fmt(r.null_f1.mean)} ± ${fmt(r.null_f1.sd)} (${pText(r.null_f1.p)})`);
  if (r.inconsistency) parts.push(`inconsistent ${r.inconsistency.total}${r.inconsistency.ci95 ? ` ${ciText(r.inconsistency.ci95.total, 0)}` : ""}`);
  if (r.undecided && !(r.protocol === "paper" && r.undecided.count === 0)) parts.push(`undecided pairs ${r.undecided.count}`);
  return `${model}${r.simulated ? " [SIMULATED]" : ""}: ${parts.join(", ") || "no measures (no Task 1 records)"}`;
}

const pct = (x: number | null | undefined, digits = 1) => (finite(x) ? `${(x * 100).toFixed(digits)}%` : "n/a");
const pctCi = (ci: readonly [number | null, number | null] | undefined) =>
  ci && finite(ci[0]) && finite(ci[1]) ? ` [${(ci[0] * 100).toFixed(1)}, ${(ci[1] * 100).toFixed(1)}]` : "";

/**
 * The confidence section in one sentence (issue 12 item 3): what share of the
 * model's gaps sit on unstable stated values (Task 1 cells whose prompt
 * variants disagree), and how much more often such cells show a gap.
 */
export function confidenceSentence(r: ModelResultsJson): string | null {
  const c = r.confidence;
  if (!c) return null;
  const un = `${pct(c.unanimousShare)}${pctCi(c.ci95.unanimousShare)} of Task 1 cells are unanimous across prompt variants`;
  if (!finite(c.shareOfGapsInLowConfidence)) return `${un}; no gaps to place (no Task 2 choices)`;
  const ratio = finite(c.gapRateUnanimous) && finite(c.gapRateNotUnanimous) && c.gapRateUnanimous > 0 ? ` (${(c.gapRateNotUnanimous / c.gapRateUnanimous).toFixed(1)}×)` : "";
  const source = c.source === "misaligned-examples" ? " (gaps from the published misaligned examples, which drop ≈8%: lower bounds)" : "";
  const f1 = c.f1Confident ? `; F1 on unanimous cells ${valueWithCi(c.f1Confident.value, c.f1Confident.ci95)}` : "";
  return (
    `${un}; gap rate ${pct(c.gapRateUnanimous)}${pctCi(c.ci95.gapRateUnanimous)} on unanimous vs ${pct(c.gapRateNotUnanimous)}${pctCi(c.ci95.gapRateNotUnanimous)} on unstable cells${ratio}; ` +
    `${pct(c.shareOfGapsInLowConfidence)}${pctCi(c.ci95.shareOfGapsInLowConfidence)} of the ${c.counts.gapsUnanimous + c.counts.gapsNotUnanimous} gaps sit on unstable stated values${source}${f1} ` +
    `${schemeText(c.ci95.scheme, c.ci95.resamples, c.ci95.seed)}`
  );
}

/** UQ performance in one sentence (simulated runs): AUROC and misclassified recall at 10% per signal and for the ensembles. */
export function uqSentence(r: ModelResultsJson): string | null {
  const u = r.uq;
  if (!u) return null;
  const one = (name: string, s: { auroc: number | null; misclassifiedRecall: Record<string, number | null>; wrong: number; n: number }) =>
    `${name} AUROC ${fmt(s.auroc)}, recall@10% ${fmt(s.misclassifiedRecall["10"])}`;
  const parts = Object.entries(u.signals).map(([k, s]) => one(k, s));
  return (
    `[SIMULATED] UQ against the latent truth (${u.ensemble.wrong} wrong of ${u.ensemble.n} answers): ${parts.join("; ")}; ` +
    `${one("rank-mean ensemble", u.ensemble)}; ${one("logistic ensemble (out of fold)", u.ensembleLogistic)}`
  );
}

/** How the refusal blocks name their tasks. */
export const REFUSAL_TASK_LABEL = { generate: "generation", task1: "Task 1", task2: "Task 2" } as const;

/** "5 refusals of 872 answered (0.57%), 3 other unparseable (no JSON object 3)". */
export function refusalCountText(t: RefusalTaskJson): string {
  const reasons = Object.entries(t.unparseable_reasons).map(([k, n]) => `${k} ${n}`);
  return (
    `${t.refusals} refusal${t.refusals === 1 ? "" : "s"} of ${t.answered} answered (${pct(t.refusal_rate, 2)}), ` +
    `${t.unparseable} other unparseable${reasons.length ? ` (${reasons.join(", ")})` : ""}`
  );
}

/** "exact p = 0.060" / "Monte Carlo p < 0.001 (10000 draws)" / null when not tested. */
export function refusalTestText(f: RefusalFactorJson): string | null {
  if (f.method === null || !finite(f.p)) return null;
  return f.method === "exact" ? `exact ${pText(f.p)}` : `Monte Carlo ${pText(f.p)}, ${f.iterations} draws`;
}

/**
 * Where a task's refusals sit along one factor: "United States 2 of 53, Canada 2 of 88 (exact p = 0.060)";
 * "too few to test" below `minTested` refusals; null without refusals.
 */
export function refusalFactorText(f: RefusalFactorJson, minTested: number, maxLevels = 5): string | null {
  if (f.clustered.length === 0) return null;
  const shown = f.clustered.slice(0, maxLevels).map((l) => `${l.level} ${l.refusals} of ${l.answered}`);
  const more = f.clustered.length > maxLevels ? `, ${f.clustered.length - maxLevels} more` : "";
  const total = f.clustered.reduce((a, l) => a + l.refusals, 0);
  const test = total < minTested ? "too few to test" : (refusalTestText(f) ?? "not tested");
  return `${shown.join(", ")}${more} (${test})`;
}

/**
 * One line per model (what `vag reproduce` prints): refusals and other
 * unparseable answers per task, and the cluster tests where made.
 */
export function refusalLine(model: string, r: ModelResultsJson): string | null {
  const x = r.refusals;
  if (!x) return null;
  const parts: string[] = [];
  for (const task of ["generate", "task1", "task2"] as const) {
    const t = x[task];
    if (!t) continue;
    const tests: string[] = [];
    for (const k of ["country", "topic", "value", "polarity"] as const) {
      const f = t[`by_${k}`];
      if (f && f.method !== null && finite(f.p)) tests.push(`${k} ${pText(f.p)}`);
    }
    const note = t.refusals === 0 ? "" : t.refusals < x.min_refusals_tested ? "; too few to test where they cluster" : tests.length ? `; spread test by ${tests.join(", ")}` : "";
    parts.push(`${REFUSAL_TASK_LABEL[task]}: ${refusalCountText(t)}${note}`);
  }
  return `${model}${r.simulated ? " [SIMULATED]" : ""} refusals: ${parts.join(" | ") || "no answers"}`;
}
