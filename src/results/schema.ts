import { z } from "zod";
import { COUNTRIES } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import { RESAMPLE_SCHEMES } from "../analysis/interval";
import { PROTOCOLS } from "../protocol";

/**
 * The ONE schema of results.json (issue 10 item 1): `vag reproduce` and
 * `vag analyze` write it, figures, report and notebooks read it, all through
 * the inferred types below (no casts).
 *
 * Conventions:
 *  - A measure that could not be computed is NaN in memory and `null` in the
 *    file (resultsJsonText turns NaN into null), hence `num` is nullable.
 *  - Every interval is `[lo, hi]` and the object holding it records its
 *    `scheme`, `seed` and `resamples` (design.md §8).
 *  - Objects are strict: an unknown key is an error, reported as FILE:LINE by
 *    figures/readJson.ts, so a typo or a stale producer fails loudly. A helper
 *    that adds a section adds it HERE (optional), keeping this file the
 *    single source of the layout.
 *  - Country / topic / value keys are checked against the catalog; a run may
 *    cover only some of them, so the records are partial.
 */

const num = z.number().nullable();
const count = z.number().int().nonnegative();
const seed = z.number().int();
export const SchemeSchema = z.enum(RESAMPLE_SCHEMES);
export const CiSchema = z.tuple([num, num]);
const CountryKey = z.enum(COUNTRIES);
const TopicKey = z.enum(TOPICS);
const ValueKey = z.enum(VALUES as [Value, ...Value[]]);
const byCountry = <T extends z.ZodType>(t: T) => z.partialRecord(CountryKey, t);
const byTopic = <T extends z.ZodType>(t: T) => z.partialRecord(TopicKey, t);
const byValue = <T extends z.ZodType>(t: T) => z.partialRecord(ValueKey, t);

/** One interval with its provenance (analysis/interval.ts Interval95). */
export const IntervalJsonSchema = z.strictObject({ ci95: CiSchema, scheme: SchemeSchema, seed, resamples: count });

/** Intervals of a score's aggregates: overall crossed, per country over topics, per topic over countries. */
export const ScoresCiSchema = z.strictObject({
  overall: CiSchema,
  by_country: byCountry(CiSchema).optional(),
  by_topic: byTopic(CiSchema).optional(),
  scheme: z.strictObject({ overall: SchemeSchema, by_country: SchemeSchema.optional(), by_topic: SchemeSchema.optional() }),
  seed,
  resamples: count,
});

/** A per-scenario score aggregated as in Table 3 / Table 13: `f1`, `f1_inverted`, `accuracy`, `kappa`. */
export const ScoresJsonSchema = z.strictObject({
  overall: num,
  by_country: byCountry(num).optional(),
  by_topic: byTopic(num).optional(),
  ci95: ScoresCiSchema.optional(),
});

/** Alignment distance in one form (method.md §6.2): grids by country and topic, and the overall summary. */
export const DistanceJsonSchema = z.strictObject({
  by_country: byCountry(byValue(num)),
  by_topic: byTopic(byValue(num)),
  /** Per value over all 132 scenarios. */
  by_value: byValue(num).optional(),
  /** Mean of `by_value` over the values (one number per model and form). */
  overall: num.optional(),
  ci95: ScoresCiSchema.optional(),
});

const RankingListSchema = z.array(z.tuple([ValueKey, num]));
export const RankingJsonSchema = z.strictObject({
  by_country: byCountry(RankingListSchema),
  by_topic: byTopic(RankingListSchema),
  overall: RankingListSchema.optional(),
});

/** Bootstrap stability of one ranking (analysis/rankStability.ts). */
export const RankStabilityJsonSchema = z.strictObject({
  scheme: SchemeSchema,
  /** Per value: 95% interval of its rank (1 = largest gap). */
  rank_ci95: byValue(z.tuple([count, count])),
  /** The observed top 5 with the share of resamples in which each stays in the top 5. */
  top5: z.array(z.strictObject({ value: ValueKey, rank: count, p_top5: num })),
  /** Share of resamples whose first value is the observed first value. */
  p_top1_stays: num,
});

