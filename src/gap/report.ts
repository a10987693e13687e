import type { Effect, ExperimentRow, GapResults, Method } from "./experiment";
import { SETTINGS } from "./settings";
import type { Interval } from "./metrics";

/**
 * The Markdown summary of a gap experiment: per target and label a table of
 * settings × methods (F1 and AUC with 95% CIs), then a plain sentence on
 * whether explanations improve prediction, with the effect size (best
 * explanation setting − `action`, logistic) and its paired scenario-bootstrap CI.
 */
const METHODS: readonly Method[] = ["logistic", "majority", "random", "fewshot"];

const f3 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(3));
const ci = (c: Interval | null) => (c ? `[${f3(c[0])}, ${f3(c[1])}]` : "");
const signed = (x: number | null) => (x === null ? "–" : `${x >= 0 ? "+" : ""}${x.toFixed(3)}`);

function cell(r: ExperimentRow | undefined): string {
  if (!r) return "";
  const auc = r.auc === null ? "AUC –" : `AUC ${f3(r.auc)} ${ci(r.ci95.auc)}`;
  return `F1 ${f3(r.f1)} ${ci(r.ci95.f1)}<br>${auc}`;
}

/** One plain sentence on an effect: improvement only when the CI excludes 0. */
export function verdict(e: Effect): string {
  const d = e.difference;
  const aucLo = d.ci95.auc?.[0];
  const aucHi = d.ci95.auc?.[1];
  const f1Lo = d.ci95.f1?.[0];
  const f1Hi = d.ci95.f1?.[1];
  const sizes = `ΔF1 ${signed(d.f1)} ${ci(d.ci95.f1)}, ΔAUC ${signed(d.auc)} ${ci(d.ci95.auc)}`;
  const improves = (aucLo !== undefined && aucLo > 0) || (f1Lo !== undefined && f1Lo > 0);
  const hurts = (aucHi !== undefined && aucHi < 0) || (f1Hi !== undefined && f1Hi < 0);
  const which = [f1Lo !== undefined && f1Lo > 0 ? "F1" : null, aucLo !== undefined && aucLo > 0 ? "AUC" : null].filter(Boolean).join(" and ");
  const head = improves && !hurts
    ? `**Yes, explanations improve prediction** (${which} CI above 0)`
    : hurts && !improves
      ? "**No, explanations make prediction worse**"
      : improves && hurts
        ? "**Mixed**: F1 and AUC disagree"
        : "**No clear improvement** (the CIs include 0)";
  return `${head} for ${e.target} (${e.label}): \`${e.setting}\` vs \`${e.baseline}\`, ${sizes}.`;
}

export function gapMarkdown(r: GapResults, title = "Gap prediction"): string {
  const out: string[] = [`# ${title}`, ""];
  out.push(
    `Logistic regression (${engineLine(r)}) on hashed word+bigram counts ` +
      `(dim ${r.options.features.dim}${r.options.features.signed ? ", signed" : ""}) plus length/cue counts and one-hots; ` +
      `${r.options.folds}-fold cross-validation grouped by scenario and stratified, seed ${r.options.seed}; pooled out-of-fold scores; ` +
      `95% CIs from ${r.options.bootstrap} bootstrap resamples of the test predictions; effects from a paired bootstrap over scenarios.`,
    "",
    "Labels: `gap` = the chosen action's inclination differs from the stated (Task 1) one, one example per (scenario, value) with both; " +
      "`choice` = the target picked this action (the authors' label, method.md §8), one example per action.",
    "",
  );
  const targets = [...new Set(r.data.map((d) => d.target))];
  for (const target of targets) {
    out.push(`## ${target}`, "");
    for (const d of r.data.filter((x) => x.target === target)) {
      const rows = r.experiments.filter((e) => e.target === target && e.label === d.label);
      out.push(`### ${d.label} — n = ${d.n}, positives = ${d.positives} (${f3(d.n ? d.positives / d.n : NaN)}), ${d.scenarios} scenarios`, "");
      if (rows.length === 0) {
        out.push("Not evaluated (see notes).", "");
        continue;
      }
      const methods = METHODS.filter((m) => rows.some((e) => e.method === m));
      out.push(`| setting | ${methods.join(" | ")} |`, `|---|${methods.map(() => "---").join("|")}|`);
      for (const s of SETTINGS) {
        if (!rows.some((e) => e.setting === s)) continue;
        out.push(`| ${s} | ${methods.map((m) => cell(rows.find((e) => e.setting === s && e.method === m))).join(" | ")} |`);
      }
      out.push("");
      const eff = r.effects.find((e) => e.target === target && e.label === d.label);
      if (eff) out.push(verdict(eff), "");
      const top = r.top_features[target]?.[d.label];
      if (top) {
        out.push(`Most predictive features of \`${top.setting}\` (standardized weights; + pushes towards label 1):`, "");
        const n = Math.max(top.positive.length, top.negative.length);
        out.push("| + weight | feature | − weight | feature |", "|---|---|---|---|");
        for (let i = 0; i < Math.min(n, 10); i++) {
          const p = top.positive[i];
          const q = top.negative[i];
          out.push(`| ${p ? f3(p.weight) : ""} | ${p ? esc(p.name) : ""} | ${q ? f3(q.weight) : ""} | ${q ? esc(q.name) : ""} |`);
        }
        out.push("");
      }
    }
  }
  if (r.effects.length > 0) {
    out.push("## Do explanations improve prediction?", "");
    for (const e of r.effects) out.push(`- ${verdict(e)}`);
    out.push(
      "",
      "The best explanation setting is chosen by out-of-fold AUC on the same data, which slightly favours it; read a CI that barely excludes 0 with that in mind.",
      "",
    );
  }
  if (r.notes.length > 0) {
    out.push("## Notes", "");
    for (const n of r.notes) out.push(`- ${n}`);
    out.push("");
  }
  return out.join("\n");
}

function engineLine(r: GapResults): string {
  const l = r.options.logistic;
  if (l.engine === "ml-logistic-regression")
    return `ml-logistic-regression, ${l.mlSteps} full-batch steps at rate ${l.mlLearningRate}, no regularization, ${l.classWeight === "balanced" ? "balanced by undersampling the majority class" : "unbalanced"}`;
  return `own sparse engine: L2 ${l.l2}, ${l.classWeight === "balanced" ? "balanced class weights" : "no class weights"}, mini-batch Adam`;
}

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
