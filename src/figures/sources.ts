import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { UserError } from "../errors";
import { runResults, type RunResults } from "../results/runResults";
import { MatricesJsonSchema, ResultsJsonSchema } from "../results/schema";
import { openRun, type Run } from "../runs/openRun";
import { isPublishedDataDir, publishedInputs } from "./published";
import { checkJson, parseJsonFile, readJsonFile } from "./readJson";
import type { FigureInputs, MatricesJson, ResultsJson } from "./results";
import { GapResultsSchema, type GapResults } from "./schemas";

/**
 * Where figures and the report get their numbers. Each `--from` directory is
 * one of:
 *  - an `out/reproduce` or `out/analyze` directory: `results.json` (+ optional `matrices.json`);
 *  - an `out/gap` directory: `results.json` with an `experiments` list;
 *  - the published data directory (../shared/via): reproduced here, see published.ts;
 *  - a run directory: `manifest.json` + `task1.jsonl` and/or `task2.jsonl`,
 *    analysed by results/runResults (what `vag analyze` writes, every interval included).
 * Several directories merge (models by id; a later directory wins per field).
 * The result is simulated when any source says so (results `simulated: true`
 * or a run manifest's `simulated`). Nothing here computes a measure.
 */
export interface LoadedInputs extends FigureInputs {
  /** What was read, for messages: [kind, path]. */
  sources: Array<{ kind: "reproduce" | "matrices" | "gap" | "run" | "published"; path: string }>;
  /** Misaligned examples of published data directories (imported once, with the results). */
  publishedExamples?: ReturnType<typeof publishedInputs>["examples"];
  /** The analysed runs of run directories (the report lists their misaligned cells from them). */
  runs: RunResults[];
}

export const RESULTS_FILE = "results.json";
export const MATRICES_FILE = "matrices.json";

/** A run directory: a manifest and at least one of the task files the analysis reads. */
export function isRunDir(dir: string): boolean {
  return existsSync(join(dir, "manifest.json")) && (existsSync(join(dir, "task1.jsonl")) || existsSync(join(dir, "task2.jsonl")));
}

/** A source: a directory, an opened run (analysed here) or an already analysed run (used as is: `npm start` analyses once). */
export type InputSource = string | Run | RunResults;

export function loadInputs(dirs: ReadonlyArray<InputSource>): LoadedInputs {
  const out: LoadedInputs = { simulated: false, sources: [], runs: [] };
  for (const source of dirs) {
    if (typeof source !== "string") {
      addRun(out, "results" in source ? source : runResults(source));
      continue;
    }
    const dir = source;
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
      const raw = checkJson(resultsFile, text, json, z.looseObject({}));
      if (Array.isArray(raw.experiments)) {
        const gap = checkJson(resultsFile, text, json, GapResultsSchema);
        out.gap = { ...gap, experiments: [...(out.gap?.experiments ?? []), ...gap.experiments] };
        out.simulated ||= gap.simulated === true;
        out.sources.push({ kind: "gap", path: resultsFile });
      } else {
        const results = checkJson(resultsFile, text, json, ResultsJsonSchema);
        out.results = mergeResults(out.results, results);
        out.simulated ||= results.simulated === true;
        out.sources.push({ kind: "reproduce", path: resultsFile });
      }
    }
    const matricesFile = join(dir, MATRICES_FILE);
    if (existsSync(matricesFile)) {
      found = true;
      const m = readJsonFile(matricesFile, MatricesJsonSchema);
      out.matrices = mergeMatrices(out.matrices, m);
      out.simulated ||= m.simulated === true;
      out.sources.push({ kind: "matrices", path: matricesFile });
    }
    if (isRunDir(dir)) {
      found = true;
      addRun(out, runResults(openRun(dir)));
    }
    // A directory holding only the report's misaligned.json is read by the report, not here.
    if (existsSync(join(dir, "misaligned.json"))) found = true;
    if (!found) {
      throw new UserError(
        `${dir}: nothing to read (expected results.json [+ matrices.json] of vag reproduce / vag analyze / vag gap, a run directory with manifest.json and task1.jsonl / task2.jsonl, or misaligned.json)`,
        2,
      );
    }
  }
  return out;
}

/** Add an analysed run: its model's entry, its heatmap grids, its simulated flag. */
function addRun(out: LoadedInputs, run: RunResults): void {
  out.results = mergeResults(out.results, { simulated: run.simulated, models: { [run.model]: run.results } });
  out.matrices = mergeMatrices(out.matrices, { simulated: run.simulated, heatmaps: { [run.model]: run.matrices } });
  out.simulated ||= run.simulated;
  out.runs.push(run);
  out.sources.push({ kind: "run", path: run.dir });
}

function mergeResults(a: ResultsJson | undefined, b: ResultsJson): ResultsJson {
  if (!a) return b;
  const models = { ...a.models };
  for (const [id, r] of Object.entries(b.models)) models[id] = { ...(models[id] ?? {}), ...r };
  return {
    ...a,
    ...b,
    simulated: a.simulated === true || b.simulated === true,
    models,
    task2_prompt_agreement: { ...(a.task2_prompt_agreement ?? {}), ...(b.task2_prompt_agreement ?? {}) },
    task2_prompt_agreement_ci95: { ...(a.task2_prompt_agreement_ci95 ?? {}), ...(b.task2_prompt_agreement_ci95 ?? {}) },
    gap_prediction_fewshot: { ...(a.gap_prediction_fewshot ?? {}), ...(b.gap_prediction_fewshot ?? {}) },
    risk_counts: b.risk_counts ?? a.risk_counts,
    comparisons: [...(a.comparisons ?? []), ...(b.comparisons ?? [])],
  };
}

function mergeMatrices(a: MatricesJson | undefined, b: MatricesJson): MatricesJson {
  const heatmaps = { ...(a?.heatmaps ?? {}) };
  for (const [id, m] of Object.entries(b.heatmaps)) heatmaps[id] = { ...(heatmaps[id] ?? {}), ...m };
  return { simulated: a?.simulated === true || b.simulated === true, heatmaps };
}

export type { GapResults };
