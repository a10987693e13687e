import { existsSync } from "node:fs";
import { join } from "node:path";
import { reproduce, requiredFiles, type Reproduction } from "../reproduce/reproduce";
import type { MatricesJson, ResultsJson } from "./results";

/**
 * The published data directory (../shared/via layout, or VAL_DATA_DIR) as a
 * direct `--from` source, so `vag figures --from ../shared/via` and
 * `vag report --from ../shared/via` need no intermediate files: the results
 * are those of `vag reproduce` (paper protocol, its default seed and
 * resamples), with the heatmap grids and the published misaligned examples
 * it imported on the way (one reading of the files).
 */
export function isPublishedDataDir(dir: string): boolean {
  return existsSync(join(dir, "MANIFEST.md")) && requiredFiles().every((f) => existsSync(join(dir, f)));
}

export function publishedInputs(dataDir: string): ReproductionInputs {
  return reproductionInputs(reproduce({ dataDir }));
}

export interface ReproductionInputs {
  simulated: false;
  results: ResultsJson;
  matrices: MatricesJson;
  examples: Reproduction["detail"]["examples"];
}

/** Figure inputs of a reproduction already computed (notebook 07 passes its own `reproduce(...)`). */
export function reproductionInputs(rep: Reproduction): ReproductionInputs {
  return { simulated: false, results: rep.results, matrices: { simulated: false, heatmaps: rep.detail.heatmaps }, examples: rep.detail.examples };
}
