import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import { alignmentRate, type AlignmentRate, type RateAggregates, type RateMetric } from "../analysis/alignmentRate";
import {
  crossedMeanIntervals,
  crossedRatioIntervals,
  crossedStatistic,
  crossedWeights,
  type CrossedIntervals,
  type CrossedWeights,
} from "../analysis/crossedBootstrap";
import { distanceCellMean, distanceGroupMean, hasNoMissing, weightedValueDistance, type DistanceForm, type DistanceTables } from "../analysis/distance";
import { inconsistency, inconsistencyByRow } from "../analysis/inconsistency";
import type { Interval95 } from "../analysis/interval";
import { assertScenarioMatrix, SCENARIO_ROWS, type Matrix } from "../analysis/matrix";
import { alignmentRanking, rankValues, type Ranking } from "../analysis/ranking";
import { undecidedCells } from "../analysis/undecided";
import { gapClaims } from "../analysis/gapClaims";
import { withinValueNull, type NullF1 } from "../analysis/nullModel";
import { positionBias, positionBiasByRow, type PositionedChoice } from "../analysis/positionBias";
import type { Task1Agreement } from "../analysis/promptAgreement";
import { sensitivity, type SensitivityInput, type SensitivityTable } from "../analysis/sensitivity";
import { rankingStability, type RankingStability, type RankStability } from "../analysis/rankStability";
import type {
  DistanceJson,
  InconsistencyJson,
  ModelResultsJson,
  NullF1Json,
  PositionBiasJson,
  RankingStabilityJson,
  RankStabilityJson,
  SensitivityJson,
  RankingJson,
  ScoresCiJson,
  ScoresJson,
  UndecidedJson,
  UqJsonOut,
} from "./schema";
import { confidenceJson, type ConfidenceInput } from "./confidence";
import { refusalsJson, type RefusalRecord } from "./refusals";

/**
 * One model's entry of results.json (issue 10 item 1): every measure of
 * src/analysis on the study matrices, each aggregate with its interval
 * (design.md §8: overall crossed, per country over topics, per topic over
 * countries), all from one crossed weight table (`seed`, `resamples`), so
 * every interval of the entry shares its resamples.
 *
 * `stated` is V and `acted` is A (132 × 56, analysis/stated.ts, acted.ts);
 * without A only what Task 1 supports is filled in, without V only what
 * Task 2 alone supports (position bias).
 */
export interface ModelResultsOptions {
  /** Seed of the resampling; default 20250118 (the reproduction's seed). */
  seed?: number;
  /** Bootstrap resamples; default 1000. */
  resamples?: number;
  /** Within-value null permutations (analysis/nullModel.ts); default 1000. */
  permutations?: number;
  /**
   * Task 1 prompt agreement (analysis/promptAgreement.ts task1PromptAgreement);
   * with its 132 per-scenario shares in SCENARIOS order it gets a crossed interval.
   */
  task1Agreement?: Task1Agreement;
  /** Task 2 answers with their option order and scenario row, for position bias (counterbalanced runs). */
  positioned?: readonly PositionedChoice[];
  /** The raw answers, for the sensitivity table (analysis/sensitivity.ts); without them no `sensitivity` key. */
  sensitivity?: SensitivityInput;
  /** How many of the largest (country × value) gaps to keep with their BH q-values; default 20, 0 = none. */
  gapClaims?: number;
  simulated?: boolean;
  /** Confidence signals of the run (issue 12): the `confidence` section. */
  confidence?: ConfidenceInput;
  /** UQ performance against a known truth (simulated runs: runResults.ts simulatedUq on analysis/uq.ts): the `uq` section. */
  uq?: UqJsonOut;
  /** `--min-confidence` was applied to V and A before this call: recorded as `min_confidence`. */
  minConfidence?: { threshold: number; kept: number; cells: number };
  /**
   * The model's records per task, for the `refusals` section (results/refusals.ts):
   * refusals and other unparseable answers of the answered records, and where the
   * refusals cluster. `classifiedBy` says whose parse status the records carry.
   */
  refusals?: {
    generate?: readonly RefusalRecord[];
    task1?: readonly RefusalRecord[];
    task2?: readonly RefusalRecord[];
    classifiedBy?: Partial<Record<"generate" | "task1" | "task2", "record" | "robust">>;
  };
}

