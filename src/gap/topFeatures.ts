import type { Rng } from "../analysis/random";
import type { FeatureMatrix } from "./features";
import type { Params, Predictor } from "./predictors";

/** One named feature and its weight in a refitted model. */
export interface TopFeature {
  feature: string;
  weight: number;
}

/**
 * Top features: refit on ALL rows with the given parameters and list the K
 * largest positive and negative weights by feature key (weights on the raw
 * feature scale: per count of an n-gram, per one-hot). For reading, not for scoring.
 */
export function topFeatures(m: FeatureMatrix, p: Predictor, params: Params, k: number, rng: Rng): { positive: TopFeature[]; negative: TopFeature[] } {
  const all = Int32Array.from({ length: m.rows }, (_, i) => i);
  const w = p.fit(all, params, rng).weights!;
  const cols = Array.from({ length: m.cols - 1 }, (_, i) => i + 1);
  const pick = (sign: 1 | -1) =>
    cols
      .filter((j) => sign * w[j] > 0)
      .sort((a, b) => sign * (w[b] - w[a]) || a - b)
      .slice(0, k)
      .map((j) => ({ feature: m.keys[j], weight: w[j] }));
  return { positive: pick(1), negative: pick(-1) };
}
