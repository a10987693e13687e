import type { CI } from "../analysis/bootstrap";
import type { EvaluateOptions, SettingResult } from "./evaluate";
import type { LabelKind, PairInput } from "./labels";
import type { LogisticOptions } from "./logistic";
import type { Verdict } from "./verdict";
import type { Scores } from "./metrics";

/** One target model's pairs (from the published data or a run directory). */
export interface GapTarget {
  id: string;
  pairs: readonly PairInput[];
}

export type Method = "logistic" | "majority" | "stratified-random" | "fewshot";

/** A flat row per (target, label, setting, method): what figures, the report and the notebooks tabulate. */
// Type aliases, not interfaces: a row must fit figures' loose GapResults schema type, whose index signature an interface never matches.
export type ExperimentRow = Scores & {
  target: string;
  label: LabelKind;
  setting: string;
  method: Method;
  ci95: { f1: CI | null; auc: CI | null };
};

/** results.json of `vag gap`. */
export interface GapResults {
  /** One per (target, label): does text help, against the best text-free baseline (verdict.ts). */
  verdicts: Verdict[];
  experiments: ExperimentRow[];
  /** Full per-setting results (nested CV folds, chosen parameters, top features) per target and label. */
  settings: { target: string; label: LabelKind; results: SettingResult[] }[];
  data: { target: string; label: LabelKind; n: number; positives: number; scenarios: number }[];
  notes: string[];
  options: Omit<EvaluateOptions, "log"> & { labels: readonly LabelKind[]; logistic: LogisticOptions };
}

export function experimentRow(target: string, label: LabelKind, r: SettingResult): ExperimentRow {
  return {
    target,
    label,
    setting: r.setting,
    method: r.predictor,
    n: r.n,
    f1: r.f1,
    accuracy: r.accuracy,
    precision: r.precision,
    recall: r.recall,
    auc: r.auc,
    ci95: { f1: r.ci95.f1, auc: r.ci95.auc },
  };
}