export const DEFAULT_RESULTS_SEED = 20250118;
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_PERMUTATIONS = 1000;

/**
 * @example
 * const entry = modelResults(V, A, "paper", { seed: 1 });
 * entry.f1!.overall; entry.f1!.ci95!.overall; entry.f1!.ci95!.scheme.overall // "crossed"
 */
export function modelResults(stated: Matrix | null, acted: Matrix | null, protocol: Protocol, options: ModelResultsOptions = {}): ModelResultsJson {
  if (stated) assertScenarioMatrix(stated, "V");
  const out: ModelResultsJson = { protocol };
  if (options.simulated !== undefined) out.simulated = options.simulated;
  const w = crossedWeights({ seed: options.seed ?? DEFAULT_RESULTS_SEED, resamples: options.resamples ?? DEFAULT_RESAMPLES });
  const agreement = options.task1Agreement;
  if (agreement && agreement.n > 0) {
    out.task1_agreement = agreement.value;
    if (agreement.perScenario.length === SCENARIO_ROWS) out.task1_agreement_ci95 = crossedMeanIntervals(agreement.perScenario, w).overall;
  }
  if (options.positioned && options.positioned.length > 0) {
    const bias = positionBiasJson(options.positioned, SCENARIO_ROWS, w);
    if (bias) out.position_bias = bias;
  }
  if (acted) assertScenarioMatrix(acted, "A");
  if (options.confidence) {
    const c = confidenceJson(stated, acted, protocol, options.confidence, w);
    if (c) out.confidence = c;
  }
  if (options.uq) out.uq = options.uq;
  if (options.minConfidence) out.min_confidence = options.minConfidence;
  // Added last on either return, so the entry's other keys keep their order.
  const { classifiedBy, ...refusalTasks } = options.refusals ?? {};
  const refusals = options.refusals ? refusalsJson(refusalTasks, { seed: w.seed, classifiedBy }) : null;
  const done = () => {
    if (refusals) out.refusals = refusals;
    return out;
  };
  if (!stated || !acted) return done();
  const V = stated;
  const A = acted;

  const rate = alignmentRate(V, A, { protocol });
  const rateInv = alignmentRate(V, A, { protocol, inverted: true });
  out.f1 = scoresJson(rate, "f1", w);
  out.f1_inverted = scoresJson(rateInv, "f1", w);
  out.accuracy = scoresJson(rate, "accuracy", w);
  out.kappa = scoresJson(rate, "kappa", w);
  const nul = withinValueNull(V, A, protocol, { seed: w.seed, permutations: options.permutations ?? DEFAULT_PERMUTATIONS });
  out.null_f1 = nullJson(nul.f1);
  out.null_f1_inverted = nullJson(nul.f1Inverted);

  const group = distanceGroupMean(V, A, protocol);
  const cell = distanceCellMean(V, A, protocol);
  out.distance_group_mean = distanceJson(V, A, group, protocol, w);
  out.distance_cell_mean = distanceJson(V, A, cell, protocol, w);
  out.ranking = rankingJson(V, A, protocol, group);
  out.ranking_stability = rankingStabilityJson(rankingStability(V, A, protocol, w, "group-mean"));
  out.inconsistency = inconsistencyJson(V, A, protocol, w);
  out.undecided = undecidedJson(V, A, protocol, w);
  if (options.sensitivity) out.sensitivity = sensitivityJson(sensitivity(options.sensitivity));
  const keep = options.gapClaims ?? 20;
  if (keep > 0) out.gap_claims = gapClaims(V, A).slice(0, keep).map((g) => ({ country: g.country, value: g.value, distance: g.distance, p: g.p, q: g.q }));
  return done();
}

function sensitivityJson(t: SensitivityTable): SensitivityJson {
  return {
    baseline: t.baseline,
    rows: t.rows.map((r) => ({
      setting: r.setting,
      task1_cut: r.task1Cut,
      centred: r.centred,
      missing: r.missing,
      f1: r.f1,
      f1_inverted: r.f1Inverted,
      kappa: r.kappa,
      inconsistency: r.inconsistency,
      undecided: r.undecided,
    })),
  };
}

