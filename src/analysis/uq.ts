import { VALUE_COLS } from "./matrix";
import { ensembleMean, rankNormalize, type UnitConfidence } from "./confidence";
import { makeRng, shuffleInPlace } from "./random";
import { rocAuc } from "./rocAuc";

/**
 * Uncertainty-quantification performance (issue 12 item 2; Farr et al. 2024):
 * how well a confidence signal finds the wrong answers, where the truth is
 * known (the simulator's latent respondent, or human labels).
 */

/** Review budgets (share of all answers sent to a person) at which misclassified recall is reported. */
export const UQ_BUDGETS = [5, 10, 20] as const;

/** Units with a finite confidence and a 0/1 wrong flag. */
function usable(conf: ArrayLike<number>, wrong: ArrayLike<number | boolean>): { c: number[]; w: number[] } {
  if (conf.length !== wrong.length) throw new RangeError(`length mismatch: ${conf.length} confidences vs ${wrong.length} labels`);
  const c: number[] = [];
  const w: number[] = [];
  for (let u = 0; u < conf.length; u++) {
    const y = Number(wrong[u]);
    if (!Number.isFinite(conf[u]) || !(y === 0 || y === 1)) continue;
    c.push(conf[u]);
    w.push(y);
  }
  return { c, w };
}

/**
 * AUROC of low confidence for "this answer is wrong": the probability that a
 * wrong answer has lower confidence than a right one, ties counting 1/2,
 *
 *   AUROC = P(c_wrong < c_right) + ½·P(c_wrong = c_right)  = rocAuc(y = wrong, score = −c)
 *
 * over units with a finite confidence; null when no unit (or every unit) is wrong.
 * 0.5 = no better than chance, 1 = every wrong answer is less confident than every right one.
 *
 * @example aurocLowConfidence([0.2, 0.9, 0.4, 0.8], [1, 0, 0, 0]) // 1 (the wrong one is the least confident)
 * @example aurocLowConfidence([0.5, 0.5], [1, 0])                 // 0.5
 */
export function aurocLowConfidence(conf: ArrayLike<number>, wrong: ArrayLike<number | boolean>): number | null {
  const { c, w } = usable(conf, wrong);
  return rocAuc(w, c.map((x) => -x));
}

/**
 * Misclassified recall at a review budget: the share of all wrong answers
 * that fall among the least confident `budget` share of answers,
 *
 *   recall(b) = #{wrong among the ⌈·⌉ b·n least confident} / #{wrong},
 *
 * with b·n slots filled from the lowest confidence up; a tie straddling the
 * last slot contributes its expected share (slots left / tie size of each of
 * its wrong answers), so the result does not depend on the input order.
 * Null when there is no wrong answer. `budget` is a share in [0, 1].
 *
 * @example misclassifiedRecall([0.1, 0.2, 0.3, 0.9], [1, 0, 1, 0], 0.25) // 1/2: one slot, the least confident is wrong
 * @example misclassifiedRecall([0.5, 0.5, 0.9, 0.9], [1, 0, 0, 0], 0.25) // 1/2: one slot shared by a tie of two
 */
export function misclassifiedRecall(conf: ArrayLike<number>, wrong: ArrayLike<number | boolean>, budget: number): number | null {
  if (!(budget >= 0 && budget <= 1)) throw new RangeError(`budget must be a share in [0, 1], got ${budget}`);
  const { c, w } = usable(conf, wrong);
  const totalWrong = w.reduce((s, y) => s + y, 0);
  if (totalWrong === 0) return null;
  const order = c.map((_, i) => i).sort((a, b) => c[a] - c[b]);
  let slots = budget * c.length;
  let caught = 0;
  for (let i = 0; i < order.length && slots > 1e-12; ) {
    let j = i;
    let tieWrong = 0;
    while (j < order.length && c[order[j]] === c[order[i]]) tieWrong += w[order[j++]];
    const size = j - i;
    const take = Math.min(size, slots);
    caught += (tieWrong * take) / size;
    slots -= take;
    i = j;
  }
  return caught / totalWrong;
}

export interface UqScore {
  auroc: number | null;
  /** Keyed by budget in percent: "5", "10", "20". */
  misclassifiedRecall: Record<string, number | null>;
  /** Units evaluated (finite confidence and known truth) and how many were wrong. */
  n: number;
  wrong: number;
}

