import type { CI } from "../analysis/bootstrap";
import type { SettingResult } from "./evaluate";
import { LABEL_MEANING } from "./labels";
import type { GapResults } from "./results";

/**
 * The Markdown summary of `vag gap` (results.md): the verdicts first (does
 * text help, by how much, against the best text-free baseline), then per
 * target and label a table of every setting, the heaviest features of the
 * best text setting, and the notes.
 */
const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(3));
const ci = (c: CI | null | undefined) => (c && Number.isFinite(c[0]) ? `[${f3(c[0])}, ${f3(c[1])}]` : "");
const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function methodLine(r: GapResults): string {
  const o = r.options;
  return (
    `Logistic regression with L2 and balanced class weights (FTRL-Proximal, ${o.logistic.epochs} passes; src/gap/logistic.ts) on named features: ` +
    `word unigrams and bigrams of the texts, log length and cue counts, one-hots of value, value x polarity (choice) or value x stated (gap), country and topic. ` +
    `Nested cross-validation: ${o.folds} outer folds grouped by ${o.groupBy} and stratified (seed ${o.seed}); inside each outer training set ` +
    `${o.innerFolds} grouped inner folds choose L2 in {${o.l2Grid.join(", ")}} and, for text, the minimum count of a feature in {${o.minCountGrid.join(", ")}} by inner AUC. ` +
    `Scores are pooled over the outer test folds; 95% CIs resample the scenarios (${o.bootstrap} cluster bootstrap resamples); ` +
    `"folds" gives the mean over outer folds with a t interval. The verdict's gain has a paired scenario bootstrap CI and a paired permutation p (scenario-wise swaps).`
  );
}

const params = (r: SettingResult) =>
  r.predictor === "logistic" ? [...new Set(r.chosen.map((p) => (r.text ? `L2 ${p.l2}, min ${p.minCount}` : `L2 ${p.l2}`)))].join("; ") : "–";

export function gapMarkdown(r: GapResults, title = "Gap prediction"): string {
  const out: string[] = [`# ${title}`, "", methodLine(r), ""];
  out.push("Labels:", "");
  for (const l of r.options.labels) out.push(`- \`${l}\`: ${LABEL_MEANING[l]}`);
  out.push("", "## Verdicts: does text help, against the best text-free baseline?", "");
  for (const v of r.verdicts) out.push(`- ${v.sentence}`);
  out.push(
    "",
    "Both bests are picked by AUC on the same out-of-fold predictions they are judged on; the text side has more settings to pick from, which slightly favours it. " +
      "`gap-posthoc` is detection, not prediction: the target's explanation is written together with its choice.",
    "",
  );
  for (const block of r.settings) {
    const d = r.data.find((x) => x.target === block.target && x.label === block.label);
    out.push(`## ${block.target} — ${block.label}`, "");
    if (d) out.push(`n = ${d.n}, positives = ${d.positives} (${f3(d.n ? d.positives / d.n : NaN)}), ${d.scenarios} scenarios.`, "");
    if (block.results.length === 0) {
      out.push("Not evaluated (see the verdict).", "");
      continue;
    }
    out.push("| setting | text | AUC [95% CI] | F1 [95% CI] | AUC over folds (mean [t CI]) | precision | recall | chosen |", "|---|---|---|---|---|---|---|---|");
    for (const s of block.results)
      out.push(
        `| ${esc(s.setting)} | ${s.text ? "yes" : "no"} | ${f3(s.auc)} ${ci(s.ci95.auc)} | ${f3(s.f1)} ${ci(s.ci95.f1)} | ${f3(s.folds.auc.mean)} ${ci(s.folds.auc.ci95)} | ${f3(s.precision)} | ${f3(s.recall)} | ${params(s)} |`,
      );
    out.push("");
    const v = r.verdicts.find((x) => x.target === block.target && x.label === block.label);
    const best = block.results.find((s) => s.setting === v?.bestWithText?.setting);
    if (best?.top) {
      out.push(`Heaviest features of \`${best.setting}\` (refitted on all rows; weight per count or one-hot; + pushes towards label 1):`, "");
      out.push("| + weight | feature | − weight | feature |", "|---|---|---|---|");
      const n = Math.min(10, Math.max(best.top.positive.length, best.top.negative.length));
      for (let i = 0; i < n; i++) {
        const p = best.top.positive[i];
        const q = best.top.negative[i];
        out.push(`| ${p ? f3(p.weight) : ""} | ${p ? esc(p.feature) : ""} | ${q ? f3(q.weight) : ""} | ${q ? esc(q.feature) : ""} |`);
      }
      out.push("");
    }
  }
  const few = r.experiments.filter((e) => e.method === "fewshot");
  if (few.length > 0) {
    out.push("## Few-shot LLM predictor (the paper's Table 14 method, label `choice`)", "");
    out.push("| target | setting | n | F1 [95% CI, items] | accuracy | precision | recall |", "|---|---|---|---|---|---|---|");
    for (const e of few) out.push(`| ${e.target} | ${e.setting} | ${e.n} | ${f3(e.f1)} ${ci(e.ci95.f1)} | ${f3(e.accuracy)} | ${f3(e.precision)} | ${f3(e.recall)} |`);
    out.push("");
  }
  if (r.notes.length > 0) {
    out.push("## Notes", "");
    for (const n of r.notes) out.push(`- ${n}`);
    out.push("");
  }
  return out.join("\n");
}