export const RankingStabilityJsonSchema = z.strictObject({
  form: z.enum(["group-mean", "cell-mean"]),
  seed,
  resamples: count,
  overall: RankStabilityJsonSchema.optional(),
  by_country: byCountry(RankStabilityJsonSchema).optional(),
  by_topic: byTopic(RankStabilityJsonSchema).optional(),
});

export const InconsistencyJsonSchema = z.strictObject({
  stated_disagree_acted_agree: count,
  stated_agree_acted_disagree: count,
  total: count,
  share: num,
  /** Cells compared (7,392 under paper). */
  cells: count.optional(),
  ci95: z
    .strictObject({
      stated_disagree_acted_agree: CiSchema,
      stated_agree_acted_disagree: CiSchema,
      total: CiSchema,
      share: CiSchema,
      scheme: SchemeSchema,
      seed,
      resamples: count,
    })
    .optional(),
});

const UndecidedCountSchema = z.strictObject({ count, cells: count, share: num });

/** Undecided cells (analysis/undecided.ts): Task 2 pairs whose orders picked different actions. */
export const UndecidedJsonSchema = z.strictObject({
  count,
  /** Answered Task 2 cells. */
  cells: count,
  share: num,
  by_country: byCountry(UndecidedCountSchema),
  /** Task 1 cells whose mean sits exactly on the cut (robust only; missing for the binary measures). */
  task1: UndecidedCountSchema.optional(),
  ci95: IntervalJsonSchema.optional(),
});

/** Within-value permutation null of F1 (analysis/nullModel.ts). */
export const NullF1JsonSchema = z.strictObject({
  observed: num,
  mean: num,
  sd: num,
  /** (1 + #{null ≥ observed}) / (1 + permutations). */
  p: num,
  permutations: count,
  seed,
});

export const PositionBiasJsonSchema = z.strictObject({
  option1_share: num,
  order_consistency: num,
  pairs: count,
  answers: count,
  ci95: z
    .strictObject({ option1_share: CiSchema, order_consistency: CiSchema, scheme: SchemeSchema, seed, resamples: count })
    .optional(),
});

/** One row of the sensitivity table (analysis/sensitivity.ts). */
export const SensitivityRowJsonSchema = z.strictObject({
  /** Short id, e.g. "cut-2.5", "centred", "missing-as-missing". */
  setting: z.string().min(1),
  /** Task 1 cut on the 1..4 Likert scale (disagree iff mean ≥ cut). */
  task1_cut: z.number(),
  centred: z.boolean(),
  missing: z.enum(["paper-defaults", "missing"]),
  f1: num,
  f1_inverted: num,
  kappa: num,
  inconsistency: z.strictObject({ total: count, share: num, cells: count }),
  /** Task 1 cells on the cut (robust: undecided) and Task 2 undecided cells, left out of the binary measures. */
  undecided: z.strictObject({ task1: count, task2: count }),
});

export const SensitivityJsonSchema = z.strictObject({
  /** The row the rest of results.json is computed with. */
  baseline: z.string().min(1),
  rows: z.array(SensitivityRowJsonSchema),
});

/** A per-(value × country) claim with its test and Benjamini-Hochberg q-value (analysis/multipleTesting.ts). */
export const GapClaimJsonSchema = z.strictObject({
  country: CountryKey,
  value: ValueKey,
  distance: num,
  p: num,
  q: num,
});

/** A ratio interval of the confidence section (crossed, like every overall figure). */
const ConfidenceCiSchema = z.strictObject({
  unanimousShare: CiSchema,
  gapRateUnanimous: CiSchema,
  gapRateNotUnanimous: CiSchema,
  shareOfGapsInLowConfidence: CiSchema,
  scheme: SchemeSchema,
  seed,
  resamples: count,
});

