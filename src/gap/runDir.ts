import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors";
import { openRun, type Run } from "../runs/openRun";
import { importDataset } from "../via/importDataset";
import type { GapTarget } from "./results";
import { pairsFromRecords, type ActionRow } from "./pairs";

/**
 * The gap predictor's targets from a run directory: task2.jsonl (required),
 * task1.jsonl (for the `gap` label) and the action texts from generate.jsonl,
 * or, when the run took its Task 2 actions from a dataset CSV
 * (`actionsSource: "dataset:PATH"`), from that CSV. Latest record per id.
 * `target-explanation` uses each Task 2 record's explanation.
 */
export function runTargets(source: string | Run): { targets: GapTarget[]; notes: string[] } {
  const run = typeof source === "string" ? openRun(source) : source;
  const dir = run.dir;
  const notes: string[] = [];
  if (!existsSync(join(dir, "task2.jsonl"))) throw new UserError(`--run ${dir}: no task2.jsonl in this run directory`, 2);
  // Sorted by id: a file's line order is the order calls finished, and the
  // folds and seeds of the experiment must not depend on it (issue 7 item 1).
  const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const task2 = byId(run.task2());
  const task1 = byId(run.task1());
  if (task1.length === 0) notes.push(`${dir}: no task1.jsonl records, so no \`gap\` labels (only \`choice\`)`);
  let actions: ActionRow[] = byId(run.generate());
  if (actions.length === 0) {
    const source = task2.find((r) => r.actionsSource?.startsWith("dataset:"))?.actionsSource?.slice("dataset:".length);
    if (!source) throw new UserError(`--run ${dir}: no generate.jsonl and the Task 2 records name no dataset CSV for the action texts`, 2);
    actions = importDataset(dirname(source), basename(source)).records;
    notes.push(`${dir}: action texts from ${source}`);
  }
  if (task2.some((r) => r.source === "sim")) notes.push(`${dir}: Task 2 answers come from the SIMULATED model; these numbers say nothing about real models`);
  return { targets: pairsFromRecords(actions, task1, task2), notes };
}
