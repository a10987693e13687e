import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { percentileInterval } from "./bootstrap";
import type { Interval95, ResampleScheme } from "./interval";
import { makeRng } from "./random";

/**
 * Bootstrap of the crossed design (design.md §8): the 132 scenarios are every
 * pair of 12 countries × 11 topics, so they are not 132 independent draws.
 * A resample draws 12 countries with replacement and, independently, 11
 * topics with replacement; scenario (c, t) then enters with weight
 *
 *   w_ct = m_c · n_t      (m_c, n_t = how often country c / topic t was drawn)
 *
 * which is the scenario set {(c*, t*)} of the resampled countries × topics.
 * A resample is therefore two small multiplicity vectors, and any statistic
 * that is a ratio of scenario sums is a weighted sum over 132 precomputed
 * per-scenario numbers:
 *
 *   θ_b = Σ_ct w_ct · num_ct / Σ_ct w_ct · den_ct
 *
 * (a mean of per-scenario scores: num = score, den = 1, NaN rows get 0/0 and
 * drop out; a share of cells: num = count, den = cells). Per-country
 * aggregates resample that country's topics (weights n_t only), per-topic
 * aggregates its countries (m_c only), from the same draws.
 *
 * The multiplicities are drawn once per (seed, resamples) by
 * {@link crossedWeights}: every interval computed from one weight table
 * uses the same resamples, so joint quantities (a difference of two
 * measures) are coherent, and an interval does not depend on which other
 * intervals were computed.
 */

export interface CrossedOptions {
  seed: number;
  /** Resamples; default 1000. */
  resamples?: number;
  /** Coverage; default 0.95. */
  level?: number;
}

/** Multiplicities of B crossed resamples: B × 12 country counts (each row sums to 12) and B × 11 topic counts. */
export interface CrossedWeights {
  seed: number;
  resamples: number;
  level: number;
  country: Float64Array;
  topic: Float64Array;
}

const NC = COUNTRIES.length;
const NT = TOPICS.length;
const NS = NC * NT;

/**
 * Draw the multiplicities: per resample, 12 uniform country indices and 11
 * uniform topic indices (one seeded stream, src/analysis/random.ts).
 *
 * @example crossedWeights({ seed: 1, resamples: 1000 }).country.length // 12000
 */
export function crossedWeights(opts: CrossedOptions): CrossedWeights {
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const rng = makeRng(opts.seed);
  const country = new Float64Array(resamples * NC);
  const topic = new Float64Array(resamples * NT);
  const ic = new Int32Array(NC);
  const it = new Int32Array(NT);
  for (let b = 0; b < resamples; b++) {
    rng.fillInt(ic, NC);
    rng.fillInt(it, NT);
    for (let k = 0; k < NC; k++) country[b * NC + ic[k]] += 1;
    for (let k = 0; k < NT; k++) topic[b * NT + it[k]] += 1;
  }
  return { seed: opts.seed, resamples, level, country, topic };
}

/** Per-scenario numerator/denominator of a mean of scores: NaN scores become 0/0 (left out). */
export function meanTerms(values: ArrayLike<number>): { num: Float64Array; den: Float64Array } {
  if (values.length !== NS) throw new RangeError(`expected ${NS} per-scenario values, got ${values.length}`);
  const num = new Float64Array(NS);
  const den = new Float64Array(NS);
  for (let i = 0; i < NS; i++) {
    if (Number.isFinite(values[i])) {
      num[i] = values[i];
      den[i] = 1;
    }
  }
  return { num, den };
}

/**
 * Resampled overall ratios θ_b = Σ w_ct num_ct / Σ w_ct den_ct (crossed), one per resample.
 * @example crossedRatios(w, num, den) // Float64Array(w.resamples)
 */
export function crossedRatios(w: CrossedWeights, num: ArrayLike<number>, den: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.resamples);
  for (let b = 0; b < w.resamples; b++) {
    let sn = 0;
    let sd = 0;
    for (let c = 0; c < NC; c++) {
      const mc = w.country[b * NC + c];
      if (mc === 0) continue;
      let rn = 0;
      let rd = 0;
      for (let t = 0; t < NT; t++) {
        const nt = w.topic[b * NT + t];
        if (nt === 0) continue;
        rn += nt * num[c * NT + t];
        rd += nt * den[c * NT + t];
      }
      sn += mc * rn;
      sd += mc * rd;
    }
    out[b] = sd === 0 ? NaN : sn / sd;
  }
  return out;
}

/** Resampled ratios of one country's scenarios, resampling its topics. */
export function topicRatios(w: CrossedWeights, num: ArrayLike<number>, den: ArrayLike<number>, country: number): Float64Array {
  return marginalRatios(w.resamples, w.topic, NT, (t) => country * NT + t, num, den);
}