/**
 * Issue 12 item 3: how the model's gaps relate to the stability of its stated
 * values (a Task 1 cell is unanimous when all its parsed variants binarise the
 * same way; gaps counted on cells with a real Task 2 choice).
 */
export const ConfidenceJsonSchema = z.strictObject({
  /** Where the gaps came from: the Task 2 choices, or the published misaligned examples (lower bounds, no F1). */
  source: z.enum(["task2", "misaligned-examples", "task1-only"]),
  unanimousShare: num,
  gapRateUnanimous: num,
  gapRateNotUnanimous: num,
  shareOfGapsInLowConfidence: num,
  /** F1 over unanimous cells with a real choice, with its crossed interval; null without Task 2 choices. */
  f1Confident: z.strictObject({ value: num, ci95: CiSchema, scheme: SchemeSchema, seed, resamples: count }).nullable(),
  ci95: ConfidenceCiSchema,
  counts: z.strictObject({
    cells: count,
    unanimous: count,
    comparedUnanimous: count,
    comparedNotUnanimous: count,
    gapsUnanimous: count,
    gapsNotUnanimous: count,
  }),
  /** The confidence signals the run supports (analysis/confidence.ts SIGNALS), per task. */
  signals: z.strictObject({ task1: z.array(z.string()), task2: z.array(z.string()) }),
  /**
   * Every cell's confidence: the lowest of its available raw signals (agreement shares and
   * probabilities, what --min-confidence compares), per scenario "Country+Topic" in VALUES order; null = no signal.
   */
  cells: z.record(z.string(), z.array(num)).optional(),
});

const UqScoreSchema = z.strictObject({
  auroc: num,
  misclassifiedRecall: z.strictObject({ "5": num, "10": num, "20": num }),
  n: count,
  wrong: count,
});

/**
 * Issue 12 item 2: UQ performance where the truth is known (the simulator's
 * latent respondent): AUROC of low confidence for "wrong" and misclassified
 * recall at review budgets of 5, 10 and 20% of the answers.
 */
export const UqJsonSchema = z.strictObject({
  truth: z.string(),
  simulated: z.boolean(),
  /** `task1.<signal>` (stated cells) and `task2.<signal>` (choice pairs). */
  signals: z.record(z.string(), UqScoreSchema),
  /** Rank-mean ensemble, Task 1 cells and Task 2 pairs pooled (one review budget for the run). */
  ensemble: UqScoreSchema.extend({ byTask: z.record(z.string(), UqScoreSchema) }),
  /** Logistic ensemble fitted out of fold (folds grouped by scenario). */
  ensembleLogistic: UqScoreSchema.extend({ byTask: z.record(z.string(), UqScoreSchema), folds: count, seed }),
});

/** One level of a factor that holds refusals (results/refusals.ts). */
export const RefusalLevelJsonSchema = z.strictObject({
  level: z.string().min(1),
  refusals: count,
  /** Answered records at the level (calls that succeeded). */
  answered: count,
  /** Refusals the level would hold if they were spread in proportion to its answered records. */
  expected: num,
});

/**
 * Where a task's refusals fall along one factor (country, topic, value,
 * polarity): the levels holding refusals, most first, and a test of whether
 * they are spread as the design predicts (analysis/clustering.ts: exact or
 * seeded Monte-Carlo hypergeometric test of Pearson's X², expected counts in
 * proportion to each level's answered records). `p` is null when there are
 * too few refusals to test (fewer than `min_refusals_tested` of RefusalsJson)
 * or fewer than two levels.
 */
export const RefusalFactorJsonSchema = z.strictObject({
  /** Levels with answered records (the test's categories). */
  levels: count,
  statistic: num,
  p: num,
  method: z.enum(["exact", "monte-carlo"]).nullable(),
  /** Outcomes enumerated (exact) or draws (Monte Carlo); 0 when not tested. */
  iterations: count,
  seed,
  clustered: z.array(RefusalLevelJsonSchema),
});

