import type { Protocol } from "../protocol";
import { binarize } from "./binarize";
import { f1, type Confusion } from "./classification";
import { assertSameShape, type Matrix } from "./matrix";
import { makeRng, sampleIndices } from "./random";

/** A permutation null of the overall F1. */
export interface NullF1 {
  /** The observed overall F1 (mean of scenario F1s, as alignmentRate). */
  observed: number;
  /** Mean and standard deviation (n − 1) of the F1 under the null. */
  mean: number;
  sd: number;
  /** (1 + #{null F1 ≥ observed}) / (1 + permutations): one-sided, "more aligned than base rates give". */
  p: number;
  permutations: number;
  seed: number;
}

export interface WithinValueNull {
  /** Positive class = disagree (the paper's, as `f1`). */
  f1: NullF1;
  /** Positive class = agree (as `f1_inverted`). */
  f1Inverted: NullF1;
}

/**
 * Within-value permutation null of alignment (issue 10 item 6, design.md §8):
 * how much of the F1 do a model's value base rates alone give?
 *
 *   for π = 1..P: for each value k independently, permute the Task 2 column
 *                 A[·, k] across the scenarios (rows): a*_ik = a_{σ_k(i), k};
 *                 F1*_π = (1/|R|) Σ_i F1(b(v_i·), b(a*_i·))      (alignmentRate's F1)
 *   mean, sd of F1*;  p = (1 + #{π : F1*_π ≥ F1_obs}) / (1 + P)
 *
 * The permutation keeps, per value, how often the model acts against it
 * (its base rate of opposing actions) and which scenarios stated what, and
 * destroys only WHICH scenario the action belongs to. An observed F1 near the
 * null mean says the "alignment" is mostly "the model rejects the values it
 * says it rejects, wherever it is asked", not scenario-specific behaviour.
 *
 * Both class conventions are scored on the same permutations (the agree-class
 * confusion is the disagree-class one with tp ↔ tn, fp ↔ fn). Missing or
 * undecided Task 2 cells (NaN after binarize under the protocol) stay where
 * they are: σ_k permutes only the answered rows of value k, so a run of part
 * of the study keeps its scope; cells with V or A missing are skipped, as in
 * alignmentRate.
 *
 * @example withinValueNull(V, A, "paper", { seed: 1, permutations: 1000 }).f1 // { observed, mean, sd, p, ... }
 */
export function withinValueNull(V: Matrix, A: Matrix, protocol: Protocol, opts: { seed: number; permutations?: number }): WithinValueNull {
  assertSameShape(V, A);
  const P = opts.permutations ?? 1000;
  if (!Number.isInteger(P) || P < 1) throw new RangeError(`permutations must be a positive integer, got ${P}`);
  const { rows, cols } = V;
  // -1 = missing / undecided
  const t = new Int8Array(rows * cols);
  const a = new Int8Array(rows * cols);
  for (let k = 0; k < t.length; k++) {
    const x = binarize(V.data[k], protocol);
    const y = binarize(A.data[k], protocol);
    t[k] = Number.isNaN(x) ? -1 : x;
    a[k] = Number.isNaN(y) ? -1 : y;
  }
  // Column-major copies of the binarized Task 2 values. A permutation moves each column's ANSWERED
  // values among its answered rows only (missing cells stay where they are, so a run of part of the
  // study keeps its scope). The answered values are 0s and 1s; a uniform permutation of them puts the
  // minority entries on uniformly drawn distinct answered rows (sampleIndices, a partial Fisher–Yates)
  // and the majority value on the rest: far fewer draws than shuffling every row, same distribution.
  const column: Int8Array[] = [];
  const answeredRows: Int32Array[] = [];
  const majority = new Int8Array(cols);
  const minority: Int8Array[] = [];
  for (let j = 0; j < cols; j++) {
    const col = Int8Array.from({ length: rows }, (_, i) => a[i * cols + j]);
    column.push(col);
    const at: number[] = [];
    let ones = 0;
    col.forEach((y, i) => {
      if (y < 0) return;
      at.push(i);
      ones += y;
    });
    answeredRows.push(Int32Array.from(at));
    const best = ones > at.length - ones ? 1 : 0;
    majority[j] = best;
    minority.push(new Int8Array(best === 1 ? at.length - ones : ones).fill(1 - best));
  }
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const inv: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const score = (out: [number, number]): [number, number] => {
    let sum = 0;
    let sumInv = 0;
    let scored = 0;
    for (let i = 0; i < rows; i++) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let tn = 0;
      for (let j = 0; j < cols; j++) {
        const x = t[i * cols + j];
        const y = column[j][i];
        if (x < 0 || y < 0) continue;
        if (x === 1) {
          if (y === 1) tp++;
          else fn++;
        } else if (y === 1) fp++;
        else tn++;
      }
      if (tp + fp + fn + tn === 0) continue;
      c.tp = tp;
      c.fp = fp;
      c.fn = fn;
      c.tn = tn;
      inv.tp = tn;
      inv.fp = fn;
      inv.fn = fp;
      inv.tn = tp;
      sum += f1(c);
      sumInv += f1(inv);
      scored++;
    }
    out[0] = scored === 0 ? NaN : sum / scored;
    out[1] = scored === 0 ? NaN : sumInv / scored;
    return out;
  };
  const [observed, observedInv] = score([0, 0]);
  const rng = makeRng(opts.seed);
  const nul = new Float64Array(P);
  const nulInv = new Float64Array(P);
  const pair: [number, number] = [0, 0];
  for (let p = 0; p < P; p++) {
    for (let j = 0; j < cols; j++) {
      const minor = minority[j];
      if (minor.length === 0) continue; // a constant column is its own permutation
      const col = column[j];
      const rowsOf = answeredRows[j];
      for (let k = 0; k < rowsOf.length; k++) col[rowsOf[k]] = majority[j];
      const at = sampleIndices(rowsOf.length, minor.length, rng);
      for (let k = 0; k < at.length; k++) col[rowsOf[at[k]]] = minor[k];
    }
    score(pair);
    nul[p] = pair[0];
    nulInv[p] = pair[1];
  }
  return { f1: summarize(observed, nul, opts.seed), f1Inverted: summarize(observedInv, nulInv, opts.seed) };
}

function summarize(observed: number, nul: Float64Array, seed: number): NullF1 {
  const P = nul.length;
  let sum = 0;
  let atLeast = 0;
  for (const x of nul) {
    sum += x;
    // a tolerance so that a permutation reproducing the observed table counts as "as extreme"
    if (x >= observed - 1e-12) atLeast++;
  }
  const mean = sum / P;
  let ss = 0;
  for (const x of nul) ss += (x - mean) ** 2;
  return { observed, mean, sd: P > 1 ? Math.sqrt(ss / (P - 1)) : NaN, p: (1 + atLeast) / (1 + P), permutations: P, seed };
}
