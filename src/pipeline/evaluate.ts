import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadModelsFile } from "../llm/config";
import { UserError } from "../errors";
import { exportBatch } from "./batch";
import { fetchBatches, submitBatches } from "./batchProvider";
import { runTask, type RunOptions } from "./run";
import type { Scope } from "./scope";

/**
 * `vag evaluate`: Task 1 and Task 2 for each of several models of a models
 * file, one run directory per model under `runRoot` (named after the model
 * id), live or through the provider's Batch API. Each run resumes like the
 * single-model commands.
 */
export interface EvaluateOptions {
  modelsFile: string;
  models: string[];
  runRoot: string;
  task1Scope: Scope;
  task2Scope: Scope;
  actions: string;
  protocol: RunOptions["protocol"];
  seed?: number;
  cacheDir?: string;
  /** Export, submit and fetch (waiting) through the Batch API instead of live calls. */
  batch?: boolean;
  pollMs?: number;
  concurrency?: number;
  yes?: boolean;
  maxCostUsd?: number;
  progress?: boolean;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/** A run directory name for a model id ("meta-llama/Llama-3.1-8B" -> "meta-llama_Llama-3.1-8B"). */
export function runDirName(model: string): string {
  return model.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_");
}

export async function evaluateModels(o: EvaluateOptions): Promise<{ runDirs: string[]; failures: number }> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const known = loadModelsFile(o.modelsFile).map((m) => m.id);
  const missing = o.models.filter((m) => !known.includes(m));
  if (missing.length > 0) throw new UserError(`not in ${o.modelsFile}: ${missing.join(", ")}; known: ${known.join(", ")}`, 2);
  const names = o.models.map(runDirName);
  if (new Set(names).size !== names.length) throw new UserError(`two models map to one run directory name (${names.join(", ")})`, 2);
  const runDirs: string[] = [];
  let failures = 0;
  for (const model of o.models) {
    const runDir = join(o.runRoot, runDirName(model));
    runDirs.push(runDir);
    log(`== ${model} -> ${runDir}`);
    const common = { model, runDir, modelsFile: o.modelsFile, protocol: o.protocol, seed: o.seed, cacheDir: o.cacheDir, concurrency: o.concurrency, yes: o.yes, maxCostUsd: o.maxCostUsd, progress: o.progress, log, signal: o.signal };
    const task1: RunOptions = { ...common, task: "task1", scope: o.task1Scope };
    const task2: RunOptions = { ...common, task: "task2", scope: o.task2Scope, actions: o.actions };
    if (!o.batch) {
      for (const t of [task1, task2]) failures += (await runTask(t)).stats?.failures ?? 0;
      continue;
    }
    mkdirSync(join(runDir, "batches"), { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const exported = [task1, task2].map((t) => exportBatch({ ...t, out: join(runDir, "batches", `${t.task}-${stamp}.input.jsonl`) }));
    if (exported.every((e) => e.requests === 0)) continue;
    await submitBatches(runDir, { log });
    await fetchBatches(runDir, { cacheDir: o.cacheDir, wait: true, pollMs: o.pollMs, log });
    for (const t of [task1, task2]) {
      const left = exportBatch({ ...t, out: join(runDir, "batches", "left.jsonl"), dryRun: true, log: () => {} }).requests;
      if (left > 0) log(`${model} ${t.task}: ${left} calls failed in the batch; run the same command again to export and submit them`);
      failures += left;
    }
  }
  return { runDirs, failures };
}
