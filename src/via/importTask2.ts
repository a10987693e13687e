import { join } from "node:path";
import type { Country, Topic, Value } from "../catalog";
import { FileLineError } from "../errors";
import { recordId } from "../runs/id";
import type { Polarity, Task2Record } from "../runs/records";
import { cellInt, cellOneOf, readCsvFile } from "./csv";
import { countSkip, importedCommon, newStats, type Imported } from "./importStats";
import type { ModelId, Task2FileSpec } from "./models";

export const TASK2_COLUMNS = ["dataset_row", "country", "topic", "value", "polarity", "model_choice", "prompt_index"] as const;

/**
 * Import a t2_reconstructed/*.csv (two rows per answered (country, topic,
 * value): the positive and the negative action, `model_choice` True on the
 * chosen one) into one Task2Record per (scenario, value).
 *
 * The paper's Task 2 prompt always put the negative action as Option 1
 * (method.md §5), so optionOrder = "negative-first" and choice = 1 for a
 * negative choice, 2 for a positive one.
 *
 * `invertedChoice` (GPT-4o-mini): the file was written before the authors'
 * 2024-12-19 polarity fix, so True marks the NON-chosen action and the chosen
 * polarity is the opposite of the True row's (method.md §5, §12 item 9).
 *
 * A pair without exactly one True row has no usable choice: recorded with
 * choice null and parse "failed" (the paper protocol later counts such cells as agree).
 */
export function importTask2(dataDir: string, model: ModelId, spec: Task2FileSpec): Imported<Task2Record> {
  const file = join(dataDir, spec.path);
  const table = readCsvFile(file, { columns: TASK2_COLUMNS, countryColumn: "country", topicColumn: "topic", valueColumn: "value", key: (r) => `dataset_row ${r.dataset_row}` }, file);
  const stats = newStats(spec.path);
  stats.rowsRead = table.rows.length;

  type Pair = { country: Country; topic: Topic; value: Value; rows: Partial<Record<Polarity, { choice: boolean; datasetRow: number }>>; line: number };
  const pairs = new Map<string, Pair>();
  table.rows.forEach((r, k) => {
    const line = table.lines[k];
    const polarity = cellOneOf(file, line, r, "polarity", ["positive", "negative"] as const);
    const choice = cellOneOf(file, line, r, "model_choice", ["True", "False"] as const) === "True";
    const datasetRow = cellInt(file, line, r, "dataset_row");
    if (r.prompt_index !== "5") throw new FileLineError(file, line, `column "prompt_index": expected 5 (the paper's Task 2 variant), found ${JSON.stringify(r.prompt_index)}`);
    const key = `${r.country}+${r.topic}+${r.value}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { country: r.country as Country, topic: r.topic as Topic, value: r.value as Value, rows: {}, line };
      pairs.set(key, pair);
    }
    if (pair.rows[polarity]) throw new FileLineError(file, line, `duplicate ${polarity} row for ${key}`);
    pair.rows[polarity] = { choice, datasetRow };
  });

  const records: Task2Record[] = [];
  for (const p of pairs.values()) {
    const pos = p.rows.positive;
    const neg = p.rows.negative;
    let chosenPolarity: Polarity | null = null;
    let reason: string | undefined;
    if (!pos || !neg) reason = `only the ${pos ? "positive" : "negative"} row is present`;
    else if (pos.choice === neg.choice) reason = `model_choice is ${pos.choice ? "True" : "False"} on both rows`;
    else {
      const marked: Polarity = pos.choice ? "positive" : "negative";
      chosenPolarity = spec.invertedChoice ? (marked === "positive" ? "negative" : "positive") : marked;
    }
    if (reason) {
      stats.parsed.failed++;
      countSkip(stats, reason);
    } else stats.parsed.ok++;
    // Valid by construction (names checked by the reader, polarity and
    // model_choice by cellOneOf); tests/via/importedRecords.test.ts holds every
    // imported record to the zod schema. Keys in the schema's order, as zod's output had them.
    const rec: Task2Record = {
      ...importedCommon({ id: recordId({ task: "task2", source: "import", model, country: p.country, topic: p.topic, value: p.value, variant: 5, optionOrder: "negative-first", replicate: 0 }), model: model, protocol: "paper", variant: 5, response: null, parse: reason ? { status: "failed", reason } : { status: "ok" } }),
      task: "task2",
      country: p.country,
      topic: p.topic,
      value: p.value,
      optionOrder: "negative-first",
      choice: chosenPolarity === null ? null : chosenPolarity === "negative" ? 1 : 2,
      chosenPolarity,
      explanation: null,
      actionsSource: `${spec.path}: dataset rows ${[pos?.datasetRow, neg?.datasetRow].filter((x) => x !== undefined).join(",")}`,
    };
    records.push(rec);
  }
  return { records, stats };
}
