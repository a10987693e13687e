import { bootstrapCI, bootstrapMeanCI, type CI } from "./bootstrap";
import { cohenKappa, confusion } from "./classification";

/**
 * The paper's human evaluation of the VIA generation prompts (method.md §3.2,
 * Tables 2, 9, 10): two experts labelled each of 80 pilot rows × 8 prompt
 * variants with ACT (correct and harmless action), ATTR (sufficient feature
 * attributions) and EXP (plausible explanation), 1 = good. Pure functions over
 * the imported sheets (src/via/importHumanAnnotation.ts); uncertainty by a
 * seeded percentile bootstrap over the annotated rows ("items").
 */

type Label = 0 | 1 | null;
export type HumanMetric = "act" | "attr" | "exp";
const METRICS: readonly HumanMetric[] = ["act", "attr", "exp"];

/** What the analysis needs of a sheet row: its identity and its labels per variant. */
export interface LabelledRow {
  no: number;
  country: string;
  topic: string;
  value: string;
  polarity: string;
  labels: ReadonlyArray<Readonly<Record<HumanMetric, Label>>>;
}

export interface LabelledSheet {
  path: string;
  annotator: string;
  version: string;
  rows: readonly LabelledRow[];
  /** ACT cells per variant of the rows pandas.read_csv(header=0) frames (see AnnotationSheet.notebookAct). */
  notebookAct: ReadonlyArray<readonly string[]>;
}

export interface Resampling {
  scheme: "items";
  seed: number;
  resamples: number;
}

/** A share of 1-labels: mean over the n labelled rows, NaN when n = 0. */
export interface LabelShare {
  mean: number;
  n: number;
  ci95: CI;
}

export interface KappaResult {
  kappa: number;
  ci95: CI;
  /** Share of the paired labels that are equal. */
  agreement: number;
  /** Pairs with a 0/1 label on both sides. */
  n: number;
}

const rowKey = (r: LabelledRow) => `${r.no}|${r.country}|${r.topic}|${r.value}|${r.polarity}`;

/**
 * Mean of one annotator's labels of one variant and metric over the rows that carry a label:
 *
 *   mean = Σ_i y_i / n,  i over rows with y_i ∈ {0, 1}
 *
 * (the sheet's own summary row; Table 9 prints ACT). CI: bootstrap of the rows.
 */
export function labelShare(rows: readonly LabelledRow[], variant: number, metric: HumanMetric, boot: Resampling): LabelShare {
  const ys: number[] = [];
  for (const r of rows) {
    const y = r.labels[variant][metric];
    if (y !== null) ys.push(y);
  }
  return { mean: mean(ys), n: ys.length, ci95: bootstrapMeanCI(ys, { seed: boot.seed, iterations: boot.resamples }) };
}

/** Pairs of labels of the same rows in two sheets, matched by No., country, topic, value and polarity (never by position). */
export function pairLabels(a: readonly LabelledRow[], b: readonly LabelledRow[], variant: number, metric: HumanMetric): { a: number[]; b: number[]; unmatched: number } {
  const byKey = new Map(b.map((r) => [rowKey(r), r]));
  const xs: number[] = [];
  const ys: number[] = [];
  let unmatched = 0;
  for (const r of a) {
    const s = byKey.get(rowKey(r));
    if (!s) {
      unmatched++;
      continue;
    }
    const x = r.labels[variant][metric];
    const y = s.labels[variant][metric];
    if (x !== null && y !== null) {
      xs.push(x);
      ys.push(y);
    }
  }
  unmatched += b.length - (a.length - unmatched);
  return { a: xs, b: ys, unmatched };
}

/**
 * Cohen's kappa of two label vectors (classification.ts):
 *
 *   κ = (p_o − p_e) / (1 − p_e),  p_o = share equal,  p_e = Σ_c p_a(c)·p_b(c)
 *
 * with a bootstrap CI resampling the pairs.
 */
