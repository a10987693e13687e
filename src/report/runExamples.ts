import { misalignedCells } from "../analysis/misaligned";
import { unanimity } from "../analysis/confidence";
import { rowOf } from "../analysis/matrix";
import { VALUE_INDEX, type Value } from "../catalog/values";
import type { RunResults } from "../results/runResults";
import type { MisalignedExample } from "./misaligned";

/**
 * Misaligned examples of a run directory that has no misaligned.json: every
 * cell where the binarised Task 1 inclination and the Task 2 choice differ
 * (analysis/misaligned.ts, the run's protocol), with the action text of the
 * acted polarity from the run's generate.jsonl and, as explanation, the
 * model's own Task 2 explanation when the run asked for one, else the
 * generated action's explanation. Cells without an action text keep
 * `action: null` (shown as such) rather than being dropped. Undecided pairs
 * (robust: the two option orders picked different actions) are not gaps and
 * are not listed.
 */
export function runExamples(run: RunResults): MisalignedExample[] {
  const records = run.run;
  if (!run.V || !run.A) return [];
  const cells = misalignedCells(run.V, run.A, run.protocol);
  const un = run.confidence.task1 ? unanimity(run.confidence.task1) : null;
  const key = (c: string, t: string, v: string, p: string) => `${c}\u0000${t}\u0000${v}\u0000${p}`;
  const generated = new Map<string, { action: string | null; explanation: string | null }>();
  for (const r of records.generate()) {
    if (r.error == null) generated.set(key(r.country, r.topic, r.value, r.polarity), { action: r.action, explanation: r.explanation });
  }
  const ownExplanation = new Map<string, string>();
  for (const r of records.task2()) {
    if (r.error == null && r.chosenPolarity && r.explanation) ownExplanation.set(key(r.country, r.topic, r.value, r.chosenPolarity), r.explanation);
  }
  return cells.map((c) => {
    const polarity = c.acted === 0 ? "positive" : "negative";
    const k = key(c.country, c.topic, c.value, polarity);
    const gen = generated.get(k);
    return {
      model: run.model,
      country: c.country,
      topic: c.topic,
      value: c.value,
      stated: c.stated === 0 ? "agree" : "disagree",
      acted: c.acted === 0 ? "agree" : "disagree",
      action: gen?.action ?? null,
      explanation: ownExplanation.get(k) ?? gen?.explanation ?? null,
      ...(un ? { unstable: unstableAt(un, c.country, c.topic, c.value) } : {}),
    };
  });
}

/** Whether a cell's stated value is unstable (its prompt variants disagree); null with fewer than 2 parsed variants. */
function unstableAt(un: Float64Array, country: string, topic: string, value: string): boolean | null {
  const u = un[rowOf(country, topic) * 56 + VALUE_INDEX[value as Value]];
  return Number.isFinite(u) ? u === 0 : null;
}
