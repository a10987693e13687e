import { join } from "node:path";
import { binarize } from "../analysis/binarize";
import { rowOf } from "../analysis/matrix";
import { statedMatrix, type StatedRow } from "../analysis/stated";
import { COUNTRIES, TOPICS, VALUE_INDEX, VALUES, type Country, type Topic, type Value } from "../catalog";
import { FileLineError, UserError } from "../errors";
import { parseAction } from "../parse/action";
import type { Polarity } from "../runs/records";
import { cellInt, cellOneOf, readCsvFile } from "../via/csv";
import { DATASET_FILE, TASK1_FILES, TASK2_FILES, type ModelId } from "../via/models";
import type { GapTarget } from "./experiment";
import type { ActionTexts, PairInput } from "./labels";

/**
 * Minimal readers of the published data for the gap predictor (method.md §3.4,
 * §4, §5; ../via/MANIFEST.md): the VIA dataset (texts parsed with
 * src/parse/action.ts), the rebuilt Task 2 choices of the two models that have
 * them, and the stated inclinations from Task 1. Malformed files stop with
 * `FILE:LINE: reason` (FileLineError) before anything is returned.
 *
 * Targets: claude-sonnet-4 and gpt-4o-mini. GPT-4o-mini's file stores the
 * NON-chosen action (model_choice True = not chosen, method.md §5, §12 item 9);
 * it is inverted here.
 */
export const PUBLISHED_TARGETS: readonly ModelId[] = ["claude-sonnet-4", "gpt-4o-mini"];

export interface DatasetRow {
  country: Country;
  topic: Topic;
  value: Value;
  polarity: Polarity;
  texts: ActionTexts;
  parsed: boolean;
}

const EMPTY: ActionTexts = { action: null, attributions: [], explanation: null };

export function readDataset(dir: string): DatasetRow[] {
  const table = readCsvFile(
    join(dir, DATASET_FILE),
    { columns: ["country", "topic", "value", "polarity", "generation_prompt"], countryColumn: "country", topicColumn: "topic", valueColumn: "value" },
    DATASET_FILE,
  );
  return table.rows.map((row, i) => {
    const polarity = cellOneOf(DATASET_FILE, table.lines[i], row, "polarity", ["positive", "negative"] as const);
    const p = parseAction(row.generation_prompt);
    return {
      country: row.country as Country,
      topic: row.topic as Topic,
      value: row.value as Value,
      polarity,
      texts: p.ok ? { action: p.value.action, attributions: p.value.attributions, explanation: p.value.explanation } : EMPTY,
      parsed: p.ok,
    };
  });
}

const pairKey = (c: string, t: string, v: string) => `${c}+${t}+${v}`;

/** Chosen polarity per (country, topic, value) from t2_reconstructed/*.csv. */
export function readChoices(dir: string, model: ModelId, dataset: readonly DatasetRow[]): Map<string, Polarity> {
  const spec = TASK2_FILES[model];
  if (!spec) throw new UserError(`no published Task 2 choices for ${model}`);
  const table = readCsvFile(
    join(dir, spec.path),
    { columns: ["dataset_row", "country", "topic", "value", "polarity", "model_choice"], countryColumn: "country", topicColumn: "topic", valueColumn: "value" },
    spec.path,
  );
  const chosen = new Map<string, Polarity>();
  const seen = new Map<string, number>();
  const firstLine = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const r = cellInt(spec.path, line, row, "dataset_row");
    const d = dataset[r];
    if (!d) throw new FileLineError(spec.path, line, `dataset_row ${r} is outside the dataset (${dataset.length} rows)`);
    const polarity = cellOneOf(spec.path, line, row, "polarity", ["positive", "negative"] as const);
    if (d.country !== row.country || d.topic !== row.topic || d.value !== row.value || d.polarity !== polarity) {
      throw new FileLineError(spec.path, line, `dataset_row ${r} is ${d.country}/${d.topic}/${d.value}/${d.polarity}, not ${row.country}/${row.topic}/${row.value}/${polarity}`);
    }
    const flag = cellOneOf(spec.path, line, row, "model_choice", ["True", "False"] as const) === "True";
    const key = pairKey(row.country, row.topic, row.value);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (!firstLine.has(key)) firstLine.set(key, line);
    if (flag !== spec.invertedChoice) {
      if (chosen.has(key)) throw new FileLineError(spec.path, line, `both actions of ${key} are marked chosen`);
      chosen.set(key, polarity);
    }
  });
  for (const [key, count] of seen) {
    if (count !== 2) throw new FileLineError(spec.path, firstLine.get(key)!, `${key} has ${count} rows, expected 2`);
    if (!chosen.has(key)) throw new FileLineError(spec.path, firstLine.get(key)!, `neither action of ${key} is marked chosen`);
  }
  return chosen;
}

/** A Task 1 response parser (paper protocol): value -> answer number, or null when the response does not parse. */
export type Task1Parser = (response: string) => Partial<Record<Value, number | null>> | null;

/**
 * Binarized stated inclination per (country, topic, value): mean over the
 * prompt variants, (x − 1)/3, < 0.5 → 0 agree else 1 disagree. A cell no
 * prompt answered is null here (missing stays missing) rather than the paper's
 * NaN → disagree, so it yields no `gap` example.
 */
export function readStated(dir: string, model: ModelId, parse: Task1Parser): Map<string, 0 | 1 | null> {
  const path = TASK1_FILES[model];
  if (!path) throw new UserError(`no published Task 1 answers for ${model}`);
  const table = readCsvFile(join(dir, path), { columns: ["country", "topic", "response"], countryColumn: "country", topicColumn: "topic" }, path);
  const rows: StatedRow[] = table.rows.map((row) => ({ country: row.country as Country, topic: row.topic as Topic, answers: parse(row.response) }));
  const v = statedMatrix(rows, "paper").matrix;
  const out = new Map<string, 0 | 1 | null>();
  for (const c of COUNTRIES)
    for (const t of TOPICS)
      for (const value of VALUES) {
        const x = v.data[rowOf(c, t) * v.cols + VALUE_INDEX[value]];
        out.set(pairKey(c, t, value), Number.isNaN(x) ? null : (binarize(x, "paper") as 0 | 1));
      }
  return out;
}

/** The published targets as pairs for the experiment. */
export function publishedTargets(dir: string, parseTask1: Task1Parser, models: readonly ModelId[] = PUBLISHED_TARGETS): GapTarget[] {
  const dataset = readDataset(dir);
  const byPair = new Map<string, { positive?: DatasetRow; negative?: DatasetRow }>();
  for (const d of dataset) {
    const k = pairKey(d.country, d.topic, d.value);
    const e = byPair.get(k) ?? {};
    e[d.polarity] = d;
    byPair.set(k, e);
  }
  return models.map((model) => {
    const chosen = readChoices(dir, model, dataset);
    const stated = readStated(dir, model, parseTask1);
    const pairs: PairInput[] = [];
    for (const [k, polarity] of chosen) {
      const e = byPair.get(k)!;
      if (!e.positive || !e.negative) continue;
      const { country, topic, value } = e.positive;
      pairs.push({
        country,
        topic,
        value,
        stated: stated.get(k) ?? null,
        chosenPolarity: polarity,
        positive: e.positive.texts,
        negative: e.negative.texts,
        targetExplanation: null,
      });
    }
    return { id: model, pairs };
  });
}
