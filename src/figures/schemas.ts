import { z } from "zod";

/**
 * Tolerant schemas of the JSON files figures and the report read
 * (shapes documented in results.ts). Every field is optional and unknown
 * fields pass through, so newer producers keep working; what is present must
 * have the right type, so a malformed file fails with FILE:LINE instead of
 * drawing nonsense.
 */
const num = z.number();
const byName = z.record(z.string(), num.nullable());
const grid = z.record(z.string(), byName);
const byAxis = <T extends z.ZodType>(t: T) => z.looseObject({ by_country: z.record(z.string(), t).optional(), by_topic: z.record(z.string(), t).optional() });
const scores = z.looseObject({ overall: num.nullable().optional(), by_country: byName.optional(), by_topic: byName.optional(), ci95: z.unknown().optional() });

export const ModelResultsSchema = z.looseObject({
  task1_agreement: num.nullable().optional(),
  f1: scores.optional(),
  f1_inverted: scores.optional(),
  distance_group_mean: byAxis(byName).optional(),
  distance_cell_mean: byAxis(byName).optional(),
  ranking: byAxis(z.array(z.tuple([z.string(), num.nullable()]))).optional(),
  inconsistency: z
    .looseObject({
      stated_disagree_acted_agree: num.optional(),
      stated_agree_acted_disagree: num.optional(),
      total: num.optional(),
      share: num.optional(),
    })
    .optional(),
});

export const ReproduceResultsSchema = z.looseObject({
  simulated: z.boolean().optional(),
  models: z.record(z.string(), ModelResultsSchema).optional(),
  task2_prompt_agreement: byName.optional(),
  gap_prediction_fewshot: z.record(z.string(), z.record(z.string(), z.looseObject({ f1: num.optional() }))).optional(),
  risk_counts: z.record(z.string(), num).optional(),
});

export const MatricesSchema = z.looseObject({
  simulated: z.boolean().optional(),
  heatmaps: z
    .record(
      z.string(),
      z.looseObject({
        task1_by_country: grid.optional(),
        task2_by_country: grid.optional(),
        task1_by_topic: grid.optional(),
        task2_by_topic: grid.optional(),
      }),
    )
    .optional(),
});

export const GapResultsSchema = z.looseObject({
  simulated: z.boolean().optional(),
  experiments: z.array(
    z.looseObject({
      target: z.string().optional(),
      label: z.string().optional(),
      setting: z.string().optional(),
      method: z.string().optional(),
      n: num.optional(),
      f1: num.nullable().optional(),
      ci95: z.looseObject({}).optional(),
    }),
  ),
  top_features: z.unknown().optional(),
  verdicts: z.array(z.looseObject({ target: z.string().optional(), label: z.string().optional(), sentence: z.string().optional() })).optional(),
});