const nullJson = (n: NullF1): NullF1Json => ({ observed: n.observed, mean: n.mean, sd: n.sd, p: n.p, permutations: n.permutations, seed: n.seed });

function rankStabilityJson(s: RankStability): RankStabilityJson {
  return {
    scheme: s.scheme,
    rank_ci95: s.rankCi95,
    top5: s.top5.map((x) => ({ value: x.value, rank: x.rank, p_top5: x.pTop5 })),
    p_top1_stays: s.pTop1Stays,
  };
}

function rankingStabilityJson(r: RankingStability): RankingStabilityJson {
  return {
    form: r.form,
    seed: r.seed,
    resamples: r.resamples,
    overall: rankStabilityJson(r.overall),
    by_country: Object.fromEntries(COUNTRIES.map((c) => [c, rankStabilityJson(r.byCountry[c])])),
    by_topic: Object.fromEntries(TOPICS.map((t) => [t, rankStabilityJson(r.byTopic[t])])),
  };
}

/** Position bias of counterbalanced answers with crossed intervals; null when no pair was asked in both orders. */
function positionBiasJson(choices: readonly PositionedChoice[], rows: number, w: CrossedWeights): PositionBiasJson | null {
  const bias = positionBias(choices);
  if (bias.pairs === 0) return null;
  const t = positionBiasByRow(choices, rows);
  return {
    option1_share: bias.option1Share,
    order_consistency: bias.orderConsistency,
    pairs: bias.pairs,
    answers: bias.answers,
    ci95: {
      option1_share: crossedRatioIntervals(t.ones, t.answers, w).overall.ci95,
      order_consistency: crossedRatioIntervals(t.sameChoice, t.pairs, w).overall.ci95,
      scheme: "crossed",
      seed: w.seed,
      resamples: w.resamples,
    },
  };
}

const ciPair = (i: Interval95): [number, number] => i.ci95;

function ciJson(ci: CrossedIntervals, w: CrossedWeights, keepCountry: (c: Country) => boolean, keepTopic: (t: Topic) => boolean): ScoresCiJson {
  return {
    overall: ciPair(ci.overall),
    by_country: Object.fromEntries(COUNTRIES.filter(keepCountry).map((c) => [c, ciPair(ci.byCountry[c])])),
    by_topic: Object.fromEntries(TOPICS.filter(keepTopic).map((t) => [t, ciPair(ci.byTopic[t])])),
    scheme: { overall: ci.overall.scheme, by_country: "topics", by_topic: "countries" },
    seed: w.seed,
    resamples: w.resamples,
  };
}

/** A score's Table 3 / Table 13 aggregates with crossed intervals; aggregates over no scenario are left out. */
function scoresJson(rate: AlignmentRate, metric: RateMetric, w: CrossedWeights): ScoresJson {
  const a: RateAggregates = rate[metric];
  const keepC = (c: Country) => a.byCountry[c].n > 0;
  const keepT = (t: Topic) => a.byTopic[t].n > 0;
  return {
    overall: a.overall.value,
    by_country: Object.fromEntries(COUNTRIES.filter(keepC).map((c) => [c, a.byCountry[c].value])),
    by_topic: Object.fromEntries(TOPICS.filter(keepT).map((t) => [t, a.byTopic[t].value])),
    ci95: ciJson(crossedMeanIntervals(rate.scenarios[metric], w), w, keepC, keepT),
  };
}

/** Rows of a groups × 56 grid keyed by name; a row with no finite cell (not covered by a run) is left out. */
function gridJson<R extends string>(m: Matrix, names: readonly R[]): Partial<Record<R, Partial<Record<Value, number>>>> {
  const out: Partial<Record<R, Partial<Record<Value, number>>>> = {};
  names.forEach((name, i) => {
    const row = m.data.subarray(i * m.cols, (i + 1) * m.cols);
    if (!row.some((x) => Number.isFinite(x))) return;
    out[name] = Object.fromEntries(VALUES.map((v, j) => [v, row[j]]));
  });
  return out;
}

