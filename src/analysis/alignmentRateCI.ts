import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { GROUPS, type ValueGroup } from "../catalog/values";
import type { AlignmentRate, RateMetric } from "./alignmentRate";
import { bootstrapMeanCI, type BootstrapOptions, type CI } from "./bootstrap";
import { ROWS_OF_COUNTRY, ROWS_OF_TOPIC } from "./matrix";
import { hashSeed } from "./random";

export interface RateCIs {
  overall: CI;
  byCountry: Record<Country, CI>;
  byTopic: Record<Topic, CI>;
  /** Only with `groups: true` (10 more resamplings of all 132 scenarios: most of the cost). */
  byGroup?: Record<ValueGroup, CI>;
}

/**
 * Seeded 95% bootstrap CIs for every aggregate of an alignment rate, each
 * resampling the scenarios the aggregate averages (132 for overall and value
 * groups, a country's 11, a topic's 12):
 *
 *   CI(agg) = bootstrapMeanCI(per-scenario scores of agg's scenarios)
 *
 * Each aggregate draws from its own stream, seeded by hash(seed, name), so an
 * interval does not depend on which other intervals were computed. The 24
 * overall/country/topic intervals are always computed; the value-group ones
 * only with `groups: true`.
 *
 * @example rateCIs(alignmentRate(V, A, { protocol: "paper" }), "f1", { seed: 1 }).byCountry.Egypt // [lo, hi]
 */
export function rateCIs(rate: AlignmentRate, metric: RateMetric, opts: BootstrapOptions & { groups?: boolean }): RateCIs {
  const s = rate.scenarios[metric];
  const seeded = (name: string): BootstrapOptions => ({
    iterations: opts.iterations,
    level: opts.level,
    seed: hashSeed(`${opts.seed}:${metric}:${name}`),
  });
  const out: RateCIs = {
    overall: bootstrapMeanCI(s, seeded("overall")),
    byCountry: Object.fromEntries(COUNTRIES.map((c) => [c, bootstrapMeanCI(s, seeded(c), ROWS_OF_COUNTRY[c])])) as Record<
      Country,
      CI
    >,
    byTopic: Object.fromEntries(TOPICS.map((t) => [t, bootstrapMeanCI(s, seeded(t), ROWS_OF_TOPIC[t])])) as Record<Topic, CI>,
  };
  if (opts.groups) {
    out.byGroup = Object.fromEntries(
      GROUPS.map((g) => [g, bootstrapMeanCI(rate.groups[g][metric], seeded(`group:${g}`))]),
    ) as Record<ValueGroup, CI>;
  }
  return out;
}
