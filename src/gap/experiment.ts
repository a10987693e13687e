import { hashSeed, makeRng, type Rng } from "../analysis/random";
import { scenarioKey } from "../catalog";
import { groupedStratifiedFolds } from "./cv";
import { FeatureExtractor, type FeatureMatrix, type FeatureOptions } from "./features";
import { examplesFor, type GapExample, type LabelKind, type PairInput } from "./labels";
import { DEFAULT_LOGISTIC_OPTIONS, trainLogistic, type LogisticOptions } from "./logistic";
import { bootstrapCi, pairedGroupBootstrap, scorePredictions, type Interval, type PairedDifference, type Scores } from "./metrics";
import { EXPLANATION_SETTINGS, SETTINGS, type Setting } from "./settings";
import { fitStandardizer } from "./standardize";

/**
 * The gap-prediction experiment: for every target model and label kind,
 * seeded grouped-stratified k-fold CV of the logistic model in every feature
 * setting, plus majority and random baselines, pooled out-of-fold scores with
 * bootstrap CIs, the paired effect of the best explanation setting over
 * `action`, and the heaviest weights of the best setting.
 *
 * Seeds: every random stream is makeRng(hashSeed(`${seed}:<purpose>:<target>:<label>[:<setting>]`)),
 * so adding a target or setting never changes the numbers of another.
 */
export type Method = "logistic" | "majority" | "random" | "fewshot";

export interface ExperimentRow extends Scores {
  target: string;
  label: LabelKind;
  setting: Setting;
  method: Method;
  ci95: { f1: Interval | null; auc: Interval | null };
}

export interface TopFeature {
  column: number;
  name: string;
  weight: number;
}

export interface TopFeatures {
  setting: Setting;
  /** Largest positive weights (push towards label 1) then largest negative ones, standardized scale. */
  positive: TopFeature[];
  negative: TopFeature[];
}

export interface Effect {
  target: string;
  label: LabelKind;
  baseline: Setting;
  setting: Setting;
  /** best explanation setting minus `action`, logistic; CI from the paired scenario bootstrap. */
  difference: PairedDifference;
}

export interface GapTarget {
  id: string;
  pairs: readonly PairInput[];
}

