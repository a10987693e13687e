import { actedMatrix, type ActedChoice } from "../../src/analysis/acted";
import { statedMatrix, type StatedRow } from "../../src/analysis/stated";
import type { Matrix } from "../../src/analysis/matrix";
import { importTask1 } from "../../src/via/importTask1";
import { importTask2 } from "../../src/via/importTask2";
import { TASK1_FILES, TASK2_FILES, type ModelId } from "../../src/via/models";

/** V, A and the raw rows of a published model with both tasks (paper protocol), read by our importers. */
export function publishedModel(dataDir: string, model: ModelId): { V: Matrix; A: Matrix; task1: StatedRow[]; task2: ActedChoice[] } {
  const t1 = importTask1(dataDir, TASK1_FILES[model]!, model, "paper").records;
  const t2 = importTask2(dataDir, model, TASK2_FILES[model]!).records;
  const task1: StatedRow[] = t1.map((r) => ({ country: r.country, topic: r.topic, answers: r.answers }));
  const task2: ActedChoice[] = t2.map((r) => ({ country: r.country, topic: r.topic, value: r.value, chosenPolarity: r.chosenPolarity }));
  return { V: statedMatrix(task1, "paper").matrix, A: actedMatrix(task2, "paper").matrix, task1, task2 };
}