function distanceJson(V: Matrix, A: Matrix, t: DistanceTables, protocol: Protocol, w: CrossedWeights): DistanceJson {
  const form: DistanceForm = t.form;
  const unit = new Float64Array(V.rows).fill(1);
  const byValue = new Float64Array(V.cols);
  const complete = hasNoMissing(V) && hasNoMissing(A);
  const overall = weightedValueDistance(V, A, unit, form, protocol, byValue, undefined, complete);
  const scratch = new Float64Array(V.cols);
  const ci = crossedStatistic(w, (weights) => weightedValueDistance(V, A, weights, form, protocol, scratch, undefined, complete));
  return {
    by_country: gridJson(t.byCountry, COUNTRIES),
    by_topic: gridJson(t.byTopic, TOPICS),
    by_value: Object.fromEntries(VALUES.map((v, j) => [v, byValue[j]])),
    overall,
    ci95: { overall: ci.ci95, scheme: { overall: ci.scheme }, seed: w.seed, resamples: w.resamples },
  };
}

function rankingJson(V: Matrix, A: Matrix, protocol: Protocol, group: DistanceTables): RankingJson {
  const rk = alignmentRanking(V, A, { protocol }, group);
  const covered = <R extends string>(r: Record<R, Ranking>): Partial<Record<R, Ranking>> =>
    Object.fromEntries(Object.entries<Ranking>(r).filter(([, ranking]) => ranking.some(([, d]) => Number.isFinite(d)))) as Partial<Record<R, Ranking>>;
  return { by_country: covered(rk.byCountry), by_topic: covered(rk.byTopic), overall: rankValues(group.overall) };
}

function inconsistencyJson(V: Matrix, A: Matrix, protocol: Protocol, w: CrossedWeights): InconsistencyJson {
  const inc = inconsistency(V, A, protocol);
  const rows = inconsistencyByRow(V, A, protocol);
  const total = rows.cells.map((_, i) => rows.statedDisagreeActedAgree[i] + rows.statedAgreeActedDisagree[i]);
  // Counts scale with the scenarios drawn: the resampled count is the resampled mean per compared
  // scenario, Σ w·x / Σ w·[scenario compared], times the scenarios compared (132 under paper; a run
  // covering a few scenarios would otherwise average in the uncovered ones as zeros).
  const covered = rows.cells.map((n) => (n > 0 ? 1 : 0));
  const nCovered = covered.reduce((a, b) => a + b, 0);
  const scaled = (x: Float64Array): [number, number] => {
    const [lo, hi] = crossedRatioIntervals(x, covered, w).overall.ci95;
    return [(lo ?? NaN) * nCovered, (hi ?? NaN) * nCovered];
  };
  return {
    stated_disagree_acted_agree: inc.stated_disagree_acted_agree,
    stated_agree_acted_disagree: inc.stated_agree_acted_disagree,
    total: inc.total,
    share: inc.share,
    cells: inc.cells,
    ci95: {
      stated_disagree_acted_agree: scaled(rows.statedDisagreeActedAgree),
      stated_agree_acted_disagree: scaled(rows.statedAgreeActedDisagree),
      total: scaled(total),
      share: crossedRatioIntervals(total, rows.cells, w).overall.ci95,
      scheme: "crossed",
      seed: w.seed,
      resamples: w.resamples,
    },
  };
}

function undecidedJson(V: Matrix, A: Matrix, protocol: Protocol, w: CrossedWeights): UndecidedJson {
  const u = undecidedCells(A);
  const share = crossedRatioIntervals(u.perRow.count, u.perRow.cells, w).overall;
  const out: UndecidedJson = {
    count: u.count,
    cells: u.cells,
    share: u.share,
    by_country: Object.fromEntries(COUNTRIES.map((c) => [c, u.byCountry[c]])),
    ci95: share,
  };
  // Task 1 ties are undecided only under robust; the paper rule counts them as disagree.
  if (protocol === "robust") {
    const t = undecidedCells(V);
    out.task1 = { count: t.count, cells: t.cells, share: t.share };
  }
  return out;
}
