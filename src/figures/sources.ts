import { existsSync, statSync } from "node:fs";
import { z } from "zod";
import { join } from "node:path";
import { COUNTRIES, TOPICS, VALUES } from "../catalog";
import { actedMatrix, type ActedChoice } from "../analysis/acted";
import { alignmentRate, type RateAggregates } from "../analysis/alignmentRate";
import { distanceGroupMean } from "../analysis/distance";
import { inconsistency } from "../analysis/inconsistency";
import type { Matrix } from "../analysis/matrix";
import type { Protocol } from "../protocol";
import { modelMatrices } from "../analysis/heatmapGrids";
import { isPublishedDataDir, publishedInputs } from "./published";
import { alignmentRanking } from "../analysis/ranking";
import { statedMatrix, type StatedRow } from "../analysis/stated";
import { task1PromptAgreement, type Task1Agreement } from "../analysis/promptAgreement";
import { positionBias } from "../analysis/positionBias";
import { UserError } from "../errors";
import { openRun, type Run } from "../runs/openRun";
import { checkJson, parseJsonFile, readJsonFile } from "./readJson";
import type { FigureInputs, GapResults, Grid, Matrices, ModelMatrices, ModelResults, ReproduceResults, Scores } from "./results";
import { GapResultsSchema, MatricesSchema, ReproduceResultsSchema } from "./schemas";

/**
 * Where figures and the report get their numbers. Each `--from` directory is
 * one of:
 *  - an `out/reproduce` directory: `results.json` (+ optional `matrices.json`);
 *  - an `out/gap` directory: `results.json` with an `experiments` list;
 *  - the published data directory (../shared/via): reproduced here, see published.ts;
 *  - a run directory: `manifest.json` + `task1.jsonl` and/or `task2.jsonl`,
 *    analysed here with the run's protocol (matrices, F1, distance, ranking,
 *    inconsistency; no CIs).
 * Several directories merge (models by id; a later directory wins per field).
 * The result is simulated when any source says so (results `simulated: true`
 * or a run manifest's `simulated`).
 */
export interface LoadedInputs extends FigureInputs {
  /** What was read, for messages: [kind, path]. */
  sources: Array<{ kind: "reproduce" | "matrices" | "gap" | "run" | "published"; path: string }>;
  /** Misaligned examples of published data directories (imported once, with the results). */
  publishedExamples?: ReturnType<typeof publishedInputs>["examples"];
}

export const RESULTS_FILE = "results.json";
export const MATRICES_FILE = "matrices.json";