export interface GapExperimentOptions {
  folds: number;
  seed: number;
  bootstrap: number;
  features: Partial<FeatureOptions>;
  logistic: Partial<LogisticOptions>;
  labels: readonly LabelKind[];
  /** Settings to try; those without data (target-explanation when no target explained) are skipped with a note. */
  settings: readonly Setting[];
  topK: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export const DEFAULT_GAP_OPTIONS: GapExperimentOptions = {
  folds: 5,
  seed: 42,
  bootstrap: 1000,
  features: {},
  logistic: {},
  labels: ["gap", "choice"],
  settings: SETTINGS,
  topK: 15,
};

export interface GapResults {
  experiments: ExperimentRow[];
  top_features: Record<string, Partial<Record<LabelKind, TopFeatures>>>;
  effects: Effect[];
  /** Class balance and sizes per target and label. */
  data: { target: string; label: LabelKind; n: number; positives: number; scenarios: number }[];
  notes: string[];
  options: { folds: number; seed: number; bootstrap: number; features: FeatureOptions; logistic: LogisticOptions };
}

const rngFor = (seed: number, ...parts: string[]) => makeRng(hashSeed([seed, ...parts].join(":")));

export function runGapExperiment(targets: readonly GapTarget[], options: Partial<GapExperimentOptions> = {}): GapResults {
  const o = { ...DEFAULT_GAP_OPTIONS, ...options };
  const log = o.log ?? (() => {});
  const extractor = new FeatureExtractor(o.features);
  const logistic = { ...DEFAULT_LOGISTIC_OPTIONS, ...o.logistic };
  const results: GapResults = {
    experiments: [],
    top_features: {},
    effects: [],
    data: [],
    notes: [],
    options: { folds: o.folds, seed: o.seed, bootstrap: o.bootstrap, features: extractor.options, logistic },
  };
  for (const target of targets) {
    for (const label of o.labels) {
      const examples = examplesFor(label, target.pairs);
      const y = Uint8Array.from(examples, (e) => e.label);
      const groups = examples.map((e) => scenarioKey(e));
      const positives = y.reduce((s, v) => s + v, 0);
      const scenarios = new Set(groups).size;
      results.data.push({ target: target.id, label, n: examples.length, positives, scenarios });
      if (positives === 0 || positives === examples.length || scenarios < o.folds) {
        results.notes.push(
          `${target.id} / ${label}: skipped (${examples.length} examples, ${positives} positive, ${scenarios} scenarios; need both classes and at least ${o.folds} scenarios)`,
        );
        continue;
      }
      const fold = groupedStratifiedFolds(groups, y, o.folds, rngFor(o.seed, "folds", target.id, label));
      const settings = o.settings.filter((s) => {
        if (s !== "target-explanation") return true;
        const ok = examples.some((e) => e.targetExplanation);
        if (!ok) results.notes.push(`${target.id} / ${label}: target-explanation skipped (no Task 2 explanations from the target)`);
        return ok;
      });

      const majority = majorityBaseline(y, fold, o.folds);
      const random = randomBaseline(y, fold, o.folds, rngFor(o.seed, "random", target.id, label));
      const oof = new Map<Setting, { pred: Uint8Array; score: Float64Array; matrix: FeatureMatrix }>();
      for (const setting of settings) {
        const t0 = Date.now();
        const matrix = extractor.matrix(examples, setting);
        const { pred, score } = crossValidate(matrix, y, fold, o.folds, logistic, rngFor(o.seed, "train", target.id, label, setting));
        oof.set(setting, { pred, score, matrix });
        log(`${target.id} / ${label} / ${setting}: ${o.folds}-fold CV on ${examples.length} rows x ${matrix.cols} columns in ${Date.now() - t0} ms`);
        for (const [method, p] of [
          ["logistic", { pred, score }],
          ["majority", majority],
          ["random", random],
        ] as const) {
          const s = scorePredictions(y, p.pred, p.score);
          const ci = bootstrapCi(y, p.pred, p.score, o.bootstrap, rngFor(o.seed, "bootstrap", target.id, label, setting, method));
          results.experiments.push({ target: target.id, label, setting, method, ...s, ci95: ci });
        }
      }

      // the best setting by pooled out-of-fold AUC (F1 breaks ties)
      const rank = (s: Setting) => {
        const r = results.experiments.find((e) => e.target === target.id && e.label === label && e.setting === s && e.method === "logistic")!;
        return [r.auc ?? -1, r.f1] as const;
      };
      const better = (a: Setting, b: Setting) => {
        const [x, y2] = [rank(a), rank(b)];
        return x[0] > y2[0] || (x[0] === y2[0] && x[1] > y2[1]);
      };
      const best = settings.reduce((a, b) => (better(b, a) ? b : a));
      const m = oof.get(best)!.matrix;
      const st = fitStandardizer(m, allRows(m.rows));
      const model = trainLogistic(m, allRows(m.rows), y, st, rngFor(o.seed, "final", target.id, label, best), logistic);
      const cols = Array.from({ length: m.cols - 1 }, (_, i) => i + 1);
      const topCols = (sign: 1 | -1) =>
        cols
          .filter((j) => sign * model.weights[j] > 0)
          .sort((a, b) => sign * (model.weights[b] - model.weights[a]) || a - b)
          .slice(0, o.topK);
      const [pos, neg] = [topCols(1), topCols(-1)];
      const names = extractor.describeColumns(m, examples, [...pos, ...neg]);
      const feature = (j: number, k: number): TopFeature => ({ column: j, name: names[k], weight: model.weights[j] });
      (results.top_features[target.id] ??= {})[label] = {
        setting: best,
        positive: pos.map((j, k) => feature(j, k)),
        negative: neg.map((j, k) => feature(j, pos.length + k)),
      };

      const explained = settings.filter((s) => EXPLANATION_SETTINGS.includes(s));
      if (oof.has("action") && explained.length > 0) {
        const bestExpl = explained.reduce((a, b) => (better(b, a) ? b : a));
        const a = oof.get("action")!;
        const b = oof.get(bestExpl)!;
        const difference = pairedGroupBootstrap(groups, y, a, b, o.bootstrap, rngFor(o.seed, "effect", target.id, label));
        results.effects.push({ target: target.id, label, baseline: "action", setting: bestExpl, difference });
      }
    }
  }
  return results;
}

const allRows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Out-of-fold probabilities and 0/1 predictions (threshold 0.5) of the logistic model. */
export function crossValidate(
  m: FeatureMatrix,
  y: Uint8Array,
  fold: Int32Array,
  k: number,
  logistic: Partial<LogisticOptions>,
  rng: Rng,
): { pred: Uint8Array; score: Float64Array } {
  const score = new Float64Array(m.rows);
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < m.rows; i++) (fold[i] === f ? test : train).push(i);
    const st = fitStandardizer(m, train);
    const model = trainLogistic(m, train, y, st, rng, logistic);
    const p = model.predictProba(m, test);
    for (let r = 0; r < test.length; r++) score[test[r]] = p[r];
  }
  return { pred: Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0)), score };
}

/** Majority class of each training fold; the score is one constant for all rows (it ranks nothing: AUC = 0.5). */
export function majorityBaseline(y: Uint8Array, fold: Int32Array, k: number): { pred: Uint8Array; score: Float64Array } {
  const rate = trainRates(y, fold, k);
  return {
    pred: Uint8Array.from(fold, (f) => (rate[f] > 0.5 ? 1 : 0)),
    score: new Float64Array(y.length).fill(0.5),
  };
}

/** Predict 1 with the training fold's base rate: u ~ U(0,1) seeded, pred = u < rate, score = 1 − u (so higher = more likely 1). */
export function randomBaseline(y: Uint8Array, fold: Int32Array, k: number, rng: Rng): { pred: Uint8Array; score: Float64Array } {
  const rate = trainRates(y, fold, k);
  const pred = new Uint8Array(y.length);
  const score = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const u = rng.next();
    pred[i] = u < rate[fold[i]] ? 1 : 0;
    score[i] = 1 - u;
  }
  return { pred, score };
}

function trainRates(y: Uint8Array, fold: Int32Array, k: number): Float64Array {
  const pos = new Float64Array(k);
  const n = new Float64Array(k);
  let totalPos = 0;
  for (let i = 0; i < y.length; i++) {
    pos[fold[i]] += y[i];
    n[fold[i]]++;
    totalPos += y[i];
  }
  return Float64Array.from({ length: k }, (_, f) => (totalPos - pos[f]) / Math.max(1, y.length - n[f]));
}

export type { GapExample };