/** Refusals of one task (issue 15 item 2): denominator = answered records (the call succeeded). */
export const RefusalTaskJsonSchema = z.strictObject({
  /** "record": the parse status the records carry (the run's parser); "robust": the rows the paper parser could not read, re-read by the robust parser (vag reproduce, Task 1). */
  classified_by: z.enum(["record", "robust"]),
  records: count,
  /** Records whose call succeeded: the denominator of both rates. */
  answered: count,
  refusals: count,
  refusal_rate: num,
  /** Answered records whose parse failed for another reason than a refusal. */
  unparseable: count,
  unparseable_rate: num,
  /** The failure reasons behind `unparseable`, reason -> count. */
  unparseable_reasons: z.record(z.string(), count),
  by_country: RefusalFactorJsonSchema,
  by_topic: RefusalFactorJsonSchema,
  /** Generate and Task 2 (a record has a value). */
  by_value: RefusalFactorJsonSchema.optional(),
  /** Generate (a record asks for the positive or the negative action). */
  by_polarity: RefusalFactorJsonSchema.optional(),
});

export const RefusalsJsonSchema = z.strictObject({
  /** Fewer refusals than this in a task: no test (p null), "too few to test". */
  min_refusals_tested: count,
  generate: RefusalTaskJsonSchema.optional(),
  task1: RefusalTaskJsonSchema.optional(),
  task2: RefusalTaskJsonSchema.optional(),
});

export const ModelResultsJsonSchema = z.strictObject({
  simulated: z.boolean().optional(),
  protocol: z.enum(PROTOCOLS).optional(),
  task1_agreement: num.optional(),
  task1_agreement_ci95: IntervalJsonSchema.optional(),
  f1: ScoresJsonSchema.optional(),
  f1_inverted: ScoresJsonSchema.optional(),
  accuracy: ScoresJsonSchema.optional(),
  kappa: ScoresJsonSchema.optional(),
  null_f1: NullF1JsonSchema.optional(),
  null_f1_inverted: NullF1JsonSchema.optional(),
  distance_group_mean: DistanceJsonSchema.optional(),
  distance_cell_mean: DistanceJsonSchema.optional(),
  ranking: RankingJsonSchema.optional(),
  ranking_stability: RankingStabilityJsonSchema.optional(),
  inconsistency: InconsistencyJsonSchema.optional(),
  undecided: UndecidedJsonSchema.optional(),
  position_bias: PositionBiasJsonSchema.optional(),
  sensitivity: SensitivityJsonSchema.optional(),
  /** What the run spent and its fresh tokens at the live and the batch price (its manifest; absent for published models). */
  cost: z.strictObject({ spent_usd: num, live_usd: num, batch_usd: num, calls: count }).optional(),
  /** Largest gaps with BH-adjusted q-values over all value × country cells. */
  gap_claims: z.array(GapClaimJsonSchema).optional(),
  /** Stability of the stated values behind the gaps (issue 12). */
  confidence: ConfidenceJsonSchema.optional(),
  /** UQ performance of the confidence signals against the simulator's truth (simulated runs only). */
  uq: UqJsonSchema.optional(),
  /** `--min-confidence`: the alignment measures above use only the cells at or above this confidence. */
  min_confidence: z.strictObject({ threshold: z.number(), kept: count, cells: count }).optional(),
  /** Refusals and other unparseable answers per task, and where the refusals cluster (results/refusals.ts). */
  refusals: RefusalsJsonSchema.optional(),
});

