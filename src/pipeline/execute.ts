import { existsSync } from "node:fs";
import type { z } from "zod";
import type { CompletionRequest, CompletionResult, LlmClient } from "../llm/types";
import { JsonlAppender } from "../io/jsonl";
import { compactRecords, finishedIds, readRecords } from "../runs/store";
import type { WorkItem } from "./items";

/** Totals of one execution, for the manifest and the summary line. */
export interface ExecutionStats {
  planned: number;
  skippedDone: number;
  attempted: number;
  cacheHits: number;
  failures: number;
  parseFailed: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  retries: Record<string, number>;
  latencyMsTotal: number;
  simulated: boolean;
  /** The simulator's seed when the answers came from it (its ground truth judges the confidence signals). */
  simulatorSeed: number | null;
  interrupted: boolean;
  tornLine: number | null;
}

export interface ProgressEvent {
  done: number;
  total: number;
  cacheHits: number;
  failures: number;
}

export interface ExecuteOptions<M, R extends { id: string; error: string | null; parse: { status: string } }> {
  file: string;
  schema: z.ZodType<R>;
  items: WorkItem<M>[];
  client: LlmClient;
  /** Sampling parameters of every request (the protocol decides them). */
  sampling: Omit<CompletionRequest, "model" | "messages" | "replicate">;
  model: string;
  concurrency: number;
  toRecord: (item: WorkItem<M>, result: CompletionResult) => R;
  onProgress?: (e: ProgressEvent) => void;
  /** Set to stop scheduling new calls (Ctrl-C); calls under way finish and are written. */
  signal?: AbortSignal;
}

/**
 * The request of one item. Replicate r is sent with seed + r, so replicates are distinct samples yet reproducible;
 * the item's response format (per prompt shape) rides along when it has one.
 */
export function requestFor<M>(item: WorkItem<M>, model: string, sampling: Omit<CompletionRequest, "model" | "messages" | "replicate">): CompletionRequest {
  const seed = sampling.seed === undefined ? undefined : sampling.seed + item.replicate;
  return {
    model,
    messages: item.messages,
    replicate: item.replicate,
    ...sampling,
    ...(seed === undefined ? {} : { seed }),
    ...(item.responseFormat ? { responseFormat: item.responseFormat } : {}),
  };
}

/**
 * Run the pending items of one task file: items whose latest record has no
 * error are skipped (resume), the others are called through the LLM layer
 * with at most `concurrency` calls under way, and each result is appended as
 * soon as it arrives (one complete line per write, so a SIGKILL tears at most
 * the last line). At the end the file is compacted so each id appears once.
 */
export async function executeItems<M, R extends { id: string; error: string | null; parse: { status: string } }>(
  o: ExecuteOptions<M, R>,
): Promise<ExecutionStats> {
  const prior = existsSync(o.file) ? readRecords<R>(o.file, { schema: o.schema }) : { records: [], torn: null };
  const done = finishedIds(prior.records);
  const pending = o.items.filter((it) => !done.has(it.id));
  const stats: ExecutionStats = {
    planned: o.items.length,
    skippedDone: o.items.length - pending.length,
    attempted: 0,
    cacheHits: 0,
    failures: 0,
    parseFailed: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    retries: {},
    latencyMsTotal: 0,
    simulated: false,
    simulatorSeed: null,
    interrupted: false,
    tornLine: prior.torn?.line ?? null,
  };
  let next = 0;
  const progress = () =>
    o.onProgress?.({ done: stats.skippedDone + stats.attempted, total: stats.planned, cacheHits: stats.cacheHits, failures: stats.failures });
  progress();

  const worker = async () => {
    for (;;) {
      if (o.signal?.aborted) {
        stats.interrupted = true;
        return;
      }
      const item = pending[next++];
      if (item === undefined) return;
      const result = await o.client.complete(requestFor(item, o.model, o.sampling));
      const record = o.toRecord(item, result);
      out.append([record]);
      stats.attempted++;
      if (result.cached) stats.cacheHits++;
      if (result.error !== null) stats.failures++;
      else if (record.parse.status === "failed") stats.parseFailed++;
      if (result.usage && !result.cached) {
        stats.promptTokens += result.usage.promptTokens;
        stats.completionTokens += result.usage.completionTokens;
      }
      if (!result.cached) stats.costUsd += result.costUsd ?? 0;
      stats.latencyMsTotal += result.latencyMs;
      if ((result as { simulated?: boolean }).simulated) stats.simulated = true;
      if (result.simulatorSeed !== undefined) stats.simulatorSeed = result.simulatorSeed;
      for (const [k, n] of Object.entries(result.retries)) stats.retries[k] = (stats.retries[k] ?? 0) + n;
      progress();
    }
  };
  const out = new JsonlAppender(o.file);
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, pending.length)) }, worker));
  } finally {
    out.close();
  }
  if (existsSync(o.file)) compactRecords<R>(o.file, { schema: o.schema });
  return stats;
}
