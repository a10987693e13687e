import { existsSync } from "node:fs";
import { join } from "node:path";
import { humanEvaluation, type HumanEvaluation } from "../analysis/humanEvaluation";
import type { ImportStats } from "../via/importStats";
import { HUMAN_ANNOTATION_FILES, importHumanAnnotation } from "../via/importHumanAnnotation";

/**
 * The human evaluation inside `vag reproduce`: import the four sheets of
 * human_annotation/ and compute results.json's `human_evaluation`. Returns
 * null when the sheets are absent (an older data directory); a malformed
 * sheet stops the reproduction with `FILE:LINE: reason`.
 */
export function reproduceHumanEvaluation(
  dataDir: string,
  seed: number,
  iterations: number,
): { json: HumanEvaluation; huaSummary: Array<Array<number | null>>; imports: ImportStats[] } | null {
  if (!HUMAN_ANNOTATION_FILES.every((f) => existsSync(join(dataDir, f.path)))) return null;
  const imported = HUMAN_ANNOTATION_FILES.map((f) => importHumanAnnotation(dataDir, f));
  const [hua, nick, hua1211, mini] = imported.map((x) => x.sheet);
  const json = humanEvaluation({ annotators: [hua, nick], notebook: [hua1211, nick], others: [hua1211, mini] }, { scheme: "items", seed, resamples: iterations });
  return { json, huaSummary: hua.summary.map((r) => r.act), imports: imported.map((x) => x.stats) };
}
