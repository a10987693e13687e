import { alignmentRate } from "../analysis/alignmentRate";
import type { Matrix } from "../analysis/matrix";
import { crossedPairedTest } from "../analysis/paired";
import type { Protocol } from "../protocol";
import { comparisonJson, withBhQ } from "./comparisonJson";
import type { ComparisonJson } from "./schema";

/**
 * Pairwise tests between models on the scenarios they share (issue 14 item 5):
 * for each pair (a, b) and measure m in {f1, kappa}, the per-scenario scores
 * m_s of both models (SCENARIOS order, NaN where a model has no score) go to
 * `crossedPairedTest`: D = mean over shared scenarios of (m_a,s − m_b,s), its
 * crossed-bootstrap 95% CI (countries and topics resampled independently, the
 * same draws for both models) and the inverted two-sided p. q = the
 * Benjamini-Hochberg adjustment over all pairs of one measure. Models of
 * different protocols are not compared (their measures differ by definition).
 */
export interface ComparedModel {
  model: string;
  protocol: Protocol;
  V: Matrix | null;
  A: Matrix | null;
}

export const COMPARED_MEASURES = ["f1", "kappa"] as const;

export function compareModels(models: readonly ComparedModel[], opts: { seed: number; resamples: number }): ComparisonJson[] {
  const usable = models.filter((m) => m.V !== null && m.A !== null);
  const rates = usable.map((m) => alignmentRate(m.V!, m.A!, { protocol: m.protocol }));
  const out: ComparisonJson[] = [];
  for (const measure of COMPARED_MEASURES) {
    const mine: ComparisonJson[] = [];
    for (let i = 0; i < usable.length; i++)
      for (let j = i + 1; j < usable.length; j++) {
        if (usable[i].protocol !== usable[j].protocol) continue;
        const r = crossedPairedTest(rates[i].scenarios[measure], rates[j].scenarios[measure], { seed: opts.seed, resamples: opts.resamples });
        if (r.n > 0) mine.push(comparisonJson("model", measure, usable[i].model, usable[j].model, r));
      }
    out.push(...withBhQ(mine));
  }
  return out;
}
