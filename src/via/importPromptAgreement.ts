import { join } from "node:path";
import type { Country, Topic, Value } from "../catalog";
import { readCsvFile } from "./csv";
import { newStats, type Imported } from "./importStats";
import type { ModelId } from "./models";

/** One pair of the Task 2 prompt-robustness study: the 8 raw answers (variants 0..7). */
export interface PromptAgreementPair {
  model: ModelId;
  country: Country;
  topic: Topic;
  value: Value;
  option1: string;
  option2: string;
  evaluations: string[];
  line: number;
}

const EVALUATIONS = Array.from({ length: 8 }, (_, v) => `evaluation_${v}`);
export const PROMPT_AGREEMENT_COLUMNS = ["country", "topic", "value", "option1", "option2", ...EVALUATIONS] as const;

/**
 * Import task2_prompt_agreement/task2_results_*.csv (method.md §6.5): 50
 * (country, topic, value) pairs × 8 variants, answers as Python dict reprs.
 * They are kept raw; the authors' '1'-substring detector that turns them into
 * Table 8's Task 2 column lives in src/analysis/promptAgreement.ts.
 */
export function importPromptAgreement(dataDir: string, path: string, model: ModelId): Imported<PromptAgreementPair> {
  const file = join(dataDir, path);
  const table = readCsvFile(file, { columns: PROMPT_AGREEMENT_COLUMNS, countryColumn: "country", topicColumn: "topic", valueColumn: "value", key: (r) => `${r.country}+${r.topic}+${r.value}` }, file);
  const stats = newStats(path);
  stats.rowsRead = table.rows.length;
  const records = table.rows.map((r, k): PromptAgreementPair => {
    stats.parsed.ok++;
    return {
      model,
      country: r.country as Country,
      topic: r.topic as Topic,
      value: r.value as Value,
      option1: r.option1,
      option2: r.option2,
      evaluations: EVALUATIONS.map((c) => r[c]),
      line: table.lines[k],
    };
  });
  return { records, stats };
}
