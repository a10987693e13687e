import { join } from "node:path";
import { z } from "zod";
import type { Country, Topic, Value } from "../catalog";
import { parseAction } from "../parse/action";
import { recordId } from "../runs/id";
import { GenerateRecord, type Polarity } from "../runs/records";
import { cellOneOf, readCsvFile } from "./csv";
import { countSkip, importedCommon, newStats, type Imported } from "./importStats";
import { DATASET_FILE } from "./models";

/** A VIA dataset row as a generate record, with its 0-based position in the released CSV (Task 2 logs address rows by it). */
export const DatasetItem = GenerateRecord.extend({ datasetRow: z.number().int().nonnegative() });
export type DatasetItem = z.infer<typeof DatasetItem>;

export interface ImportedDataset extends Imported<DatasetItem> {
  /** Rows whose text is a refusal with no JSON (61 in the release, method.md §3.4). */
  refusals: number;
  /** (country, topic, value) with both actions usable (7,329 in the release). */
  usablePairs: number;
}

/** The generating model of the VIA dataset (method.md §3.1). */
export const DATASET_MODEL = "gpt-4o-2024-11-20";

/**
 * Import the VIA dataset CSV (method.md §3.4): one GenerateRecord per row,
 * variant 5, the raw generation as `response`, action/attributions/explanation
 * from the lenient action parser (src/parse/action). Rows that do not parse
 * keep nulls and a failed parse status with the reason; refusals are counted.
 */
export function importDataset(dataDir: string, path: string = DATASET_FILE): ImportedDataset {
  const file = join(dataDir, path);
  const table = readCsvFile(
    file,
    {
      columns: ["country", "topic", "value", "polarity", "generation_prompt"],
      countryColumn: "country",
      topicColumn: "topic",
      valueColumn: "value",
      key: (r) => `${r.country}+${r.topic}+${r.value}+${r.polarity}`,
    },
    file,
  );
  const stats = newStats(path);
  stats.rowsRead = table.rows.length;
  let refusals = 0;
  const usable = new Map<string, number>();
  const records = table.rows.map((r, k): DatasetItem => {
    const line = table.lines[k];
    const polarity: Polarity = cellOneOf(file, line, r, "polarity", ["positive", "negative"] as const);
    const p = parseAction(r.generation_prompt);
    if (p.ok) {
      stats.parsed[p.repaired ? "repaired" : "ok"]++;
      const key = `${r.country}+${r.topic}+${r.value}`;
      usable.set(key, (usable.get(key) ?? 0) + 1);
    } else {
      stats.parsed.failed++;
      countSkip(stats, p.reason);
      if (p.reason === "refusal") refusals++;
    }
    // Valid by construction (names checked by the reader, polarity by cellOneOf,
    // the VIA fields typed by parseAction); tests/via/importedRecords.test.ts
    // holds every imported record to DatasetItem. Keys in the schema's order, as zod's output had them.
    const rec: DatasetItem = {
      ...importedCommon({ id: recordId({ task: "generate", source: "import", model: DATASET_MODEL, country: r.country, topic: r.topic, value: r.value, polarity, variant: 5, replicate: 0 }), model: DATASET_MODEL, protocol: "paper", variant: 5, response: r.generation_prompt, parse: p.ok ? { status: p.repaired ? "repaired" : "ok" } : { status: "failed", reason: p.reason } }),
      task: "generate",
      country: r.country as Country,
      topic: r.topic as Topic,
      value: r.value as Value,
      polarity,
      action: p.ok ? p.value.action : null,
      attributions: p.ok ? p.value.attributions : [],
      explanation: p.ok ? p.value.explanation : null,
      datasetRow: k,
    };
    return rec;
  });
  let usablePairs = 0;
  for (const n of usable.values()) if (n === 2) usablePairs++;
  return { records, stats, refusals, usablePairs };
}
