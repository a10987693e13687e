import type { Task1Record, Task2Record } from "../runs/records";
import { importDataset } from "../via/importDataset";
import { importTask1 } from "../via/importTask1";
import { importTask2 } from "../via/importTask2";
import { TASK1_FILES, TASK2_FILES, type ModelId } from "../via/models";
import { UserError } from "../errors";
import type { GapTarget } from "./results";
import { pairsFromRecords } from "./pairs";

/**
 * The gap predictor's targets from the published data (../via/MANIFEST.md),
 * through the src/via importers: the VIA dataset (texts parsed by
 * src/parse/action.ts), Task 1 answers (paper protocol parser,
 * src/parse/task1.ts) and the rebuilt Task 2 choices. Only claude-sonnet-4 and
 * gpt-4o-mini have published per-row choices; GPT-4o-mini's file stores the
 * NON-chosen action and importTask2 inverts it (method.md §5, §12 item 9).
 * The published Task 2 has no target explanations, so `target-explanation`
 * is unavailable here.
 */
export const PUBLISHED_TARGETS: readonly ModelId[] = ["claude-sonnet-4", "gpt-4o-mini"];

export function publishedTargets(dataDir: string, models: readonly ModelId[] = PUBLISHED_TARGETS): GapTarget[] {
  const dataset = importDataset(dataDir).records;
  const task1: Task1Record[] = [];
  const task2: Task2Record[] = [];
  for (const model of models) {
    const t1 = TASK1_FILES[model];
    const t2 = TASK2_FILES[model];
    if (!t1 || !t2) throw new UserError(`no published Task 1 and Task 2 data for ${model}`, 2);
    task1.push(...importTask1(dataDir, t1, model, "paper").records);
    task2.push(...importTask2(dataDir, model, t2).records);
  }
  const targets = pairsFromRecords(dataset, task1, task2);
  // keep the requested order, whatever ids the importers used
  return models.map((m) => targets.find((t) => t.id === m) ?? { id: m, pairs: [] });
}
