import type { CI } from "../analysis/bootstrap";
import { accuracy, confusion, f1, precision, recall } from "../analysis/classification";
import { hashSeed, makeRng } from "../analysis/random";
import { scenarioKey } from "../catalog";
import { rocAuc } from "./auc";
import { clusterIntervals, clustersOf, type Clusters, type Predictions } from "./clustered";
import { groupedStratifiedFolds } from "./cv";
import { featureMatrix, type FeatureMatrix } from "./features";
import type { GapExample, LabelKind } from "./labels";
import type { LogisticOptions } from "./logistic";
import {
  L2_GRID,
  logisticGrid,
  logisticPredictor,
  majorityPredictor,
  MIN_COUNT_GRID,
  stratifiedRandomPredictor,
  type Model,
  type Params,
  type Predictor,
} from "./predictors";
import type { Setting } from "./settings";
import { topFeatures, type TopFeature } from "./topFeatures";

/**
 * Evaluate every setting of one (target, label) by nested grouped
 * cross-validation (issue 11 item 3):
 *
 * - outer: `folds` stratified folds grouped by scenario (or by value,
 *   `groupBy: "value"`, to test generalization to unseen values), the same
 *   folds for every setting so their predictions are paired;
 * - inner: inside each outer training set, `innerFolds` grouped folds; every
 *   candidate of the predictor's grid (L2 × minimum count for text, L2 for
 *   one-hots) is scored by its pooled inner out-of-fold AUC, the best one
 *   (first on ties) is refitted on the whole outer training set and scores
 *   the outer test fold. No test row is seen by training, vocabulary cut or tuning.
 *
 * Reported per setting: pooled out-of-fold AUC/F1/accuracy/precision/recall
 * with 95% CIs from the scenario cluster bootstrap (clustered.ts), and the
 * mean over outer folds with a t interval, mean ± t_{K−1, 0.975}·sd/√K.
 *
 * Seeds: each stream is makeRng(hashSeed(`${seed}:<purpose>:<target>:<label>[:...]`)),
 * so adding a setting or target never changes the numbers of another.
 */
export interface EvaluateOptions {
  folds: number;
  innerFolds: number;
  seed: number;
  bootstrap: number;
  groupBy: "scenario" | "value";
  l2Grid: readonly number[];
  minCountGrid: readonly number[];
  logistic: Partial<LogisticOptions>;
  topK: number;
  log?: (line: string) => void;
}

export const DEFAULT_EVALUATE_OPTIONS: EvaluateOptions = {
  folds: 5,
  innerFolds: 2,
  seed: 42,
  bootstrap: 1000,
  groupBy: "scenario",
  l2Grid: L2_GRID,
  minCountGrid: MIN_COUNT_GRID,
  logistic: {},
  topK: 15,
};

export interface FoldSummary {
  mean: number;
  ci95: CI;
  values: number[];
}

export interface SettingResult {
  setting: string;
  text: boolean;
  predictor: Setting["predictor"];
  n: number;
  columns: number;
  auc: number | null;
  f1: number;
  accuracy: number;
  precision: number;
  recall: number;
  /** Scenario cluster bootstrap of the pooled out-of-fold scores. */
  ci95: { auc: CI | null; f1: CI };
  /** Per outer fold, then mean and t interval over the folds. */
  folds: { auc: FoldSummary; f1: FoldSummary };
  /** Hyper-parameters chosen by the inner CV in each outer fold. */
  chosen: Params[];
  /** Heaviest weights of the model refitted on all rows with the most often chosen parameters (logistic settings). */
  top?: { positive: TopFeature[]; negative: TopFeature[] };
}

export interface TargetLabelResult {
  target: string;
  label: LabelKind;
  n: number;
  positives: number;
  scenarios: number;
  groupBy: "scenario" | "value";
  settings: SettingResult[];
  /** Out-of-fold predictions per setting (not serialized). */
  predictions: Map<string, Predictions>;
  y: Uint8Array;
  clusters: Clusters;
  notes: string[];
}

const rngFor = (seed: number, ...parts: (string | number)[]) => makeRng(hashSeed([seed, ...parts].join(":")));

/** Student t 0.975 quantiles for 1..30 degrees of freedom (then the normal 1.96). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Mean and t interval of per-fold values: mean ± t_{K−1,0.975}·sd/√K (sd with K−1). Example: [1,2,3] → 2 ± 4.303·1/√3. */
export function foldSummary(values: number[]): FoldSummary {
  const v = values.filter((x) => Number.isFinite(x));
  const k = v.length;
  const mean = k ? v.reduce((s, x) => s + x, 0) / k : NaN;
  if (k < 2) return { mean, ci95: [NaN, NaN], values };
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1));
  const h = (T975[k - 2] ?? 1.96) * (sd / Math.sqrt(k));
  return { mean, ci95: [mean - h, mean + h], values };
}

function predictorFor(setting: Setting, m: FeatureMatrix | null, y: Uint8Array, o: EvaluateOptions): Predictor {
  if (setting.predictor === "majority") return majorityPredictor(y);
  if (setting.predictor === "stratified-random") return stratifiedRandomPredictor(y);
  return logisticPredictor(m!, y, logisticGrid(setting.text, o.l2Grid, o.minCountGrid), o.logistic);
}

const sameParams = (a: Params, b: Params) => a.l2 === b.l2 && a.minCount === b.minCount;

