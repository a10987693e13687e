import { bootstrapCI, bootstrapMeanCI } from "./bootstrap";
import { accuracy, f1, type Confusion } from "./classification";
import type { Interval95 } from "./interval";

export interface ItemBootstrapOptions {
  seed: number;
  /** Resamples; default 1000. */
  resamples?: number;
  level?: number;
}

/**
 * Interval of a mean over independent items (scheme `items`), e.g. Table 8's
 * Task 2 column over its 50 pairs (the per-pair positive-choice shares of
 * promptAgreement.ts); NaN items are left out:
 *
 *   CI = percentile bootstrap of mean(x*) over resamples x* of the items
 *
 * @example itemsMeanInterval(paperTask2Agreement(pairs).perPair, { seed: 1 }).ci95
 */
export function itemsMeanInterval(perItem: ArrayLike<number>, opts: ItemBootstrapOptions): Interval95 {
  const resamples = opts.resamples ?? 1000;
  return {
    ci95: bootstrapMeanCI(perItem, { seed: opts.seed, iterations: resamples, level: opts.level }),
    scheme: "items",
    seed: opts.seed,
    resamples,
  };
}

/** Intervals of one setting of a paired-items comparison. */
export interface SettingIntervals {
  f1: Interval95;
  accuracy: Interval95;
  /** f1(setting) − f1(baseline) on the same resampled items (absent for the baseline itself). */
  f1GainVsBaseline?: Interval95;
}

/**
 * Table 14 intervals: several settings (prompt formats) scored on the SAME
 * test items, so every setting is resampled with the same item draws
 * (scheme `items-paired`), and the gain of each setting over the baseline is
 * a paired difference:
 *
 *   for b = 1..B: I_b = n item indices with replacement (one draw for all settings)
 *     F1_s(I_b), accuracy_s(I_b), F1_s(I_b) − F1_baseline(I_b)
 *   CI = percentile interval of each
 *
 * F1 with positive class True (sklearn semantics, classification.ts). The
 * pairing works because bootstrapCI's draws depend only on (seed, n): every
 * statistic below sees the same I_b. `predictions[s][i]` is setting s's
 * prediction for item i (an unparsed reply as false, as the scorer does).
 *
 * @example pairedSettingsIntervals(labels, { default: p0, explanation: p1 }, { seed: 1 }).explanation.f1GainVsBaseline
 */
export function pairedSettingsIntervals<S extends string>(
  labels: ArrayLike<boolean>,
  predictions: Record<S, ArrayLike<boolean>>,
  opts: ItemBootstrapOptions & { baseline?: S },
): Record<S, SettingIntervals> {
  const n = labels.length;
  const settings = Object.keys(predictions) as S[];
  for (const s of settings) if (predictions[s].length !== n) throw new RangeError(`setting ${s}: ${predictions[s].length} predictions for ${n} items`);
  const resamples = opts.resamples ?? 1000;
  const boot = { seed: opts.seed, iterations: resamples, level: opts.level };
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const confusionOf = (pred: ArrayLike<boolean>, idx: Int32Array): Confusion => {
    c.tp = c.fp = c.fn = c.tn = 0;
    for (let k = 0; k < idx.length; k++) {
      const t = labels[idx[k]];
      const p = pred[idx[k]];
      if (t && p) c.tp++;
      else if (p) c.fp++;
      else if (t) c.fn++;
      else c.tn++;
    }
    return c;
  };
  const wrap = (ci: [number, number]): Interval95 => ({ ci95: ci, scheme: "items-paired", seed: opts.seed, resamples });
  const base = opts.baseline ?? (settings.includes("default" as S) ? ("default" as S) : undefined);
  const out = {} as Record<S, SettingIntervals>;
  for (const s of settings) {
    const pred = predictions[s];
    const r: SettingIntervals = {
      f1: wrap(bootstrapCI(n, (idx) => f1(confusionOf(pred, idx)), boot)),
      accuracy: wrap(bootstrapCI(n, (idx) => accuracy(confusionOf(pred, idx)), boot)),
    };
    if (base !== undefined && s !== base) {
      const bp = predictions[base];
      r.f1GainVsBaseline = wrap(bootstrapCI(n, (idx) => f1(confusionOf(pred, idx)) - f1(confusionOf(bp, idx)), boot));
    }
    out[s] = r;
  }
  return out;
}
