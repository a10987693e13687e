import { join } from "node:path";
import { FileLineError } from "../errors";
import { parseLabel, readCsvFile } from "./csv";
import { newStats, type Imported } from "./importStats";
import type { FewShotSetting, ModelId } from "./models";

/** One published few-shot prediction: gold label (did the target pick the action) and the observer's raw reply. */
export interface FewShotOutput {
  model: ModelId;
  setting: FewShotSetting;
  label: boolean;
  reply: string;
  line: number;
}

export const FEWSHOT_COLUMNS = ["", "label", "result"] as const;

/**
 * Import explanations/{chatgpt|llama3}_explanation_outputs_{setting}.csv
 * (method.md §8). The reply is kept raw: scoring (second whitespace token) is
 * src/gap/fewshotScore.ts, so the stats here only count label parsing.
 */
export function importFewShot(dataDir: string, path: string, model: ModelId, setting: FewShotSetting): Imported<FewShotOutput> {
  const file = join(dataDir, path);
  const table = readCsvFile(file, { columns: FEWSHOT_COLUMNS, key: (r) => `index ${r[""]}` }, file);
  const stats = newStats(path);
  stats.rowsRead = table.rows.length;
  const records = table.rows.map((r, k): FewShotOutput => {
    const label = parseLabel(r.label);
    if (label === null) throw new FileLineError(file, table.lines[k], `column "label": expected True or False, found ${JSON.stringify(r.label)}`);
    stats.parsed.ok++;
    return { model, setting, label, reply: r.result, line: table.lines[k] };
  });
  return { records, stats };
}
