import type { CI } from "../analysis/bootstrap";
import { hashSeed } from "../analysis/random";
import { pairedGain, type Gain } from "./clustered";
import type { SettingResult, TargetLabelResult } from "./evaluate";
import { LABEL_MEANING, type LabelKind } from "./labels";

/**
 * Choose the best and say whether text helps (issue 11 item 4).
 *
 * The reference is the best TEXT-FREE setting (majority, stratified random,
 * value, value x polarity|stated, and both + country + topic) by pooled
 * out-of-fold AUC (F1 breaks ties, then order); it is compared with the best
 * text setting chosen the same way. The gain (text − reference) has a
 * scenario-clustered paired bootstrap CI and a paired permutation p
 * (clustered.ts `pairedGain`). Conclusion: "text helps" when the AUC gain's CI
 * lies above 0 and p < 0.05; "text hurts" when it lies below 0 and p < 0.05;
 * else "no detectable gain" (with few scenarios the exact sign-flip p cannot
 * go below 2/2^G, e.g. 0.031 for 6 scenarios). Both bests are picked on the same out-of-fold
 * predictions they are judged on, which slightly favours whichever side has
 * more settings to pick from (the text side); the sentence says so.
 */
// Type aliases, not interfaces: verdicts must fit figures' loose GapResults schema type (an interface never matches an index signature).
export type VerdictSide = {
  setting: string;
  auc: number | null;
  f1: number;
  ci95: { auc: CI | null; f1: CI };
};

export type Conclusion = "text helps" | "text hurts" | "no detectable gain" | "not evaluated";

export type Verdict = {
  target: string;
  label: LabelKind;
  n: number;
  groupBy: "scenario" | "value";
  bestTextFree: VerdictSide | null;
  bestWithText: VerdictSide | null;
  gain: (Omit<Gain, "ci95"> & { ci95: CI; ci95_f1: CI }) | null;
  conclusion: Conclusion;
  sentence: string;
};

function best(rows: readonly SettingResult[]): SettingResult | null {
  let b: SettingResult | null = null;
  for (const r of rows) {
    if (!b) b = r;
    else {
      const [x, z] = [r.auc ?? -1, b.auc ?? -1];
      if (x > z + 1e-12 || (Math.abs(x - z) <= 1e-12 && r.f1 > b.f1 + 1e-12)) b = r;
    }
  }
  return b;
}

const side = (r: SettingResult): VerdictSide => ({ setting: r.setting, auc: r.auc, f1: r.f1, ci95: r.ci95 });
const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(3));
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;
const ci = (c: CI | null | undefined) => (c && Number.isFinite(c[0]) ? `[${f3(c[0])}, ${f3(c[1])}]` : "[–]");
const pText = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

export function verdictOf(r: TargetLabelResult, options: { seed: number; bootstrap: number; reason?: string }): Verdict {
  const base = { target: r.target, label: r.label, n: r.n, groupBy: r.groupBy };
  const free = best(r.settings.filter((s) => !s.text));
  const text = best(r.settings.filter((s) => s.text));
  const what = r.label === "gap-posthoc" ? "detection" : "prediction";
  if (!free || !text) {
    const why = options.reason ?? r.notes.join("; ") ?? "no settings evaluated";
    return {
      ...base,
      bestTextFree: free ? side(free) : null,
      bestWithText: null,
      gain: null,
      conclusion: "not evaluated",
      sentence: `${r.target} (${r.label}, ${LABEL_MEANING[r.label]}): not evaluated: ${why}.`,
    };
  }
  const g = pairedGain(r.y, r.predictions.get(free.setting)!, r.predictions.get(text.setting)!, r.clusters, options.bootstrap, hashSeed(`${options.seed}:verdict:${r.target}:${r.label}`));
  const conclusion: Conclusion = g.p < 0.05 && g.ci95.auc[0] > 0 ? "text helps" : g.p < 0.05 && g.ci95.auc[1] < 0 ? "text hurts" : "no detectable gain";
  const head =
    conclusion === "text helps"
      ? `**text helps** ${what}`
      : conclusion === "text hurts"
        ? `**text hurts** ${what}`
        : `**no detectable gain from text** in ${what}`;
  const sentence =
    `${r.target} (${r.label}): ${head}: the best text setting \`${text.setting}\` reaches AUC ${f3(text.auc)} ${ci(text.ci95.auc)} ` +
    `against the best text-free baseline \`${free.setting}\` at AUC ${f3(free.auc)} ${ci(free.ci95.auc)}; ` +
    `gain ${signed(g.auc)} AUC ${ci(g.ci95.auc)}, ${pText(g.p)}; F1 ${f3(text.f1)} vs ${f3(free.f1)}, gain ${signed(g.f1)} ${ci(g.ci95.f1)} ` +
    `(n = ${r.n}, CIs resample the ${r.scenarios} scenarios).`;
  const { ci95, ...rest } = g;
  return { ...base, bestTextFree: side(free), bestWithText: side(text), gain: { ...rest, ci95: ci95.auc, ci95_f1: ci95.f1 }, conclusion, sentence };
}
