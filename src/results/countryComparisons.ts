import { COUNTRIES } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import { ROWS_OF_COUNTRY } from "../analysis/matrix";
import { pairedTest } from "../analysis/paired";
import { alignmentRate } from "../analysis/alignmentRate";
import { comparisonJson, withBhQ } from "./comparisonJson";
import { COMPARED_MEASURES, type ComparedModel } from "./modelComparisons";
import type { ComparisonJson } from "./schema";

/**
 * (Model-vs-model comparisons on the shared scenarios: modelComparisons.ts compareModels.)
 *
 * Country-vs-country differences of one model's per-scenario score: two
 * countries share the 11 topics, so d_t = s(c1, t) − s(c2, t) with the
 * topics as paired units (exact sign flips over 2^11, topic bootstrap,
 * scheme `topics`); all 66 pairs (those with a shared topic), BH q over them.
 *
 * @example countryComparisons("gpt-4o-mini", rate.scenarios.f1, "f1", { seed: 1 }).filter((c) => c.q! <= 0.05)
 */
export function countryComparisons(
  model: string,
  perScenario: ArrayLike<number>,
  measure: string,
  opts: { seed: number; resamples?: number },
): ComparisonJson[] {
  const byTopic = (c: (typeof COUNTRIES)[number]) => Float64Array.from(ROWS_OF_COUNTRY[c], (i) => perScenario[i]);
  const out: ComparisonJson[] = [];
  for (let i = 0; i < COUNTRIES.length; i++)
    for (let j = i + 1; j < COUNTRIES.length; j++) {
      const r = pairedTest(byTopic(COUNTRIES[i]), byTopic(COUNTRIES[j]), {
        seed: opts.seed,
        resamples: opts.resamples,
        permutations: 2 ** TOPICS.length,
        scheme: "topics",
      });
      if (r.n > 0) out.push({ ...comparisonJson("country", measure, COUNTRIES[i], COUNTRIES[j], r), model });
    }
  return withBhQ(out);
}

/**
 * The country-vs-country comparisons results.json carries: for each model with
 * both tasks, every pair of countries with a shared topic, per measure of
 * COMPARED_MEASURES (F1 and kappa per scenario, as the model-vs-model tests).
 */
export function modelCountryComparisons(models: readonly ComparedModel[], opts: { seed: number; resamples: number }): ComparisonJson[] {
  return models
    .filter((m) => m.V !== null && m.A !== null)
    .flatMap((m) => {
      const rate = alignmentRate(m.V!, m.A!, { protocol: m.protocol });
      return COMPARED_MEASURES.flatMap((measure) => countryComparisons(m.model, rate.scenarios[measure], measure, opts));
    });
}
