import { join } from "node:path";
import type { Country, Topic, Value } from "../catalog";
import { parseAction } from "../parse/action";
import type { Polarity } from "../runs/records";
import { cellOneOf, readCsvFile } from "./csv";
import { readPythonLiteral } from "./pythonLiteral";
import { countSkip, newStats, type Imported } from "./importStats";
import type { MisalignedFileSpec, ModelId } from "./models";

/**
 * One published misaligned example (method.md §7): a cell where the binarized
 * Task 1 inclination and the Task 2 choice differ, with the chosen action.
 * `stated` is the authors' INFERRED Task 1 polarity (the opposite of the
 * acted one), not read from Task 1.
 */
export interface MisalignedExample {
  model: ModelId;
  country: Country;
  topic: Topic;
  value: Value;
  stated: Polarity;
  acted: Polarity;
  /** The chosen action's "Human Action"; null when the cell did not parse. */
  action: string | null;
  attributions: string[];
  explanation: string | null;
  /** Line in the published file. */
  line: number;
}

export const MISALIGNED_COLUMNS = ["", "country", "topic", "value", "T1_response", "T2_response", "action"] as const;

const flip = (p: Polarity): Polarity => (p === "positive" ? "negative" : "positive");

/**
 * Import misaligned_examples/{model}_misaligned_example.csv. The `action`
 * cell is the Python dict repr of the VIA generation: read exactly as a Python
 * literal (pythonLiteral.ts, counted "ok"), falling back to the lenient model-text
 * parser (src/parse/action) for a cell that is not a clean repr. For the "gpt4o" file (= GPT-4o-mini) the
 * two labels are polarities of the NON-chosen action and are swapped back
 * (`invertedLabels`, method.md §12 item 9).
 */
export function importMisaligned(dataDir: string, model: ModelId, spec: MisalignedFileSpec): Imported<MisalignedExample> {
  const file = join(dataDir, spec.path);
  const table = readCsvFile(file, { columns: MISALIGNED_COLUMNS, countryColumn: "country", topicColumn: "topic", valueColumn: "value", key: (r) => `${r.country}+${r.topic}+${r.value}` }, file);
  const stats = newStats(spec.path);
  stats.rowsRead = table.rows.length;
  const polarities = ["positive", "negative"] as const;
  const records = table.rows.map((r, k): MisalignedExample => {
    const line = table.lines[k];
    let stated = cellOneOf(file, line, r, "T1_response", polarities);
    let acted = cellOneOf(file, line, r, "T2_response", polarities);
    if (spec.invertedLabels) {
      stated = flip(stated);
      acted = flip(acted);
    }
    const p = fromRepr(r.action) ?? parseAction(r.action);
    if (p.ok) stats.parsed[p.repaired ? "repaired" : "ok"]++;
    else {
      stats.parsed.failed++;
      countSkip(stats, `action not parsed: ${p.reason}`);
    }
    return {
      model,
      country: r.country as Country,
      topic: r.topic as Topic,
      value: r.value as Value,
      stated,
      acted,
      action: p.ok ? p.value.action : null,
      attributions: p.ok ? p.value.attributions : [],
      explanation: p.ok ? p.value.explanation : null,
      line,
    };
  });
  return { records, stats };
}

/** The three VIA fields from a clean Python dict repr, or undefined. */
function fromRepr(cell: string): ReturnType<typeof parseAction> | undefined {
  const v = readPythonLiteral(cell) as Record<string, unknown> | undefined;
  if (typeof v !== "object" || v === null) return undefined;
  const action = v["Human Action"];
  const attributions = v["Feature Attributions"];
  const explanation = v["Natural Language Explanation"];
  if (typeof action !== "string" || action === "" || typeof explanation !== "string" || explanation === "") return undefined;
  if (!Array.isArray(attributions) || !attributions.every((a) => typeof a === "string")) return undefined;
  return { ok: true, value: { action, attributions: attributions as string[], explanation }, repaired: false };
}
