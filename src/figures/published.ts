import { existsSync } from "node:fs";
import { join } from "node:path";
import { actedMatrix } from "../analysis/acted";
import { statedMatrix } from "../analysis/stated";
import { importMisaligned } from "../via/importMisaligned";
import { importTask1 } from "../via/importTask1";
import { importTask2 } from "../via/importTask2";
import { MISALIGNED_FILES, MODEL_IDS, TASK1_FILES, TASK2_FILES } from "../via/models";
import { reproduce, requiredFiles } from "../via/reproduce";
import { modelMatrices } from "./matrices";
import type { Matrices, ReproduceResults } from "./results";

/**
 * The published data directory (../shared/via layout, or VAL_DATA_DIR) as a
 * direct `--from` source, so `vag figures --from ../shared/via` and
 * `vag report --from ../shared/via` need no intermediate files: the results
 * are those of `vag reproduce` (paper protocol, its default seed and
 * resamples), the heatmap matrices come from the same imports (Task 1 for
 * every model with a Task 1 file, Task 2 where one was rebuilt), and the
 * report lists the published misaligned examples as imported by src/via.
 */
export function isPublishedDataDir(dir: string): boolean {
  return existsSync(join(dir, "MANIFEST.md")) && requiredFiles().every((f) => existsSync(join(dir, f)));
}

export function publishedInputs(dataDir: string): { results: ReproduceResults; matrices: Matrices } {
  const results = reproduce({ dataDir }).results as unknown as ReproduceResults;
  const heatmaps: NonNullable<Matrices["heatmaps"]> = {};
  for (const model of MODEL_IDS) {
    const t1 = TASK1_FILES[model];
    if (!t1) continue;
    const V = statedMatrix(importTask1(dataDir, t1, model, "paper").records, "paper").matrix;
    const t2 = TASK2_FILES[model];
    const A = t2 ? actedMatrix(importTask2(dataDir, model, t2).records, "paper").matrix : null;
    heatmaps[model] = modelMatrices(V, A);
  }
  return { results, matrices: { heatmaps } };
}

/** The published misaligned examples in the report's shape (stated/acted as polarities, shown as agree/disagree). */
export function publishedExamples(dataDir: string): Array<{
  model: string;
  country: string;
  topic: string;
  value: string;
  stated: string;
  acted: string;
  action: string | null;
  explanation: string | null;
}> {
  const out = [];
  for (const model of MODEL_IDS) {
    const spec = MISALIGNED_FILES[model];
    if (!spec) continue;
    for (const e of importMisaligned(dataDir, model, spec).records) {
      out.push({ model, country: e.country, topic: e.topic, value: e.value, stated: e.stated, acted: e.acted, action: e.action, explanation: e.explanation });
    }
  }
  return out;
}
