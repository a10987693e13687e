import { COUNTRIES } from "../catalog";
import type { Task2LogLine } from "./task2Log";

/**
 * Rebuild the derived t2_reconstructed/*.csv files from a Task 2 log and the
 * dataset (../shared/via/MANIFEST.md): the authors' full Task 2 CSVs were not
 * published, but each run's per-row log says which dataset row got
 * `model_choice` True or False.
 *
 * Claude Sonnet 4 (2025) logged rows of the released dataset CSV directly.
 * GPT-4o-mini (2024-12-18) logged positions in the 24 per-country generation
 * files concatenated in the authors' `os.listdir` order of that day (batch
 * 1212 = the first value of each group, 220 rows per country; batch 1217 = the
 * other 45 values, 990 rows per country; Unity With Nature, batch 1218, did
 * not exist yet). That order is not in any published file; it was recovered
 * once from the published reconstruction (each file's 220 or 990 choices
 * match exactly one position) and is kept here as data.
 */

export interface DatasetKey {
  country: string;
  topic: string;
  value: string;
  polarity: string;
}

export type Batch = "1212" | "1217";
export const BATCH_ROWS: Record<Batch, number> = { "1212": 220, "1217": 990 };

/** Offset of a batch file's first row in the released CSV (combine.ipynb: 1212 countries, 1217 countries, 1218 countries, in catalog order). */
export function releasedOffset(batch: Batch, country: string): number {
  const c = (COUNTRIES as readonly string[]).indexOf(country);
  if (c < 0) throw new RangeError(`unknown country ${country}`);
  return batch === "1212" ? 220 * c : 220 * COUNTRIES.length + 990 * c;
}

/** The recovered 2024-12-18 concatenation order of the GPT-4o-mini Task 2 run. */
export const GPT4O_MINI_FILE_ORDER: ReadonlyArray<readonly [Batch, string]> = [
  ["1217", "Australia"], ["1212", "Uganda"], ["1217", "Germany"], ["1212", "Nigeria"],
  ["1212", "United Kingdom"], ["1212", "India"], ["1212", "France"], ["1217", "Uganda"],
  ["1217", "United Kingdom"], ["1212", "Australia"], ["1212", "Egypt"], ["1212", "Philippines"],
  ["1217", "Nigeria"], ["1217", "France"], ["1212", "Canada"], ["1217", "Pakistan"],
  ["1217", "India"], ["1217", "Canada"], ["1212", "Pakistan"], ["1212", "Germany"],
  ["1217", "Philippines"], ["1212", "United States"], ["1217", "Egypt"], ["1217", "United States"],
];

/** Map a position in a concatenation of batch files to a row of the released CSV; undefined past the end. */
export function concatIndexToRow(order: ReadonlyArray<readonly [Batch, string]>): (index: number) => number | undefined {
  const starts: number[] = [];
  let at = 0;
  for (const [b] of order) {
    starts.push(at);
    at += BATCH_ROWS[b];
  }
  return (index) => {
    if (index < 0 || index >= at) return undefined;
    let k = starts.length - 1;
    while (starts[k] > index) k--;
    const [batch, country] = order[k];
    return releasedOffset(batch, country) + (index - starts[k]);
  };
}

export const identityRow = (index: number): number => index;

/**
 * The reconstructed CSV text: header, then one line per logged row sorted by
 * dataset row, `model_choice` as the log has it (True/False, no inversion).
 * Throws RangeError when a log index has no dataset row.
 */
export function rebuildTask2Csv(
  log: readonly Task2LogLine[],
  dataset: readonly DatasetKey[],
  rowOf: (index: number) => number | undefined,
): string {
  const rows = log.map((l) => {
    const row = rowOf(l.index);
    if (row === undefined || row >= dataset.length) throw new RangeError(`log index ${l.index} has no dataset row`);
    return { row, l };
  });
  rows.sort((a, b) => a.row - b.row);
  const out = ["dataset_row,country,topic,value,polarity,model_choice,prompt_index"];
  for (const { row, l } of rows) {
    const d = dataset[row];
    out.push([row, d.country, d.topic, d.value, d.polarity, l.model_choice ? "True" : "False", l.prompt_index].join(","));
  }
  return out.join("\n") + "\n";
}
