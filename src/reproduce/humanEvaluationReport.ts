import type { HumanEvaluation, KappaResult, LabelShare } from "../analysis/humanEvaluation";
import { TABLE10 } from "./paperNumbers";

/** REPRODUCTION.md's section on the experts' evaluation: every share and kappa with its interval, and how the sheets were read. */

const f = (x: number, d = 4) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const ci = (c: [number, number]) => `[${f(c[0], 3)}, ${f(c[1], 3)}]`;
const share = (s: LabelShare | undefined) => (s === undefined || s.n === 0 ? "–" : `${f(s.mean)} ${ci(s.ci95)} (n ${s.n})`);
const small = (s: LabelShare | undefined) => (s === undefined || s.n === 0 ? "–" : `${f(s.mean, 2)} (n ${s.n})`);
const kappa = (k: KappaResult | undefined) => (k === undefined ? "–" : `${f(k.kappa)} ${ci(k.ci95)} (agreement ${f(k.agreement, 3)}, n ${k.n})`);

export function humanEvaluationMarkdown(he: HumanEvaluation): string {
  const names = Object.keys(he.by_annotator);
  const variants = Object.keys(he.average_act);
  const lines: string[] = [];
  lines.push("## Human evaluation of the generation prompts (Tables 9, 10, 2)");
  lines.push("");
  lines.push(
    `Two experts (${names.join(", ")}) labelled ${he.items} pilot rows × ${variants.length} generation prompts with ACT (correct and harmless action), ATTR and EXP (method.md §3.2). ` +
      `Intervals: 95% percentile bootstrap resampling the annotated rows (${he.resampling.scheme}), seed ${he.resampling.seed}, ${he.resampling.resamples} resamples. ` +
      "Rows of different sheets are matched by No., country, topic, value and polarity, never by position.",
  );
  lines.push("");
  lines.push(`| prompt (variant) | ${names.map((n) => `${n} ACT`).join(" | ")} | Avg ACT | κ ACT (HEAD sheets) | ${names.map((n) => `${n} ATTR`).join(" | ")} | ${names.map((n) => `${n} EXP`).join(" | ")} |`);
  lines.push(`|---|${names.map(() => "---:").join("|")}|---:|---:|${names.map(() => "---:").join("|")}|${names.map(() => "---:").join("|")}|`);
  for (const k of variants) {
    const by = (n: string) => he.by_annotator[n].by_variant[k];
    lines.push(
      `| ${Number(k) + 1} (${k}) | ${names.map((n) => share(by(n)?.act)).join(" | ")} | ${f(he.average_act[k].mean)} ${ci(he.average_act[k].ci95)} | ${kappa(he.kappa_act[k])} | ${names.map((n) => small(by(n)?.attr)).join(" | ")} | ${names.map((n) => small(by(n)?.exp)).join(" | ")} |`,
    );
  }
  lines.push("");
  lines.push("Cohen's kappa between the experts on ACT (Table 10):");
  lines.push("");
  for (const [k, row] of [["3", "Prompt-A"], ["5", "Prompt-B"]] as const) {
    const nb = he.kappa_act_notebook.by_variant[k];
    const head = he.kappa_act_notebook_on_head.by_variant[k];
    lines.push(
      `- Variant ${k} (${row}, printed κ ${TABLE10.values[row].kappa}): kappa.ipynb's slice on the sheets it read (\`${he.kappa_act_notebook.sheets[0]}\`, \`${he.kappa_act_notebook.sheets[1]}\`) gives ${kappa(nb)}; ` +
        `the HEAD sheets matched by content give ${kappa(he.kappa_act[k])}; the same positional slice on the HEAD sheets gives ${kappa(head)}` +
        (head && head.not_labels > 0 ? ` with ${head.not_labels} summary share in the slice` : "") +
        ".",
    );
  }
  lines.push(
    "- The HEAD Hua sheet lost the instruction row the notebook's `[1:81]` slice skips, so re-running kappa.ipynb today pairs Hua's row i + 1 with Nick's row i (and a summary share): agreement collapses to chance. Matched by content, the HEAD labels give the notebook's kappas: the labels themselves were not changed.",
  );
  for (const c of he.copies) {
    lines.push(`- \`${c.sheet}\`: ${c.same_labels_as ? `the same labels as \`${c.same_labels_as}\` (a copy, not another annotator)` : "labels differ from both experts' sheets"}.`);
  }
  lines.push(
    "- ATTR and EXP were labelled on a few rows only (n above); they are not Table 10's Sufficiency and Plausibility, which come from a second round that was not published.",
  );
  lines.push("");
  return lines.join("\n");
}
