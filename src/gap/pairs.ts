import { binarize } from "../analysis/binarize";
import { rowOf } from "../analysis/matrix";
import { statedMatrix } from "../analysis/stated";
import { VALUE_INDEX, type Country, type Topic, type Value } from "../catalog";
import type { Polarity, Task1Record, Task2Record } from "../runs/records";
import type { GapTarget } from "./results";
import type { ActionTexts, PairInput } from "./labels";

/** What the gap predictor needs of a generated (or dataset) action. */
export interface ActionRow {
  country: Country;
  topic: Topic;
  value: Value;
  polarity: Polarity;
  action: string | null;
  attributions: readonly string[];
  explanation: string | null;
  error?: string | null;
}

const key = (c: string, t: string, v: string) => `${c}+${t}+${v}`;
const NO_TEXT: ActionTexts = { action: null, attributions: [], explanation: null };

/**
 * Join actions, Task 1 and Task 2 records into the predictor's pairs, one
 * target per Task 2 model (records from the published importers or from a run
 * directory look the same).
 *
 * - Texts: per (country, topic, value, polarity) the first usable action row
 *   (non-null action, no error), in the given order.
 * - Stated inclination: Task 1 records of the same model, mean over prompt
 *   variants, v = (mean − 1)/3, binarized v < 0.5 → 0 (agree) else 1
 *   (src/analysis/stated.ts, binarize.ts). A cell no prompt answered is null
 *   (missing stays missing: it gives no `gap` example, where the paper's NaN
 *   would count as disagree).
 * - Choices: every Task 2 record with a chosen polarity is one pair
 *   observation (a robust run asks each pair in both option orders, so a cell
 *   can appear twice; grouped CV keeps both in the same fold). Records with an
 *   error or no choice are skipped.
 */
export function pairsFromRecords(
  actions: readonly ActionRow[],
  task1: readonly Task1Record[],
  task2: readonly Task2Record[],
): GapTarget[] {
  const texts = new Map<string, ActionTexts>();
  for (const a of actions) {
    if (!a.action || a.error) continue;
    const k = `${key(a.country, a.topic, a.value)}+${a.polarity}`;
    if (!texts.has(k)) texts.set(k, { action: a.action, attributions: a.attributions, explanation: a.explanation });
  }
  const models = [...new Set(task2.map((r) => r.model))];
  return models.map((model) => {
    const t1 = task1.filter((r) => r.model === model && !r.error);
    const stated = t1.length > 0 ? statedMatrix(t1, "paper").matrix : null;
    const statedOf = (c: Country, t: Topic, v: Value): 0 | 1 | null => {
      if (!stated) return null;
      const x = stated.data[rowOf(c, t) * stated.cols + VALUE_INDEX[v]];
      return Number.isNaN(x) ? null : (binarize(x, "paper") as 0 | 1);
    };
    const pairs: PairInput[] = [];
    for (const r of task2) {
      if (r.model !== model || r.error || r.chosenPolarity === null) continue;
      const k = key(r.country, r.topic, r.value);
      pairs.push({
        country: r.country,
        topic: r.topic,
        value: r.value,
        stated: statedOf(r.country, r.topic, r.value),
        chosenPolarity: r.chosenPolarity,
        positive: texts.get(`${k}+positive`) ?? NO_TEXT,
        negative: texts.get(`${k}+negative`) ?? NO_TEXT,
        targetExplanation: r.explanation,
      });
    }
    return { id: model, pairs };
  });
}