/** AUROC and misclassified recall at 5, 10 and 20% of one confidence vector. */
export function uqScore(conf: ArrayLike<number>, wrong: ArrayLike<number | boolean>): UqScore {
  const { c, w } = usable(conf, wrong);
  return {
    auroc: aurocLowConfidence(conf, wrong),
    misclassifiedRecall: Object.fromEntries(UQ_BUDGETS.map((b) => [String(b), misclassifiedRecall(conf, wrong, b / 100)])),
    n: c.length,
    wrong: w.reduce((s, y) => s + y, 0),
  };
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS), for the few
 * features of a confidence ensemble (the gap layer's trainer is for sparse
 * text features and sits above analysis/):
 *
 *   minimise  Σ_i logloss(y_i, σ(w₀ + w·x_i)) + (λ/2)·|w|²   (intercept w₀ not penalised)
 *
 * Returns [w₀, w₁, …]. Stops when the Newton step is below 1e-8 or after 50 steps.
 *
 * @example fitLogistic([[0], [0], [1], [1]], [0, 1, 1, 1], 1e-3) // w₁ > 0
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], lambda = 1e-2): Float64Array {
  const d = (x[0]?.length ?? 0) + 1;
  const w = new Float64Array(d);
  for (let step = 0; step < 50; step++) {
    const g = new Float64Array(d);
    const h = Array.from({ length: d }, () => new Float64Array(d));
    for (let i = 0; i < x.length; i++) {
      let t = w[0];
      for (let j = 1; j < d; j++) t += w[j] * x[i][j - 1];
      const p = 1 / (1 + Math.exp(-t));
      const r = p - y[i];
      const q = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < d; a++) {
        const xa = a === 0 ? 1 : x[i][a - 1];
        g[a] += r * xa;
        for (let b = 0; b <= a; b++) h[a][b] += q * xa * (b === 0 ? 1 : x[i][b - 1]);
      }
    }
    for (let a = 1; a < d; a++) {
      g[a] += lambda * w[a];
      h[a][a] += lambda;
    }
    h[0][0] += 1e-9;
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) h[a][b] = h[b][a];
    const delta = solve(h, g);
    let norm = 0;
    for (let a = 0; a < d; a++) {
      w[a] -= delta[a];
      norm += delta[a] * delta[a];
    }
    if (norm < 1e-16) break;
  }
  return w;
}