export const FewShotJsonSchema = z.strictObject({
  f1: num,
  accuracy: num,
  precision: num,
  recall: num,
  n: count,
  ci95: z
    .strictObject({
      f1: CiSchema,
      accuracy: CiSchema,
      /** Gain over the `default` setting on the same resampled items. */
      f1_gain_vs_default: CiSchema.optional(),
      scheme: SchemeSchema,
      seed,
      resamples: count,
    })
    .optional(),
  /** Exact McNemar from `default` to this setting on the shared test items (analysis/mcnemar.ts). */
  mcnemar_vs_default: z.strictObject({ default_only_correct: count, setting_only_correct: count, p: num }).optional(),
});

const RuleScoreJsonSchema = z.strictObject({ f1: num, accuracy: num, precision: num, recall: num, n: count });

/** Trivial rules beside the few-shot scores (gap/fewshotScore.ts fewShotBaselines). */
export const FewShotBaselinesJsonSchema = z.strictObject({
  items: z.enum(["published test items", "paper design on this target's Task 2 choices"]),
  always_true: RuleScoreJsonSchema,
  polarity_rule: RuleScoreJsonSchema.nullable(),
  note: z.string(),
});

/** A paired comparison of two models or two countries (analysis/paired.ts). */
export const ComparisonJsonSchema = z.strictObject({
  kind: z.enum(["model", "country"]),
  /** For a country comparison: the model whose countries are compared. */
  model: z.string().min(1).optional(),
  measure: z.string().min(1),
  a: z.string().min(1),
  b: z.string().min(1),
  /** Mean paired difference a − b. */
  diff: num,
  ci95: CiSchema,
  p: num,
  /** Benjamini-Hochberg q over the comparisons of the same kind and measure. */
  q: num.optional(),
  scheme: SchemeSchema,
  seed,
  resamples: count,
  permutations: count,
  n: count,
});

const LabelShareSchema = z.strictObject({ mean: num, n: count, ci95: CiSchema });
const KappaSchema = { kappa: num, ci95: CiSchema, agreement: num, n: count };
const NotebookKappaSchema = z.strictObject({
  sheets: z.tuple([z.string(), z.string()]),
  by_variant: z.record(z.string(), z.strictObject({ ...KappaSchema, not_labels: count })),
});

/** The experts' evaluation of the generation prompts (analysis/humanEvaluation.ts; Tables 9, 10, 2). */
export const HumanEvaluationJsonSchema = z.strictObject({
  items: count,
  resampling: z.strictObject({ scheme: SchemeSchema, seed, resamples: count }),
  by_annotator: z.record(
    z.string(),
    z.strictObject({
      sheet: z.string(),
      version: z.string(),
      by_variant: z.record(z.string(), z.strictObject({ act: LabelShareSchema, attr: LabelShareSchema, exp: LabelShareSchema })),
    }),
  ),
  average_act: z.record(z.string(), z.strictObject({ mean: num, ci95: CiSchema })),
  kappa_act: z.record(z.string(), z.strictObject({ ...KappaSchema, unmatched: count })),
  kappa_act_notebook: NotebookKappaSchema,
  kappa_act_notebook_on_head: NotebookKappaSchema,
  copies: z.array(z.strictObject({ sheet: z.string(), same_labels_as: z.string().nullable() })),
});

export const ResultsJsonSchema = z.strictObject({
  /** True when any model's answers came from the simulator. */
  simulated: z.boolean().optional(),
  protocol: z.enum(PROTOCOLS).optional(),
  models: z.record(z.string(), ModelResultsJsonSchema),
  task2_prompt_agreement: z.record(z.string(), num).optional(),
  /** Resampling the 50 pairs (scheme `items`). */
  task2_prompt_agreement_ci95: z.record(z.string(), IntervalJsonSchema).optional(),
  gap_prediction_fewshot: z.record(z.string(), z.record(z.string(), FewShotJsonSchema)).optional(),
  gap_prediction_fewshot_baselines: z.record(z.string(), FewShotBaselinesJsonSchema).optional(),
  risk_counts: z.record(z.string(), count).optional(),
  comparisons: z.array(ComparisonJsonSchema).optional(),
  human_evaluation: HumanEvaluationJsonSchema.optional(),
  /** The VIA dataset's generations (`vag reproduce --dataset`): refusals of its generating model. */
  dataset_refusals: RefusalTaskJsonSchema.extend({ model: z.string().min(1), file: z.string().min(1) }).optional(),
  /**
   * Task 2 refusals in the prompt-robustness files (50 pairs x 8 variants per model, read by the robust Task 2
   * parser): the only published Task 2 answers that keep the model's text.
   */
  task2_prompt_agreement_refusals: z.record(z.string(), RefusalTaskJsonSchema).optional(),
});