/** Pick the grid candidate with the best pooled inner out-of-fold AUC (first on ties). */
function tune(p: Predictor, y: Uint8Array, train: Int32Array, innerFold: Int32Array, k: number, seedParts: () => ReturnType<typeof makeRng>): Params {
  if (p.grid.length === 1) return p.grid[0];
  let best = p.grid[0];
  let bestAuc = -Infinity;
  for (const params of p.grid) {
    const score = new Float64Array(train.length);
    const rng = seedParts();
    for (let f = 0; f < k; f++) {
      const tr: number[] = [];
      const te: number[] = [];
      for (let r = 0; r < train.length; r++) (innerFold[r] === f ? te : tr).push(train[r]);
      const s = p.fit(tr, params, rng, true).predict(te).score;
      let q = 0;
      for (let r = 0; r < train.length; r++) if (innerFold[r] === f) score[r] = s[q++];
    }
    const yy = Uint8Array.from(train, (i) => y[i]);
    const auc = rocAuc(yy, score) ?? -1;
    if (auc > bestAuc + 1e-12) {
      bestAuc = auc;
      best = params;
    }
  }
  return best;
}

export function evaluateTarget(
  target: string,
  label: LabelKind,
  examples: readonly GapExample[],
  settings: readonly Setting[],
  options: Partial<EvaluateOptions> = {},
): TargetLabelResult {
  const o = { ...DEFAULT_EVALUATE_OPTIONS, ...options };
  const log = o.log ?? (() => {});
  const y = Uint8Array.from(examples, (e) => e.label);
  const scenarioKeys = examples.map((e) => scenarioKey(e));
  const clusters = clustersOf(scenarioKeys);
  const groups = o.groupBy === "value" ? examples.map((e) => e.value) : scenarioKeys;
  const positives = y.reduce((s, v) => s + v, 0);
  const result: TargetLabelResult = {
    target,
    label,
    n: examples.length,
    positives,
    scenarios: clusters.count,
    groupBy: o.groupBy,
    settings: [],
    predictions: new Map(),
    y,
    clusters,
    notes: [],
  };
  const nGroups = new Set(groups).size;
  if (positives === 0 || positives === examples.length || nGroups < o.folds) {
    result.notes.push(
      `${target} / ${label}: not evaluated (${examples.length} examples, ${positives} positive, ${nGroups} ${o.groupBy} groups; need both classes and at least ${o.folds} groups)`,
    );
    return result;
  }
  const fold = groupedStratifiedFolds(groups, y, o.folds, rngFor(o.seed, "folds", target, label));
  const trainRows: Int32Array[] = [];
  const testRows: Int32Array[] = [];
  const innerFolds: Int32Array[] = [];
  for (let f = 0; f < o.folds; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < y.length; i++) (fold[i] === f ? te : tr).push(i);
    trainRows.push(Int32Array.from(tr));
    testRows.push(Int32Array.from(te));
    const trGroups = tr.map((i) => groups[i]);
    const trY = Uint8Array.from(tr, (i) => y[i]);
    const k = Math.min(o.innerFolds, new Set(trGroups).size);
    innerFolds.push(k >= 2 ? groupedStratifiedFolds(trGroups, trY, k, rngFor(o.seed, "inner-folds", target, label, f)) : new Int32Array(tr.length));
  }
  for (const setting of settings) {
    const t0 = Date.now();
    const m = setting.predictor === "logistic" ? featureMatrix(examples, setting.functions) : null;
    const predictor = predictorFor(setting, m, y, o);
    const score = new Float64Array(y.length);
    const pred = new Uint8Array(y.length);
    const chosen: Params[] = [];
    const foldAuc: number[] = [];
    const foldF1: number[] = [];
    for (let f = 0; f < o.folds; f++) {
      let k = 0;
      for (const x of innerFolds[f]) k = Math.max(k, x + 1);
      const innerRng = rngFor(o.seed, "inner-train", target, label, setting.id, f);
      const params = tune(predictor, y, trainRows[f], innerFolds[f], k, () => innerRng);
      chosen.push(params);
      const model: Model = predictor.fit(trainRows[f], params, rngFor(o.seed, "train", target, label, setting.id, f));
      const out = model.predict(testRows[f]);
      const yt = Uint8Array.from(testRows[f], (i) => y[i]);
      testRows[f].forEach((i, r) => {
        score[i] = out.score[r];
        pred[i] = out.pred[r];
      });
      foldAuc.push(rocAuc(yt, out.score) ?? NaN);
      foldF1.push(f1(confusion(yt, out.pred)));
    }
    const p = { score, pred };
    result.predictions.set(setting.id, p);
    const c = confusion(y, pred);
    const ci = clusterIntervals(y, p, clusters, o.bootstrap, hashSeed(`${o.seed}:bootstrap:${target}:${label}:${setting.id}`));
    const auc = rocAuc(y, score);
    const r: SettingResult = {
      setting: setting.id,
      text: setting.text,
      predictor: setting.predictor,
      n: y.length,
      columns: m ? m.cols : 0,
      auc,
      f1: f1(c),
      accuracy: accuracy(c),
      precision: precision(c),
      recall: recall(c),
      ci95: { auc: setting.predictor === "majority" ? null : ci.auc, f1: ci.f1 },
      folds: { auc: foldSummary(foldAuc), f1: foldSummary(foldF1) },
      chosen,
    };
    if (m && o.topK > 0) r.top = topFeatures(m, predictor, modal(chosen), o.topK, rngFor(o.seed, "final", target, label, setting.id));
    result.settings.push(r);
    log(`${target} / ${label} / ${setting.id}: nested ${o.folds}x${o.innerFolds} CV on ${y.length} rows x ${m?.cols ?? 0} columns in ${Date.now() - t0} ms, AUC ${auc?.toFixed(3)}`);
  }
  return result;
}

/** The most often chosen candidate (first chosen on ties). */
function modal(chosen: readonly Params[]): Params {
  let best = chosen[0];
  let bestCount = 0;
  for (const c of chosen) {
    const n = chosen.filter((d) => sameParams(c, d)).length;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