/** Solve H·z = g by Gaussian elimination with partial pivoting (H small and positive definite). */
function solve(h: Float64Array[], g: Float64Array): Float64Array {
  const n = g.length;
  const a = h.map((row, i) => [...row, g[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const piv = a[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / piv;
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  const z = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * z[k];
    z[r] = s / (a[r][r] || 1e-12);
  }
  return z;
}

/**
 * Logistic ensemble fitted out of fold: the signals (rank-normalised, a
 * missing signal set to 0.5, the middle rank) predict "right" (1 − wrong);
 * scenarios are split into `folds` seeded folds (units of one scenario stay
 * together, so a scenario's answers never train their own prediction), and
 * each unit's confidence is the predicted P(right) of the model fitted on the
 * other folds. Units without truth get the prediction of a model fitted on
 * all labelled units. NaN where a unit has no signal.
 */
export function logisticEnsembleOutOfFold(
  signals: Partial<Record<string, ArrayLike<number>>>,
  wrong: ArrayLike<number>,
  options: { seed: number; folds?: number },
): Float64Array {
  const ranked = Object.values(signals)
    .filter((s): s is ArrayLike<number> => s !== undefined)
    .map(rankNormalize);
  const len = wrong.length;
  const out = new Float64Array(len).fill(NaN);
  if (ranked.length === 0) return out;
  const has = (u: number) => ranked.some((r) => Number.isFinite(r[u]));
  const feat = (u: number) => ranked.map((r) => (Number.isFinite(r[u]) ? r[u] : 0.5));
  const labelled = (u: number) => wrong[u] === 0 || wrong[u] === 1;
  const k = options.folds ?? 5;
  const scenarios = Math.ceil(len / VALUE_COLS);
  const perm = shuffleInPlace(Array.from({ length: scenarios }, (_, i) => i), makeRng(options.seed));
  const foldOfScenario = new Int32Array(scenarios);
  perm.forEach((s, pos) => (foldOfScenario[s] = pos % k));
  const foldOf = (u: number) => foldOfScenario[Math.floor(u / VALUE_COLS)];
  const predict = (w: Float64Array, u: number) => {
    const f = feat(u);
    let t = w[0];
    for (let j = 0; j < f.length; j++) t += w[j + 1] * f[j];
    return 1 / (1 + Math.exp(-t));
  };
  const fit = (train: (u: number) => boolean) => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let u = 0; u < len; u++)
      if (has(u) && labelled(u) && train(u)) {
        xs.push(feat(u));
        ys.push(1 - wrong[u]);
      }
    return xs.length > 0 ? fitLogistic(xs, ys) : null;
  };
  const models = Array.from({ length: k }, (_, f) => fit((u) => foldOf(u) !== f));
  const full = fit(() => true);
  for (let u = 0; u < len; u++) {
    if (!has(u)) continue;
    const w = labelled(u) ? models[foldOf(u)] : full;
    if (w) out[u] = predict(w, u);
  }
  return out;
}

/** One task's answers with the truth they are judged against. */
export interface UqTask {
  conf: UnitConfidence;
  /** The true binary answer per unit (NaN = unknown). wrong = answer ≠ truth. */
  truth: ArrayLike<number>;
}

export interface UqJson {
  /** What "wrong" means here. */
  truth: string;
  /** Per signal, named `task1.<signal>` / `task2.<signal>`. */
  signals: Record<string, UqScore>;
  /** Rank-mean ensemble, each task's signals averaged, all answers of both tasks pooled. */
  ensemble: UqScore & { byTask: Record<string, UqScore> };
  /** Logistic ensemble fitted out of fold (grouped by scenario), pooled the same way. */
  ensembleLogistic: UqScore & { byTask: Record<string, UqScore>; folds: number; seed: number };
}

/** 0/1 wrong flag per unit (NaN when the unit has no answer or no truth). */
export function wrongOf(answer: ArrayLike<number>, truth: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: answer.length }, (_, u) =>
    Number.isFinite(answer[u]) && Number.isFinite(truth[u]) ? (answer[u] === truth[u] ? 0 : 1) : NaN,
  );
}

/** Whether at least one signal is present. */
export function hasSignal(signals: Partial<Record<string, ArrayLike<number>>>): boolean {
  return Object.values(signals).some((s) => s !== undefined);
}

/**
 * UQ performance of a run: every signal of every task, and the two
 * ensembles over all answers (Task 1 cells and Task 2 pairs pooled: one
 * review budget for the whole run).
 */
export function uqPerformance(tasks: Partial<Record<"task1" | "task2", UqTask>>, options: { truth: string; seed: number; folds?: number }): UqJson {
  const signals: Record<string, UqScore> = {};
  const pooled = { mean: [] as number[], logistic: [] as number[], wrong: [] as number[] };
  const byTask: Record<string, UqScore> = {};
  const byTaskLogistic: Record<string, UqScore> = {};
  const folds = options.folds ?? 5;
  for (const name of ["task1", "task2"] as const) {
    const t = tasks[name];
    // A task whose run supports no signal (one Task 1 variant, no replicates or logprobs) has nothing to judge.
    if (!t || !hasSignal(t.conf.signals)) continue;
    const wrong = wrongOf(t.conf.answer, t.truth);
    for (const [s, x] of Object.entries(t.conf.signals)) if (x) signals[`${name}.${s}`] = uqScore(x, wrong);
    const mean = ensembleMean(t.conf.signals);
    const logistic = logisticEnsembleOutOfFold(t.conf.signals, wrong, { seed: options.seed, folds });
    byTask[name] = uqScore(mean, wrong);
    byTaskLogistic[name] = uqScore(logistic, wrong);
    pooled.mean.push(...mean);
    pooled.logistic.push(...logistic);
    pooled.wrong.push(...wrong);
  }
  return {
    truth: options.truth,
    signals,
    ensemble: { ...uqScore(pooled.mean, pooled.wrong), byTask },
    ensembleLogistic: { ...uqScore(pooled.logistic, pooled.wrong), byTask: byTaskLogistic, folds, seed: options.seed },
  };
}