/**
 * matrices.json beside results.json (vag reproduce, vag analyze): the heatmap
 * grids per model (analysis/heatmapGrids.ts), task1 = mean normalised stated
 * inclination, task2 = share of negative choices, averaged over the scenarios
 * of the country / topic.
 */
const GridJsonSchema = z.record(z.string(), byValue(num));
export const MatricesJsonSchema = z.strictObject({
  simulated: z.boolean().optional(),
  heatmaps: z.record(
    z.string(),
    z.strictObject({
      task1_by_country: GridJsonSchema.optional(),
      task2_by_country: GridJsonSchema.optional(),
      task1_by_topic: GridJsonSchema.optional(),
      task2_by_topic: GridJsonSchema.optional(),
    }),
  ),
});

export type ResultsJson = z.infer<typeof ResultsJsonSchema>;
export type MatricesJson = z.infer<typeof MatricesJsonSchema>;
export type ModelResultsJson = z.infer<typeof ModelResultsJsonSchema>;
export type ConfidenceJson = z.infer<typeof ConfidenceJsonSchema>;
export type UqJsonOut = z.infer<typeof UqJsonSchema>;
export type ScoresJson = z.infer<typeof ScoresJsonSchema>;
export type ScoresCiJson = z.infer<typeof ScoresCiSchema>;
export type IntervalJson = z.infer<typeof IntervalJsonSchema>;
export type DistanceJson = z.infer<typeof DistanceJsonSchema>;
export type RankingJson = z.infer<typeof RankingJsonSchema>;
export type RankStabilityJson = z.infer<typeof RankStabilityJsonSchema>;
export type RankingStabilityJson = z.infer<typeof RankingStabilityJsonSchema>;
export type InconsistencyJson = z.infer<typeof InconsistencyJsonSchema>;
export type UndecidedJson = z.infer<typeof UndecidedJsonSchema>;
export type NullF1Json = z.infer<typeof NullF1JsonSchema>;
export type PositionBiasJson = z.infer<typeof PositionBiasJsonSchema>;
export type SensitivityJson = z.infer<typeof SensitivityJsonSchema>;
export type SensitivityRowJson = z.infer<typeof SensitivityRowJsonSchema>;
export type GapClaimJson = z.infer<typeof GapClaimJsonSchema>;
export type FewShotJson = z.infer<typeof FewShotJsonSchema>;
export type FewShotBaselinesJson = z.infer<typeof FewShotBaselinesJsonSchema>;
export type ComparisonJson = z.infer<typeof ComparisonJsonSchema>;
export type HumanEvaluationJson = z.infer<typeof HumanEvaluationJsonSchema>;
export type RefusalsJson = z.infer<typeof RefusalsJsonSchema>;
export type RefusalTaskJson = z.infer<typeof RefusalTaskJsonSchema>;
export type RefusalFactorJson = z.infer<typeof RefusalFactorJsonSchema>;
export type RefusalLevelJson = z.infer<typeof RefusalLevelJsonSchema>;

/** results.json text: NaN (a measure nobody could compute) becomes null; 2-space indent; trailing newline. */
export function resultsJsonText(results: ResultsJson): string {
  return JSON.stringify(results, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n";
}
