import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../io/atomic";
import { PROTOCOLS } from "../protocol";
import { containsSecret, secretsFromEnv } from "../secrets";
import { Country, Topic, ValueName } from "./records";
import { readValidJson } from "./readValidJson";

/**
 * `runs/<run-id>/batches.json`: the batch files exported from a run, the
 * options that planned them (so an import re-plans the same items without
 * being told the scope again) and, per file, the provider's ids and state, so
 * `vag batch submit | status | fetch` resume where they stopped. Written
 * atomically after every step; refused if it would contain a secret.
 */

export const BATCH_STATE_FILE = "batches.json";

export const BatchScope = z
  .object({
    countries: z.array(Country),
    topics: z.array(Topic),
    values: z.array(ValueName),
    variants: z.array(z.number().int().min(0).max(7)),
    order: z.enum(["paper", "counterbalanced"]),
    replicates: z.number().int().positive(),
  })
  .strict();

/** The options of the export: enough to plan the same items and requests again. */
export const BatchPlanOptions = z
  .object({
    task: z.enum(["generate", "task1", "task2"]),
    model: z.string().min(1),
    modelsFile: z.string().nullable(),
    /** Endpoint of the cache keys (no credentials, no query). */
    baseUrl: z.string().nullable(),
    protocol: z.enum(PROTOCOLS),
    seed: z.number().int().nullable(),
    actions: z.string().nullable(),
    cacheDir: z.string().nullable(),
    scope: BatchScope,
    /** --response-format json_schema (absent = text, as in exports made before the option). */
    responseFormat: z.literal("json_schema").optional(),
    /**
     * The confidence-signal options (absent = not given, as in exports made before they were stored): they change the
     * prompts and ids (--verbalized), the sampling (--temperature) and what the records read (--logprobs).
     */
    temperature: z.number().min(0).max(2).optional(),
    logprobs: z.literal(true).optional(),
    topLogprobs: z.number().int().min(0).max(20).optional(),
    verbalized: z.literal(true).optional(),
  })
  .strict();
export type BatchPlanOptions = z.infer<typeof BatchPlanOptions>;

export const ProviderState = z
  .object({
    inputFileId: z.string().nullable(),
    batchId: z.string().nullable(),
    status: z.string().nullable(),
    outputFileId: z.string().nullable(),
    errorFileId: z.string().nullable(),
    /** Output and error files downloaded into the run directory (paths relative to it). */
    downloaded: z.array(z.string()),
    imported: z.boolean(),
  })
  .strict();
export type ProviderState = z.infer<typeof ProviderState>;

export const BatchPart = z
  .object({
    /** e.g. "task2-1" (one file) or "task2-1.2" (the second file of a split export). */
    name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    /** The input file as written (absolute path). */
    file: z.string().min(1),
    requests: z.number().int().positive(),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    provider: ProviderState,
  })
  .strict();
export type BatchPart = z.infer<typeof BatchPart>;

export const BatchExport = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    createdAt: z.string(),
    options: BatchPlanOptions,
    parts: z.array(BatchPart),
  })
  .strict();
export type BatchExport = z.infer<typeof BatchExport>;

export const BatchState = z.object({ schemaVersion: z.literal(1), exports: z.array(BatchExport) }).strict();
export type BatchState = z.infer<typeof BatchState>;

export const emptyProviderState = (): ProviderState => ({
  inputFileId: null,
  batchId: null,
  status: null,
  outputFileId: null,
  errorFileId: null,
  downloaded: [],
  imported: false,
});

/** The run's batch state; a run without exports has none (`null`). A bad file is `FILE:LINE: reason`. */
export function readBatchState(runDir: string): BatchState | null {
  const file = join(runDir, BATCH_STATE_FILE);
  if (!existsSync(file)) return null;
  return readValidJson(file, BatchState);
}

export function writeBatchState(runDir: string, state: BatchState, secrets: readonly string[] = secretsFromEnv()): void {
  const text = JSON.stringify(BatchState.parse(state), null, 2) + "\n";
  if (containsSecret(text, secrets)) throw new Error("refusing to write a batch state that contains a secret");
  writeFileAtomic(join(runDir, BATCH_STATE_FILE), text);
}