export function kappaOfPairs(a: readonly number[], b: readonly number[], boot: Resampling): KappaResult {
  const n = a.length;
  const c = confusion(a, b, 1);
  const agreement = n === 0 ? NaN : (c.tp + c.tn) / n;
  const ra = new Array<number>(n);
  const rb = new Array<number>(n);
  const ci95 = bootstrapCI(
    n,
    (idx) => {
      for (let k = 0; k < n; k++) {
        ra[k] = a[idx[k]];
        rb[k] = b[idx[k]];
      }
      return cohenKappa(confusion(ra, rb, 1));
    },
    { seed: boot.seed, iterations: boot.resamples },
  );
  return { kappa: n === 0 ? NaN : cohenKappa(c), ci95, agreement, n };
}

/** Kappa between two annotators on one variant and metric, rows matched by content. */
export function expertKappa(a: readonly LabelledRow[], b: readonly LabelledRow[], variant: number, metric: HumanMetric, boot: Resampling): KappaResult & { unmatched: number } {
  const p = pairLabels(a, b, variant, metric);
  return { ...kappaOfPairs(p.a, p.b, boot), unmatched: p.unmatched };
}

/**
 * kappa.ipynb replayed: `df.iloc[:, 6 + 4k][1:81]` of both sheets, paired by
 * POSITION in the pandas frame (header = the file's first line). On sheets
 * that open with the instruction row, positions 1..80 are the 80 rows; on a
 * sheet without it they are rows 2..80 plus the first summary row, paired
 * with the other sheet's rows 1..80. Pairs where a cell is not a 0/1 label
 * (a summary share) are left out and counted in `not_labels`.
 */
export function notebookKappa(a: ReadonlyArray<readonly string[]>, b: ReadonlyArray<readonly string[]>, variant: number, boot: Resampling, from = 1, to = 81): KappaResult & { not_labels: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  let not_labels = 0;
  for (let i = from; i < to; i++) {
    const x = binary(a[i]?.[variant]);
    const y = binary(b[i]?.[variant]);
    if (x === null || y === null) not_labels++;
    else {
      xs.push(x);
      ys.push(y);
    }
  }
  return { ...kappaOfPairs(xs, ys, boot), not_labels };
}

function binary(cell: string | undefined): number | null {
  const v = cell?.trim();
  return v === "1" || v === "1.0" ? 1 : v === "0" || v === "0.0" ? 0 : null;
}

/** True when two sheets hold the same labels for the same rows (a copy, not a second annotation). */
export function sameLabels(a: readonly LabelledRow[], b: readonly LabelledRow[]): boolean {
  if (a.length !== b.length) return false;
  const byKey = new Map(b.map((r) => [rowKey(r), r]));
  return a.every((r) => {
    const s = byKey.get(rowKey(r));
    return s !== undefined && r.labels.every((l, k) => METRICS.every((m) => l[m] === s.labels[k][m]));
  });
}

export interface HumanEvaluation {
  /** Annotated rows per sheet. */
  items: number;
  resampling: Resampling;
  /** Table 9 (ACT) and the ATTR/EXP shares, per annotator and generation-prompt variant "0".."7". */
  by_annotator: Record<string, { sheet: string; version: string; by_variant: Record<string, Record<HumanMetric, LabelShare>> }>;
  /**
   * Table 9's "Avg" row: the mean of the annotators' ACT shares,
   *   avg_k = (1/A) Σ_a mean_{a,k}
   * with a CI resampling the rows (shared by the annotators). Variant 3
   * (Prompt-A) and 5 (Prompt-B) are Table 10's Correctness; variant 5 is
   * Table 2's expert "Correct".
   */
  average_act: Record<string, { mean: number; ci95: CI }>;
  /** Cohen's kappa between the two experts on ACT per variant, rows matched by content, on the HEAD sheets. */
  kappa_act: Record<string, KappaResult & { unmatched: number }>;
  /** kappa.ipynb as it ran (positional slice [1:81], on the sheets it read), variants 3 and 5 (Table 10). */
  kappa_act_notebook: { sheets: [string, string]; by_variant: Record<string, KappaResult & { not_labels: number }> };
  /** The same positional slice on the HEAD sheets: what kappa.ipynb prints when re-run today. */
  kappa_act_notebook_on_head: { sheets: [string, string]; by_variant: Record<string, KappaResult & { not_labels: number }> };
  /** Other sheets and whether they only repeat an annotator's labels. */
  copies: Array<{ sheet: string; same_labels_as: string | null }>;
}