/** Resampled ratios of one topic's scenarios, resampling its countries. */
export function countryRatios(w: CrossedWeights, num: ArrayLike<number>, den: ArrayLike<number>, topic: number): Float64Array {
  return marginalRatios(w.resamples, w.country, NC, (c) => c * NT + topic, num, den);
}

/** Σ_u m_u num_{row(u)} / Σ_u m_u den_{row(u)} per resample, with m = `units` multiplicities per resample. */
function marginalRatios(
  resamples: number,
  multiplicity: Float64Array,
  units: number,
  rowOf: (unit: number) => number,
  num: ArrayLike<number>,
  den: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sn = 0;
    let sd = 0;
    for (let u = 0; u < units; u++) {
      const m = multiplicity[b * units + u];
      const i = rowOf(u);
      sn += m * num[i];
      sd += m * den[i];
    }
    out[b] = sd === 0 ? NaN : sn / sd;
  }
  return out;
}

const interval = (w: CrossedWeights, stats: ArrayLike<number>, scheme: ResampleScheme): Interval95 => ({
  ci95: percentileInterval(stats, w.level),
  scheme,
  seed: w.seed,
  resamples: w.resamples,
});

export interface CrossedIntervals {
  /** Crossed (countries × topics). */
  overall: Interval95;
  /** Each country over its topics. */
  byCountry: Record<Country, Interval95>;
  /** Each topic over its countries. */
  byTopic: Record<Topic, Interval95>;
}

/**
 * Intervals of a ratio of per-scenario sums at every level of the design.
 *
 *   overall:   Σ_ct w_ct num_ct / Σ_ct w_ct den_ct   (crossed)
 *   country c: Σ_t n_t num_ct / Σ_t n_t den_ct       (topics)
 *   topic t:   Σ_c m_c num_ct / Σ_c m_c den_ct       (countries)
 *
 * @example
 * // inconsistency share: num = inconsistent cells, den = compared cells, per scenario
 * crossedRatioIntervals(x, cells, crossedWeights({ seed: 1 })).overall.ci95
 */
export function crossedRatioIntervals(num: ArrayLike<number>, den: ArrayLike<number>, w: CrossedWeights): CrossedIntervals {
  if (num.length !== NS || den.length !== NS) throw new RangeError(`expected ${NS} per-scenario terms`);
  return {
    overall: interval(w, crossedRatios(w, num, den), "crossed"),
    byCountry: Object.fromEntries(COUNTRIES.map((c, k) => [c, interval(w, topicRatios(w, num, den, k), "topics")])) as Record<
      Country,
      Interval95
    >,
    byTopic: Object.fromEntries(TOPICS.map((t, k) => [t, interval(w, countryRatios(w, num, den, k), "countries")])) as Record<
      Topic,
      Interval95
    >,
  };
}

/**
 * Intervals of the mean of a per-scenario score (132 values, SCENARIOS
 * order; NaN scenarios left out) at every level: the overall mean resamples
 * countries and topics, a country's mean its topics, a topic's mean its countries.
 *
 * @example crossedMeanIntervals(rate.scenarios.f1, crossedWeights({ seed: 7 })).overall.ci95
 */
export function crossedMeanIntervals(values: ArrayLike<number>, w: CrossedWeights): CrossedIntervals {
  const { num, den } = meanTerms(values);
  return crossedRatioIntervals(num, den, w);
}

/**
 * Crossed interval of any statistic of the scenario weights (for measures
 * that are not ratios of scenario sums, e.g. the group-mean distance
 * |Σ w v / Σ w − Σ w a / Σ w| per value). `statistic` receives one reused
 * Float64Array of 132 weights w_ct = m_c · n_t: read it, do not keep it.
 *
 * @example crossedStatistic(w, (wt) => weightedMean(wt, scores)).ci95
 */
export function crossedStatistic(w: CrossedWeights, statistic: (weights: Float64Array) => number): Interval95 {
  return interval(w, crossedStatistics(w, statistic), "crossed");
}

/** The resampled values of {@link crossedStatistic}, one per resample (NaN kept). */
export function crossedStatistics(w: CrossedWeights, statistic: (weights: Float64Array) => number): Float64Array {
  const weights = new Float64Array(NS);
  const out = new Float64Array(w.resamples);
  for (let b = 0; b < w.resamples; b++) {
    for (let c = 0; c < NC; c++) {
      const mc = w.country[b * NC + c];
      for (let t = 0; t < NT; t++) weights[c * NT + t] = mc * w.topic[b * NT + t];
    }
    out[b] = statistic(weights);
  }
  return out;
}
