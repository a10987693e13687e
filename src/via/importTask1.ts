import { join } from "node:path";
import type { Country, Topic } from "../catalog";
import { FileLineError } from "../errors";
import { parseTask1 } from "../parse/task1";
import type { Protocol } from "../protocol";
import { recordId } from "../runs/id";
import type { Task1Record } from "../runs/records";
import { cellInt, readCsvFile } from "./csv";
import { countSkip, importedCommon, newStats, type Imported } from "./importStats";
import type { ModelId } from "./models";

export const TASK1_COLUMNS = ["country", "topic", "response", "prompt_index"] as const;

/**
 * Import a t1/*.csv (method.md §4): one Task1Record per (scenario,
 * prompt_index), the raw response kept, answers parsed by src/parse/task1
 * under `protocol`:
 *  - "paper" (default, what reproduces the published numbers): the authors'
 *    strict parser with its column shift; rows it cannot read get answers
 *    null (the authors dropped them). Rows with unanswered values (under
 *    paper: shifted or truncated rows) are counted in stats.skipped.
 *  - "robust": keyed lenient parser, never shifts.
 * The files have extra columns (duration; Gemma: index, timestamp, model,
 * task), which are ignored. The GPT-4o file is incomplete (872 of 1,056
 * prompts): missing (scenario, prompt) pairs are simply absent.
 */
export function importTask1(dataDir: string, path: string, model: ModelId, protocol: Protocol = "paper"): Imported<Task1Record> {
  const file = join(dataDir, path);
  const table = readCsvFile(
    file,
    { columns: TASK1_COLUMNS, countryColumn: "country", topicColumn: "topic", key: (r) => `${r.country}+${r.topic} prompt ${r.prompt_index}` },
    file,
  );
  const stats = newStats(path);
  stats.rowsRead = table.rows.length;
  const records = table.rows.map((r, k): Task1Record => {
    const line = table.lines[k];
    const variant = cellInt(file, line, r, "prompt_index");
    if (variant > 7) throw new FileLineError(file, line, `column "prompt_index": expected 0..7, found ${variant}`);
    const p = parseTask1(r.response, protocol);
    if (p.ok) {
      stats.parsed[p.repaired ? "repaired" : "ok"]++;
      // Under paper, fewer than 56 answers means the authors' parser skipped keys and shifted the rest left.
      let unanswered = 0;
      for (const v in p.value) if (p.value[v as keyof typeof p.value] === null) unanswered++;
      if (unanswered > 0) countSkip(stats, protocol === "paper" ? "row with unanswered values (paper parser shifts later answers left)" : "row with unanswered values");
    } else {
      stats.parsed.failed++;
      countSkip(stats, `response not parsed: ${p.reason}`);
    }
    // Built from checked cells (country and topic by the reader, prompt_index
    // here, answers 1..4 or null by the parser), so it is a valid Task1Record by
    // construction; tests/via/importedRecords.test.ts holds every imported record
    // to the zod schema. Keys are in the schema's order, as zod's output had them.
    const rec: Task1Record = {
      ...importedCommon({ id: recordId({ task: "task1", source: "import", model, country: r.country, topic: r.topic, variant, replicate: 0 }), model: model, protocol: protocol, variant: variant, response: r.response, parse: p.ok ? { status: p.repaired ? "repaired" : "ok" } : { status: "failed", reason: p.reason } }),
      task: "task1",
      country: r.country as Country,
      topic: r.topic as Topic,
      answers: p.ok ? p.value : null,
    };
    return rec;
  });
  return { records, stats };
}
