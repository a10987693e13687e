import { COUNTRIES } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import { ROWS_OF_COUNTRY } from "../analysis/matrix";
import { pairedTest } from "../analysis/paired";
import { comparisonJson, withBhQ } from "./comparisonJson";
import type { ComparisonJson } from "./schema";

/**
 * (Model-vs-model comparisons on the shared scenarios: modelComparisons.ts compareModels.)
 *
 * Country-vs-country differences of one model's per-scenario score: two
 * countries share the 11 topics, so d_t = s(c1, t) − s(c2, t) with the
 * topics as paired units (exact sign flips over 2^11, topic bootstrap,
 * scheme `topics`); all 66 pairs, BH q over them.
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
      out.push({ ...comparisonJson("country", measure, COUNTRIES[i], COUNTRIES[j], r), model });
    }
  return withBhQ(out);
}
