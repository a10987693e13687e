import { z } from "zod";

/**
 * The schema of `out/gap/results.json` (vag gap) as the figures and the report
 * read it. results.json of `vag reproduce` / `vag analyze` and matrices.json
 * have the one schema of src/results/schema.ts. Unknown fields pass through
 * (the gap experiment adds its own), what is present must have the right
 * type, so a malformed file fails with FILE:LINE instead of drawing nonsense.
 */
const num = z.number();
const ci = z.tuple([num, num]).nullable().optional();

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
      accuracy: num.nullable().optional(),
      precision: num.nullable().optional(),
      recall: num.nullable().optional(),
      auc: num.nullable().optional(),
      ci95: z.looseObject({ f1: ci, auc: ci }).optional(),
    }),
  ),
  top_features: z.unknown().optional(),
  verdicts: z
    .array(
      z.looseObject({
        target: z.string().optional(),
        label: z.string().optional(),
        n: num.optional(),
        conclusion: z.string().optional(),
        sentence: z.string().optional(),
        bestTextFree: z.looseObject({ setting: z.string().optional(), auc: num.nullable().optional(), f1: num.optional() }).nullable().optional(),
        bestWithText: z.looseObject({ setting: z.string().optional(), auc: num.nullable().optional(), f1: num.optional() }).nullable().optional(),
        gain: z.looseObject({ auc: num.optional(), f1: num.optional(), ci95: ci, p: num.optional() }).nullable().optional(),
      }),
    )
    .optional(),
});

export type GapResults = z.infer<typeof GapResultsSchema>;
export type GapExperiment = GapResults["experiments"][number];
export type GapVerdict = NonNullable<GapResults["verdicts"]>[number];