export function loadInputs(dirs: readonly string[]): LoadedInputs {
  const out: LoadedInputs = { simulated: false, sources: [] };
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${dir}: no such directory`, 2);
    if (isPublishedDataDir(dir)) {
      const pub = publishedInputs(dir);
      out.results = mergeResults(out.results, pub.results);
      out.matrices = mergeMatrices(out.matrices, pub.matrices);
      out.publishedExamples = [...(out.publishedExamples ?? []), ...pub.examples];
      out.sources.push({ kind: "published", path: dir });
      continue;
    }
    let found = false;
    const resultsFile = join(dir, RESULTS_FILE);
    if (existsSync(resultsFile)) {
      found = true;
      const { text, json } = parseJsonFile(resultsFile);
      const raw = checkJson(resultsFile, text, json, z.looseObject({})) as Record<string, unknown>;
      if (Array.isArray(raw.experiments)) {
        const gap = checkJson(resultsFile, text, json, GapResultsSchema) as GapResults;
        out.gap = { ...gap, experiments: [...(out.gap?.experiments ?? []), ...(gap.experiments ?? [])] };
        out.simulated ||= gap.simulated === true;
        out.sources.push({ kind: "gap", path: resultsFile });
      } else {
        const results = checkJson(resultsFile, text, json, ReproduceResultsSchema) as ReproduceResults;
        out.results = mergeResults(out.results, results);
        out.simulated ||= results.simulated === true;
        out.sources.push({ kind: "reproduce", path: resultsFile });
      }
    }
    const matricesFile = join(dir, MATRICES_FILE);
    if (existsSync(matricesFile)) {
      found = true;
      const m = readJsonFile(matricesFile, MatricesSchema) as Matrices;
      out.matrices = mergeMatrices(out.matrices, m);
      out.simulated ||= m.simulated === true;
      out.sources.push({ kind: "matrices", path: matricesFile });
    }
    if (existsSync(join(dir, "manifest.json")) && (existsSync(join(dir, "task1.jsonl")) || existsSync(join(dir, "task2.jsonl")))) {
      found = true;
      const run = analyseRun(dir);
      out.results = mergeResults(out.results, { models: { [run.model]: run.results } });
      out.matrices = mergeMatrices(out.matrices, { heatmaps: { [run.model]: run.matrices } });
      out.simulated ||= run.simulated;
      out.sources.push({ kind: "run", path: dir });
    }
    // A directory holding only the report's misaligned.json is read by the report, not here.
    if (existsSync(join(dir, "misaligned.json"))) found = true;
    if (!found) {
      throw new UserError(
        `${dir}: nothing to read (expected results.json [+ matrices.json] of vag reproduce / vag gap, a run directory with manifest.json and task1.jsonl / task2.jsonl, or misaligned.json)`,
        2,
      );
    }
  }
  return out;
}

function mergeResults(a: ReproduceResults | undefined, b: ReproduceResults): ReproduceResults {
  if (!a) return b;
  const models = { ...(a.models ?? {}) };
  for (const [id, r] of Object.entries(b.models ?? {})) models[id] = { ...(models[id] ?? {}), ...r };
  return {
    ...a,
    ...b,
    simulated: a.simulated === true || b.simulated === true,
    models,
    task2_prompt_agreement: { ...(a.task2_prompt_agreement ?? {}), ...(b.task2_prompt_agreement ?? {}) },
    gap_prediction_fewshot: { ...(a.gap_prediction_fewshot ?? {}), ...(b.gap_prediction_fewshot ?? {}) },
    risk_counts: b.risk_counts ?? a.risk_counts,
  };
}

function mergeMatrices(a: Matrices | undefined, b: Matrices): Matrices {
  const heatmaps = { ...(a?.heatmaps ?? {}) };
  for (const [id, m] of Object.entries(b.heatmaps ?? {})) heatmaps[id] = { ...(heatmaps[id] ?? {}), ...m };
  return { simulated: a?.simulated === true || b.simulated === true, heatmaps };
}

export interface RunAnalysis {
  model: string;
  simulated: boolean;
  protocol: Protocol;
  results: ModelResults;
  matrices: ModelMatrices;
  /** The 132 x 56 study matrices (null when the run has no Task 1 / Task 2 records). */
  V: Matrix | null;
  A: Matrix | null;
  /** Task 1 prompt agreement with its per-scenario shares (null without Task 1 records). */
  task1Agreement: Task1Agreement | null;
}

/**
 * Analyse one run directory with its manifest's protocol: V from task1.jsonl,
 * A from task2.jsonl (latest record per id; failed calls carry no answer),
 * then the per-country / per-topic means, F1, group-mean distance, ranking
 * and inconsistency counts of src/analysis. Only what the present files
 * support is filled in.
 */
export function analyseRun(source: string | Run): RunAnalysis {
  const run = typeof source === "string" ? openRun(source) : source;
  const manifest = run.manifest;
  const protocol = manifest.protocol;
  const t1 = run.task1();
  const t2 = run.task2();
  const results: ModelResults = {};
  let V: Matrix | null = null;
  let agreement: Task1Agreement | null = null;
  let A: Matrix | null = null;
  if (t1.length > 0) {
    const rows: StatedRow[] = t1.map((r) => ({ country: r.country, topic: r.topic, answers: r.error ? null : r.answers }));
    V = statedMatrix(rows, protocol).matrix;
    // Prompt agreement across the variants the run asked (Table 8's Task 1 column when all 8 were run).
    const byScenario = new Map<string, StatedRow["answers"][]>();
    for (const r of rows) byScenario.set(`${r.country}+${r.topic}`, [...(byScenario.get(`${r.country}+${r.topic}`) ?? []), r.answers]);
    agreement = task1PromptAgreement([...byScenario.values()], protocol);
    if (agreement.n > 0 && new Set(t1.map((r) => r.variant)).size > 1) results.task1_agreement = agreement.value;
  }
  if (t2.length > 0) {
    const bias = positionBias(t2.map((r) => ({ pair: `${r.country}+${r.topic}+${r.value}#${r.replicate}`, optionOrder: r.optionOrder, choice: r.error ? null : r.choice })));
    if (bias.pairs > 0)
      results.position_bias = { option1_share: bias.option1Share, order_consistency: bias.orderConsistency, pairs: bias.pairs, answers: bias.answers };
    const choices: ActedChoice[] = t2.map((r) => ({ country: r.country, topic: r.topic, value: r.value, chosenPolarity: r.error ? null : r.chosenPolarity }));
    A = actedMatrix(choices, protocol).matrix;
  }
  const matrices = modelMatrices(V, A);
  if (V && A) {
    results.f1 = scoresOf(alignmentRate(V, A, { protocol }).f1);
    results.f1_inverted = scoresOf(alignmentRate(V, A, { protocol, inverted: true }).f1);
    const d = distanceGroupMean(V, A, protocol);
    results.distance_group_mean = { by_country: keyedRows(d.byCountry, COUNTRIES), by_topic: keyedRows(d.byTopic, TOPICS) };
    const rk = alignmentRanking(V, A, { protocol }, d);
    const covered = (r: Record<string, Array<[string, number]>>) =>
      Object.fromEntries(Object.entries(r).filter(([, ranking]) => ranking.some(([, d]) => Number.isFinite(d))));
    results.ranking = { by_country: covered(rk.byCountry), by_topic: covered(rk.byTopic) };
    const inc = inconsistency(V, A, protocol);
    results.inconsistency = {
      stated_disagree_acted_agree: inc.stated_disagree_acted_agree,
      stated_agree_acted_disagree: inc.stated_agree_acted_disagree,
      total: inc.total,
      share: inc.share,
    };
  }
  return { model: manifest.model.id, simulated: manifest.simulated, protocol, results, matrices, V, A, task1Agreement: agreement };
}

function keyedRows(m: Matrix, names: readonly string[]): Grid {
  const out: Grid = {};
  names.forEach((name, i) => {
    const row: Record<string, number> = {};
    VALUES.forEach((v, j) => {
      const x = m.data[i * m.cols + j];
      if (Number.isFinite(x)) row[v] = x;
    });
    // A country/topic the run did not cover has no finite cell: leave it out rather than draw an empty row.
    if (Object.keys(row).length > 0) out[name] = row;
  });
  return out;
}

function scoresOf(a: RateAggregates): Scores {
  const pick = (o: Record<string, { value: number; n: number }>) =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x.n > 0).map(([k, x]) => [k, x.value]));
  return { overall: a.overall.n > 0 ? a.overall.value : undefined, by_country: pick(a.byCountry), by_topic: pick(a.byTopic) };
}
