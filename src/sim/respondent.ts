import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { GROUPS, GROUP_OF, VALUES, VALUE_INDEX, type Value, type ValueGroup } from "../catalog/values";
import { scenarioIndex } from "../catalog/scenarios";
import {
  CONTESTED_GAP_BOOST,
  CONTESTED_RATE,
  COUNTRY_GAP_FACTOR,
  CUE_RATE,
  GROUP_GAP_RATE,
  GROUP_LIKERT,
  HEDGE_CUES,
  MAX_GAP_PROBABILITY,
  CELL_NOISE,
  CELL_NOISE_MEAN,
  TRADITION_TILT,
  TRADITION_WEIGHT,
  VALUE_SHIFT,
} from "./planted";
import { normal, unit } from "./random";
import { refusalTruth, type RefusalTruth } from "./refusals";

/**
 * The latent respondent of the simulator (pure; see planted.ts for the formulas
 * and constants). One cell per (country, topic, value), 132 × 56 = 7,392 cells
 * in matrix order (scenario-major, values in group order).
 */
export interface RespondentCell {
  country: Country;
  topic: Topic;
  value: Value;
  group: ValueGroup;
  /** Latent stated position on the Likert scale, 1 (strongly agree) .. 4 (strongly disagree). */
  latent: number;
  /** Probabilities of answering 1, 2, 3, 4 in one Task 1 prompt. */
  likert: readonly [number, number, number, number];
  /** Expected Task 1 answer = Σ k·P(k). */
  statedMean: number;
  /** Stated binarized: true = disagree (latent ≥ 2.5), the paper's positive class. */
  statedDisagree: boolean;
  /** Planted probability that this cell is a gap cell. */
  gapProbability: number;
  /** Whether this cell is a planted gap cell (acts against what it states). */
  gap: boolean;
  /** Probability of picking the positive action in one Task 2 prompt. */
  pPositive: number;
  /** Probability that one Task 2 choice departs from the stated (binarized) inclination. */
  pDepart: number;
  /** The cell's per-answer flip probabilities (CELL_NOISE): Task 1 rating to the other side, Task 2 choice against the inclination. */
  noise: { task1: number; task2: number };
  /** The acting inclination: true = picks the positive action (the more likely choice). */
  actsPositive: boolean;
}

