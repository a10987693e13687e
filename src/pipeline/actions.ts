import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Country, Topic, Value } from "../catalog";
import { UserError } from "../errors";
import { openRun } from "../runs/openRun";
import { importDataset } from "../via/importDataset";

/** The two actions of one (country, topic, value): the Task 2 options. */
export interface ActionPair {
  negative: string;
  positive: string;
}
export type ActionPairs = Map<string, ActionPair>;

export const pairKey = (country: Country, topic: Topic, value: Value) => `${country}+${topic}+${value}`;

/**
 * Load Task 2 action pairs from a run directory (its generate.jsonl; for each
 * cell and polarity the first usable action in record order, i.e. the lowest
 * variant/replicate planned) or from the published dataset CSV. Cells without
 * both actions are left out (and reported by the planner as skipped).
 */
export function loadActionPairs(source: string): { pairs: ActionPairs; description: string } {
  if (!existsSync(source)) throw new UserError(`--actions ${source}: no such file or directory`, 2);
  if (statSync(source).isDirectory()) {
    const file = join(source, "generate.jsonl");
    if (!existsSync(file)) throw new UserError(`--actions ${source}: no generate.jsonl in this run directory (run \`vag generate\` first)`, 2);
    return { pairs: pairsFrom(openRun(source).generate()), description: `run:${source}` };
  }
  // A CSV in the layout of the published dataset (method.md §3.4).
  const { records } = importDataset(dirname(source), basename(source));
  return { pairs: pairsFrom(records), description: `dataset:${source}` };
}

function pairsFrom(
  rows: Iterable<{ country: Country; topic: Topic; value: Value; polarity: "positive" | "negative"; action: string | null; error?: string | null }>,
): ActionPairs {
  const half = new Map<string, Partial<ActionPair>>();
  for (const r of rows) {
    if (!r.action || r.error) continue;
    const k = pairKey(r.country, r.topic, r.value);
    const p = half.get(k) ?? {};
    if (p[r.polarity] === undefined) p[r.polarity] = r.action;
    half.set(k, p);
  }
  const pairs: ActionPairs = new Map();
  for (const [k, p] of half) if (p.negative !== undefined && p.positive !== undefined) pairs.set(k, { negative: p.negative, positive: p.positive });
  return pairs;
}