export interface HumanEvaluationInput {
  /** The two experts' current (HEAD) sheets. */
  annotators: readonly [LabelledSheet, LabelledSheet];
  /** The pair of sheets kappa.ipynb read (Hua's 2024-12-11 version, Nick's). */
  notebook: readonly [LabelledSheet, LabelledSheet];
  /** Further sheets checked against the annotators' labels. */
  others?: readonly LabelledSheet[];
}

/** The variants kappa.ipynb compared (its `hua_prompt_3` / `hua_prompt_7`: columns 18 and 26). */
export const NOTEBOOK_KAPPA_VARIANTS = [3, 5] as const;

export function humanEvaluation(input: HumanEvaluationInput, boot: Resampling): HumanEvaluation {
  const [a, b] = input.annotators;
  const variants = Array.from({ length: a.rows[0]?.labels.length ?? 0 }, (_, k) => k);
  const by_annotator: HumanEvaluation["by_annotator"] = {};
  for (const s of input.annotators) {
    by_annotator[s.annotator] = {
      sheet: s.path,
      version: s.version,
      by_variant: Object.fromEntries(variants.map((k) => [String(k), Object.fromEntries(METRICS.map((m) => [m, labelShare(s.rows, k, m, boot)])) as Record<HumanMetric, LabelShare>])),
    };
  }
  const average_act: HumanEvaluation["average_act"] = {};
  const kappa_act: HumanEvaluation["kappa_act"] = {};
  for (const k of variants) {
    average_act[String(k)] = averageShare(input.annotators, k, boot);
    kappa_act[String(k)] = expertKappa(a.rows, b.rows, k, "act", boot);
  }
  const replay = (x: LabelledSheet, y: LabelledSheet) => ({
    sheets: [x.path, y.path] as [string, string],
    by_variant: Object.fromEntries(NOTEBOOK_KAPPA_VARIANTS.map((k) => [String(k), notebookKappa(x.notebookAct, y.notebookAct, k, boot)])),
  });
  return {
    items: a.rows.length,
    resampling: boot,
    by_annotator,
    average_act,
    kappa_act,
    kappa_act_notebook: replay(input.notebook[0], input.notebook[1]),
    kappa_act_notebook_on_head: replay(a, b),
    copies: (input.others ?? []).map((s) => ({
      sheet: s.path,
      same_labels_as: input.annotators.find((x) => sameLabels(s.rows, x.rows))?.path ?? null,
    })),
  };
}

/** Mean of the annotators' shares of variant k; the bootstrap resamples row numbers shared by all sheets. */
function averageShare(sheets: readonly LabelledSheet[], k: number, boot: Resampling): { mean: number; ci95: CI } {
  const nos = [...new Set(sheets.flatMap((s) => s.rows.map((r) => r.no)))];
  const cols = sheets.map((s) => {
    const byNo = new Map(s.rows.map((r) => [r.no, r.labels[k].act]));
    return nos.map((no) => byNo.get(no) ?? null);
  });
  const stat = (idx: ArrayLike<number>) => {
    let total = 0;
    for (const col of cols) {
      let s = 0;
      let n = 0;
      for (let j = 0; j < idx.length; j++) {
        const y = col[idx[j]];
        if (y !== null) {
          s += y;
          n++;
        }
      }
      total += n === 0 ? NaN : s / n;
    }
    return total / cols.length;
  };
  const all = nos.map((_, i) => i);
  return { mean: stat(all), ci95: bootstrapCI(nos.length, stat, { seed: boot.seed, iterations: boot.resamples }) };
}

function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