export interface Respondent {
  seed: number;
  cells: readonly RespondentCell[];
  cell(country: Country, topic: Topic, value: Value): RespondentCell;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Task 1 answer distribution of a latent position z with flip probability η
 * (the cell's Task 1 noise; default the mean of CELL_NOISE): with 1 − η the
 * answer stays on z's side of 2.5 and is 1 or 2 (or 3 or 4) by linear
 * interpolation; with η it lands on the nearest option of the other side (2 or 3).
 */
export function likertDistribution(z: number, flip: number = CELL_NOISE_MEAN): [number, number, number, number] {
  const stay = 1 - flip;
  if (z < 2.5) {
    const p2 = clamp((z - 1) / 1.5, 0.05, 0.95);
    return [stay * (1 - p2), stay * p2, flip, 0];
  }
  const p4 = clamp((z - 2.5) / 1.5, 0.05, 0.95);
  return [0, flip, stay * (1 - p4), stay * p4];
}

/** A cell's noise level: max · u^shape (planted.ts, CELL_NOISE). */
function cellNoise(seed: number, task: "task1" | "task2", country: Country, topic: Topic, value: Value): number {
  return CELL_NOISE.max * Math.pow(unit(seed, `noise-${task}`, country, topic, value), CELL_NOISE.shape);
}

/** Draw one Likert answer from a distribution with a unit draw u. */
export function drawLikert(p: readonly number[], u: number): 1 | 2 | 3 | 4 {
  let acc = 0;
  for (let k = 0; k < 4; k++) {
    acc += p[k];
    if (u < acc) return (k + 1) as 1 | 2 | 3 | 4;
  }
  return 4;
}

export function gapProbability(country: Country, value: Value): number {
  return Math.min(MAX_GAP_PROBABILITY, GROUP_GAP_RATE[GROUP_OF[value]] * COUNTRY_GAP_FACTOR[country]);
}

/** Options of the simulated respondent (planted.ts). */
export interface RespondentOptions {
  /** Plant the non-leaky "contested cell" signal in generated explanations (planted.ts CONTESTED_*). Default false. */
  explanationSignal?: boolean;
}

/** Whether a cell is "contested" (planted.ts CONTESTED_RATE); only used when the explanation signal is on. */
export function contested(seed: number, country: Country, topic: Topic, value: Value): boolean {
  return unit(seed, "contested", country, topic, value) < CONTESTED_RATE;
}

function buildCell(seed: number, country: Country, topic: Topic, value: Value, options: RespondentOptions = {}): RespondentCell {
  const group = GROUP_OF[value];
  const z = clamp(
    GROUP_LIKERT[group] +
      (VALUE_SHIFT[value] ?? 0) +
      0.15 * normal(seed, "value", value) +
      TRADITION_TILT[country] * TRADITION_WEIGHT[group] +
      0.15 * normal(seed, "topic", topic, group) +
      0.35 * normal(seed, "cell", country, topic, value),
    1,
    4,
  );
  const noise = { task1: cellNoise(seed, "task1", country, topic, value), task2: cellNoise(seed, "task2", country, topic, value) };
  const likert = likertDistribution(z, noise.task1);
  const statedMean = likert.reduce((s, p, k) => s + p * (k + 1), 0);
  const statedDisagree = z >= 2.5;
  const boost = options.explanationSignal && contested(seed, country, topic, value) ? CONTESTED_GAP_BOOST : 0;
  const gapP = Math.min(MAX_GAP_PROBABILITY, gapProbability(country, value) + boost);
  const gap = unit(seed, "gap", country, topic, value) < gapP;
  // Acting inclination: positive when the stated view is agree, unless this is a gap cell.
  const actsPositive = statedDisagree === gap;
  const pPositive = actsPositive ? 1 - noise.task2 : noise.task2;
  const pDepart = gap ? 1 - noise.task2 : noise.task2;
  return { country, topic, value, group, latent: z, likert, statedMean, statedDisagree, gapProbability: gapP, gap, pPositive, pDepart, noise, actsPositive };
}

const cache = new Map<string, Respondent>();

/** The respondent of a seed (and options), built once per process (7,392 cells, a few ms) and cached. */
export function respondent(seed: number, options: RespondentOptions = {}): Respondent {
  const key = `${seed}:${options.explanationSignal ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const cells: RespondentCell[] = [];
  for (const country of COUNTRIES)
    for (const topic of TOPICS) for (const value of VALUES) cells.push(buildCell(seed, country, topic, value, options));
  const r: Respondent = {
    seed,
    cells,
    cell: (country, topic, value) => cells[scenarioIndex(country, topic) * VALUES.length + VALUE_INDEX[value]],
  };
  cache.set(key, r);
  return r;
}

export interface Rates {
  overall: number;
  byGroup: Record<ValueGroup, number>;
  byCountry: Record<Country, number>;
}

/** Mean of f over cells, overall, per value group and per country. */
export function ratesOf(cells: readonly RespondentCell[], f: (c: RespondentCell) => number): Rates {
  const mean = (xs: readonly RespondentCell[]) => (xs.length ? xs.reduce((s, c) => s + f(c), 0) / xs.length : NaN);
  return {
    overall: mean(cells),
    byGroup: Object.fromEntries(GROUPS.map((g) => [g, mean(cells.filter((c) => c.group === g))])) as Record<ValueGroup, number>,
    byCountry: Object.fromEntries(COUNTRIES.map((k) => [k, mean(cells.filter((c) => c.country === k))])) as Record<Country, number>,
  };
}

/** Behaviour switches of the simulated model that change what it answers (and so what its ground truth says). */
export interface SimBehaviour {
  /**
   * Share (0..1, default 0) of cells whose Task 2 prompts are answered by
   * position, always "Option 1", whatever the options say: a primacy bias.
   * Under counterbalanced option order such a cell's two orders pick
   * different actions (an undecided pair); under the paper's fixed order
   * (negative action first) it reads as acting against the value.
   */
  positionBias?: number;
  /** Plant the non-leaky contested-cell signal (RespondentOptions.explanationSignal). */
  explanationSignal?: boolean;
  /** Probability (0..1, default 0) that a request on a refusal-prone cell is declined (refusals.ts). */
  refusalRate?: number;
}

/**
 * Whether a cell answers Task 2 by position: unit(seed, "position-bias", c, t, v) < share.
 * One draw per cell, independent of every other draw, so the biased cells are a
 * seeded random subset and the cells left alone answer exactly as without the bias.
 */
export function positionBiased(seed: number, share: number, country: Country, topic: Topic, value: Value): boolean {
  return share > 0 && unit(seed, "position-bias", country, topic, value) < share;
}

export interface GroundTruthCell {
  country: Country;
  topic: Topic;
  value: Value;
  group: ValueGroup;
  /** Expected Task 1 Likert answer (1 = strongly agree .. 4 = strongly disagree). */
  statedMean: number;
  /** Stated binarized as in the paper: "disagree" when the latent position is ≥ 2.5. */
  stated: "agree" | "disagree";
  /** Probability of choosing the positive action in one Task 2 prompt. */
  pPositive: number;
  /** Probability that one Task 2 choice departs from `stated`. */
  pDepart: number;
  /** Planted gap cell: acts against what it states. */
  gap: boolean;
  /** The acting inclination: "agree" = picks the positive action (pPositive > 0.5). */
  acted: "agree" | "disagree";
  /** Per-answer flip probabilities of this cell (CELL_NOISE): the truth behind the confidence signals. */
  noise: { task1: number; task2: number };
  /** Task 2 answered by position ("Option 1") instead of by the cell's inclination (SimBehaviour.positionBias). */
  positionBiased: boolean;
}

export interface GroundTruth {
  simulated: true;
  seed: number;
  /** 7,392 cells in matrix order: scenario-major (country-major), values in group order. */
  cells: GroundTruthCell[];
  /** Planted gap-cell probability (constants, independent of the seed). */
  plantedGapRate: Rates;
  /** Share of gap cells drawn for this seed. */
  realizedGapRate: Rates;
  /** Mean probability that a Task 2 choice departs from the stated view: what an analysis should observe. */
  expectedDepartureRate: Rates;
  /** Share of cells stated "disagree". */
  statedDisagreeShare: number;
  /** The position-bias switch: planted share, and the cells drawn for this seed (count and share of all 7,392). */
  positionBias: { planted: number; cells: number; realizedShare: number };
  /** Planted refusals: the rate and the refusal-prone values and scenarios (refusals.ts). */
  refusals: RefusalTruth;
  constants: {
    groupGapRate: Record<ValueGroup, number>;
    countryGapFactor: Record<Country, number>;
    maxGapProbability: number;
    /** Per-cell noise η = max · u^shape and its mean over cells. */
    cellNoise: { max: number; shape: number; mean: number };
    cueRate: { gap: number; nonGap: number };
    hedgeCues: readonly string[];
  };
}

/** Everything the simulator planted for a seed (and behaviour), for tests and notebooks to check recovery against. */
export function groundTruth(seed: number, behaviour: SimBehaviour = {}): GroundTruth {
  const r = respondent(seed, behaviour);
  const share = behaviour.positionBias ?? 0;
  const biased = r.cells.map((c) => positionBiased(seed, share, c.country, c.topic, c.value));
  const biasedCount = biased.filter(Boolean).length;
  return {
    simulated: true,
    seed,
    cells: r.cells.map((c, k) => ({
      country: c.country,
      topic: c.topic,
      value: c.value,
      group: c.group,
      statedMean: c.statedMean,
      stated: c.statedDisagree ? "disagree" : "agree",
      pPositive: c.pPositive,
      pDepart: c.pDepart,
      gap: c.gap,
      acted: c.actsPositive ? "agree" : "disagree",
      noise: c.noise,
      positionBiased: biased[k],
    })),
    plantedGapRate: ratesOf(r.cells, (c) => c.gapProbability),
    realizedGapRate: ratesOf(r.cells, (c) => (c.gap ? 1 : 0)),
    expectedDepartureRate: ratesOf(r.cells, (c) => c.pDepart),
    statedDisagreeShare: r.cells.filter((c) => c.statedDisagree).length / r.cells.length,
    positionBias: { planted: share, cells: biasedCount, realizedShare: biasedCount / r.cells.length },
    refusals: refusalTruth(seed, behaviour.refusalRate ?? 0),
    constants: {
      groupGapRate: GROUP_GAP_RATE,
      countryGapFactor: COUNTRY_GAP_FACTOR,
      maxGapProbability: MAX_GAP_PROBABILITY,
      cellNoise: { ...CELL_NOISE, mean: CELL_NOISE_MEAN },
      cueRate: CUE_RATE,
      hedgeCues: HEDGE_CUES,
    },
  };
}
