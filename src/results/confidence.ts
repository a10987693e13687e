import { SCENARIOS, scenarioKey } from "../catalog/scenarios";
import { VALUE_COLS } from "../analysis/matrix";
import { crossedMeanIntervals, crossedRatioIntervals, type CrossedWeights } from "../analysis/crossedBootstrap";
import { gapConfidence, gapConfidenceFromExamples, type GapConfidence } from "../analysis/gapConfidence";
import type { UnitConfidence } from "../analysis/confidence";
import type { Matrix } from "../analysis/matrix";
import type { Protocol } from "../protocol";
import type { ConfidenceJson } from "./schema";

/** What the confidence section is computed from (issue 12 item 3). */
export interface ConfidenceInput {
  /** Signals of every Task 1 cell (analysis/confidence.ts task1Confidence). */
  task1: UnitConfidence;
  /** Signals of every Task 2 pair, when the run has Task 2 answers. */
  task2?: UnitConfidence | null;
  /** Usable Task 2 choices per cell (ActedMatrix.answered): the cells with a real choice. */
  actedAnswered?: Matrix | null;
  /** Without Task 2 choices: the gap cells the published misaligned examples list (matrix units). */
  exampleGapUnits?: readonly number[];
  /** Every cell's confidence (analysis/confidence.ts cellConfidenceVector), stored per cell. */
  cells?: Float64Array;
}

const round3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : NaN);

/**
 * The `confidence` entry of a model: the gap/unanimity figures of
 * analysis/gapConfidence.ts with crossed intervals of each ratio (countries ×
 * topics resampled, the same weights as every other interval of the entry),
 * the F1 on confident cells with its crossed interval, the signals the run
 * supports and every cell's confidence. Null when there is no Task 1 answer.
 * Gaps come from the Task 2 choices, else from the published misaligned
 * examples, else are unknown (`task1-only`: only the unanimity is given).
 */
export function confidenceJson(V: Matrix | null, A: Matrix | null, protocol: Protocol, input: ConfidenceInput, w: CrossedWeights): ConfidenceJson | null {
  let g: GapConfidence;
  if (V && A && input.actedAnswered) g = gapConfidence(V, A, input.actedAnswered, input.task1, protocol);
  else if (input.exampleGapUnits) g = gapConfidenceFromExamples(input.task1, input.exampleGapUnits);
  else g = { ...gapConfidenceFromExamples(input.task1, []), source: "task1-only" };
  if (g.counts.cells === 0) return null;
  const r = g.perRow;
  const ci = (num: Float64Array, den: Float64Array) => crossedRatioIntervals(num, den, w).overall.ci95;
  const gapsAll = r.gapsUnanimous.map((x, i) => x + r.gapsNotUnanimous[i]);
  const f1 = g.source === "task2" ? crossedMeanIntervals(g.f1ConfidentPerScenario, w).overall : null;
  // Without any gap information only the unanimity is known.
  const gapsKnown = g.source !== "task1-only";
  const known = (x: number) => (gapsKnown ? x : NaN);
  const knownCi = (c: [number, number]): [number, number] => (gapsKnown ? c : [NaN, NaN]);
  const out: ConfidenceJson = {
    source: g.source,
    unanimousShare: g.unanimousShare,
    gapRateUnanimous: known(g.gapRateUnanimous),
    gapRateNotUnanimous: known(g.gapRateNotUnanimous),
    shareOfGapsInLowConfidence: known(g.shareOfGapsInLowConfidence),
    f1Confident: f1 ? { value: g.f1Confident, ci95: f1.ci95, scheme: f1.scheme, seed: w.seed, resamples: w.resamples } : null,
    ci95: {
      unanimousShare: ci(r.unanimous, r.cells),
      gapRateUnanimous: knownCi(ci(r.gapsUnanimous, r.comparedUnanimous)),
      gapRateNotUnanimous: knownCi(ci(r.gapsNotUnanimous, r.comparedNotUnanimous)),
      shareOfGapsInLowConfidence: knownCi(ci(r.gapsNotUnanimous, gapsAll)),
      scheme: "crossed",
      seed: w.seed,
      resamples: w.resamples,
    },
    counts: gapsKnown ? g.counts : { ...g.counts, comparedUnanimous: 0, comparedNotUnanimous: 0 },
    signals: { task1: Object.keys(input.task1.signals), task2: Object.keys(input.task2?.signals ?? {}) },
  };
  if (input.cells) {
    const cells = input.cells;
    out.cells = Object.fromEntries(
      SCENARIOS.flatMap((s, i) => {
        const row = Array.from(cells.subarray(i * VALUE_COLS, (i + 1) * VALUE_COLS), round3);
        return row.some(Number.isFinite) ? [[scenarioKey(s), row]] : [];
      }),
    );
  }
  return out;
}
