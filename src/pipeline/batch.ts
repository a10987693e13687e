import { existsSync, mkdirSync, readFileSync } from "node:fs";
import * as crypto from "node:crypto";
import { basename, dirname, resolve } from "node:path";
import { FileLineError, UserError } from "../errors";
import { writeFileAtomic } from "../io/atomic";
import { splitJsonl, tryParseJson } from "../io/jsonl";
import { decodeUtf8 } from "../io/text";
import { BATCH_LIMITS, BatchOutputLine, batchInputLine, batchPrice, batchReplay, batchResult, splitBatchLines } from "../llm/batchFile";
import { clientFor, clientOver } from "../llm/client";
import { chatRequestBody } from "../llm/request";
import type { CompletionResult } from "../llm/types";
import { MANIFEST_FILE, readManifest, type BatchImport } from "../runs/manifest";
import { emptyProviderState, readBatchState, writeBatchState, type BatchPart, type BatchPlanOptions, type BatchState } from "../runs/batchState";
import { zodReason } from "../runs/zodReason";
import { redactUrl } from "../secrets";
import { executeItems, requestFor } from "./execute";
import type { WorkItem } from "./items";
import { costLine, prepareTask, updateManifest, type PreparedTask, type RunOptions } from "./run";

/**
 * Batch files instead of live calls (issue 14): `exportBatch` writes the
 * calls a run still needs as provider batch input, `importBatch` reads batch
 * output back through the same record path as a live call. A run directory
 * remembers its exports (batches.json), so an import needs only the files.
 */

export interface ExportOptions extends RunOptions {
  out: string;
  /** Per-file limits (default the provider's: 50,000 requests, 200 MB). */
  limits?: { requests: number; bytes: number };
}

export interface ExportOutcome {
  files: string[];
  requests: number;
  /** Pending calls left out because the cache already answers them (a live run would not send them). */
  cached: number;
  done: number;
  liveUsd: number | null;
  batchUsd: number | null;
  name: string | null;
}

/** The options an export stores, and the run options they stand for. */
export function planOptionsOf(o: RunOptions, resolvedBaseUrl: string): BatchPlanOptions {
  return {
    task: o.task,
    model: o.model,
    modelsFile: o.modelsFile ? resolve(o.modelsFile) : null,
    baseUrl: redactUrl(resolvedBaseUrl),
    protocol: o.protocol,
    seed: o.seed ?? null,
    actions: o.actions ? resolve(o.actions) : null,
    cacheDir: o.cacheDir ? resolve(o.cacheDir) : null,
    scope: { ...o.scope, countries: [...o.scope.countries], topics: [...o.scope.topics], values: [...o.scope.values], variants: [...o.scope.variants] },
    ...(o.responseFormat === "json_schema" ? { responseFormat: "json_schema" as const } : {}),
    ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
    ...(o.logprobs ? { logprobs: true as const, ...(o.topLogprobs !== undefined ? { topLogprobs: o.topLogprobs } : {}) } : {}),
    ...(o.verbalized ? { verbalized: true as const } : {}),
  };
}

export function runOptionsOf(p: BatchPlanOptions, runDir: string, cacheDir?: string): RunOptions {
  return {
    task: p.task,
    model: p.model,
    runDir,
    scope: p.scope as RunOptions["scope"],
    protocol: p.protocol,
    seed: p.seed ?? undefined,
    actions: p.actions ?? undefined,
    baseUrl: p.baseUrl ?? undefined,
    modelsFile: p.modelsFile ?? undefined,
    cacheDir: cacheDir ?? p.cacheDir ?? undefined,
    ...(p.responseFormat ? { responseFormat: p.responseFormat } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.logprobs ? { logprobs: true, ...(p.topLogprobs !== undefined ? { topLogprobs: p.topLogprobs } : {}) } : {}),
    ...(p.verbalized ? { verbalized: true } : {}),
  };
}

/** FILE.jsonl for one part; FILE.1.jsonl, FILE.2.jsonl, ... for several. */
export function partPaths(out: string, n: number): string[] {
  if (n === 1) return [out];
  const stem = out.endsWith(".jsonl") ? out.slice(0, -".jsonl".length) : out;
  return Array.from({ length: n }, (_, i) => `${stem}.${i + 1}.jsonl`);
}

const sha256 = (data: string | Uint8Array) => crypto.createHash("sha256").update(data).digest("hex");

/**
 * Write one line per call the run still needs (not done, or failed), minus
 * the calls the cache answers, as OpenAI batch input: custom_id = the record
 * id the live run would write, body = exactly the request it would send.
 */
export function exportBatch(o: ExportOptions): ExportOutcome {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const p = prepareTask(o, { keyOptional: true });
  const client = clientFor(p.config);
  const lines: string[] = [];
  const requests = [];
  let cached = 0;
  for (const item of p.pending) {
    const req = requestFor(item, p.config.model, p.sampling);
    if (client.isCached(req)) {
      cached++;
      continue;
    }
    requests.push(req);
    lines.push(batchInputLine(item.id, chatRequestBody(req)));
  }
  const est = client.estimate(requests);
  const liveUsd = est.costUsd;
  const batchUsd = liveUsd === null ? null : liveUsd * (1 - p.config.batchDiscount);
  const done = p.items.length - p.pending.length;
  const head = `${o.task}: ${p.items.length} items, ${done} already done, ${cached} answered by the cache, ${lines.length} to export`;
  if (p.skipped.length > 0) log(`${o.task}: ${p.skipped.length} cells have no usable action pair and are skipped`);
  if (lines.length === 0) {
    log(`${head}; nothing to export`);
    return { files: [], requests: 0, cached, done, liveUsd, batchUsd, name: null };
  }
  if (o.maxCostUsd !== undefined && (batchUsd ?? 0) > o.maxCostUsd)
    throw new UserError(`${head}; estimated cost ${costLine(liveUsd, p.config)}: over --max-cost $${o.maxCostUsd}; nothing was written`, 2);
  if (o.dryRun) {
    log(`dry run: ${head}; ~${est.promptTokens} prompt + ~${est.completionTokens} completion tokens; estimated cost ${costLine(liveUsd, p.config)}; nothing was written`);
    return { files: [], requests: lines.length, cached, done, liveUsd, batchUsd, name: null };
  }
  let parts: string[][];
  try {
    parts = splitBatchLines(lines, o.limits ?? BATCH_LIMITS);
  } catch (e) {
    throw new UserError((e as Error).message, 2);
  }
  const paths = partPaths(resolve(o.out), parts.length);
  mkdirSync(o.runDir, { recursive: true });
  const state: BatchState = readBatchState(o.runDir) ?? { schemaVersion: 1, exports: [] };
  const name = `${o.task}-${state.exports.filter((e) => e.options.task === o.task).length + 1}`;
  const written: BatchPart[] = parts.map((part, i) => {
    const text = part.join("");
    mkdirSync(dirname(paths[i]), { recursive: true });
    writeFileAtomic(paths[i], text);
    return {
      name: parts.length === 1 ? name : `${name}.${i + 1}`,
      file: paths[i],
      requests: part.length,
      bytes: Buffer.byteLength(text, "utf8"),
      sha256: sha256(text),
      provider: emptyProviderState(),
    };
  });
  state.exports.push({ name, createdAt: new Date().toISOString(), options: planOptionsOf(o, p.config.baseUrl), parts: written });
  writeBatchState(o.runDir, state);
  log(`${head} -> ${paths.join(", ")}; estimated cost ${costLine(liveUsd, p.config)}`);
  return { files: paths, requests: lines.length, cached, done, liveUsd, batchUsd, name };
}

export interface ImportOptions {
  /** Response cache directory (default: the export's, else .cache/llm). */
  cacheDir?: string;
  /** The provider's batch id of each file, when `vag batch fetch` downloaded it. */
  providerBatchIds?: ReadonlyMap<string, string>;
  log?: (line: string) => void;
}

export interface ImportOutcome {
  lines: number;
  /** Per task: records written, of which error records. */
  tasks: Record<string, { records: number; errors: number; alreadyDone: number }>;
}

interface Target {
  plan: PreparedTask;
  options: RunOptions;
  item: WorkItem<unknown>;
}

interface ParsedLine {
  file: string;
  target: Target;
  result: CompletionResult;
}

/**
 * Import batch output files (any order, any mix of the run's exports).
 * Every file is read and checked before anything is written: a malformed
 * line, an unknown custom_id or a torn file is `FILE:LINE: reason` (exit 2)
 * and nothing is imported. Then each task's answers go through the live
 * record path with the batch output as the bottom layer under the response
 * cache: same ids and records as a live run, answers stored in the cache,
 * failures as error records the next export includes again.
 */
export async function importBatch(runDir: string, files: readonly string[], o: ImportOptions = {}): Promise<ImportOutcome> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const state = readBatchState(runDir);
  if (!state || state.exports.length === 0) throw new UserError(`${runDir} has no batch exports (run \`vag batch export --run ${runDir} ...\` first)`, 2);

  // custom_id -> what it plans; several exports of the same options are planned once.
  const targets = new Map<string, Target>();
  const plans = new Map<string, { plan: PreparedTask; options: RunOptions }>();
  for (const e of state.exports) {
    const key = JSON.stringify(e.options);
    let entry = plans.get(key);
    if (!entry) {
      const options = runOptionsOf(e.options, runDir, o.cacheDir);
      entry = { plan: prepareTask(options, { keyOptional: true }), options };
      plans.set(key, entry);
    }
    for (const item of entry.plan.items) targets.set(item.id, { ...entry, item });
  }

  const parsed: ParsedLine[] = [];
  const digests = new Map<string, string>();
  for (const file of files) {
    if (!existsSync(file)) throw new UserError(`${file}: no such file`, 2);
    const bytes = readFileSync(file);
    digests.set(file, sha256(bytes));
    const { lines, tail } = splitJsonl(decodeUtf8(bytes, file));
    if (tail) {
      if (!tryParseJson(tail.text).ok) throw new FileLineError(file, tail.line, "torn last line (the file ends mid-record; download it again)");
      lines.push(tail);
    }
    for (const { line, text } of lines) {
      const json = tryParseJson(text);
      if (!json.ok) throw new FileLineError(file, line, json.reason);
      const r = BatchOutputLine.safeParse(json.value);
      if (!r.success) throw new FileLineError(file, line, zodReason(r.error));
      const target = targets.get(r.data.custom_id);
      if (!target) throw new FileLineError(file, line, `unknown custom_id ${JSON.stringify(r.data.custom_id.slice(0, 80))} (not exported from ${runDir})`);
      const price = batchPrice(target.plan.config.price, target.plan.config.batchDiscount);
      parsed.push({ file, target, result: batchResult(r.data, price) });
    }
  }

  const outcome: ImportOutcome = { lines: parsed.length, tasks: {} };
  for (const { plan, options } of plans.values()) {
    const mine = parsed.filter((l) => l.target.plan === plan);
    if (mine.length === 0) continue;
    // The replay finds a request's line by its messages array: requestFor passes the item's own
    // array through, so this is the item's identity without hashing every request again.
    const keyOf = (req: { messages: unknown }) => req.messages;
    // One result per request; an answer beats an error for the same id (a retried line).
    const results = new Map<unknown, CompletionResult>();
    const fileOf = new Map<string, string>();
    const items = new Map<string, WorkItem<unknown>>();
    for (const l of mine) {
      const key = keyOf(requestFor(l.target.item, plan.config.model, plan.sampling));
      const prev = results.get(key);
      if (prev && prev.error === null) continue;
      results.set(key, l.result);
      fileOf.set(l.target.item.id, basename(l.file));
      items.set(l.target.item.id, l.target.item);
    }
    const client = clientOver(batchReplay(results, keyOf), {
      baseUrl: plan.config.baseUrl,
      price: batchPrice(plan.config.price, plan.config.batchDiscount),
      cacheDir: plan.config.cacheDir,
      refresh: true,
    });
    const perFile = new Map<string, { records: number; errors: number }>();
    const started = new Date();
    const stats = await executeItems({
      file: plan.file,
      schema: plan.schema,
      items: [...items.values()] as WorkItem<never>[],
      client,
      sampling: plan.sampling,
      model: plan.config.model,
      concurrency: 64,
      toRecord: (item, result) => {
        const batch = fileOf.get(item.id)!;
        const c = perFile.get(batch) ?? { records: 0, errors: 0 };
        c.records++;
        if (result.error !== null) c.errors++;
        perFile.set(batch, c);
        return { ...plan.toRecord(item, result), batch };
      },
    });
    const importedAt = new Date().toISOString();
    const imported: BatchImport[] = [...perFile].map(([file, c]) => {
      const full = files.find((f) => basename(f) === file)!;
      return { file, sha256: digests.get(full)!, providerBatchId: o.providerBatchIds?.get(full) ?? null, task: options.task, importedAt, records: c.records, errors: c.errors };
    });
    const prior = existsSync(resolve(runDir, MANIFEST_FILE)) ? readManifest(runDir) : null;
    updateManifest(options, plan.config, client, stats, started, prior, plan.items.length, imported);
    outcome.tasks[options.task] = { records: stats.attempted, errors: stats.failures, alreadyDone: stats.skippedDone };
    const simulated = stats.simulated ? " [SIMULATED model]" : "";
    log(
      `${options.task}${simulated}: ${stats.attempted} records from ${perFile.size} batch file(s) (${stats.failures} failed calls, ${stats.parseFailed} unparseable answers` +
        `${outcome.tasks[options.task].alreadyDone > 0 ? `, ${outcome.tasks[options.task].alreadyDone} lines for ids already done were skipped` : ""}) -> ${plan.file}`,
    );
    if (stats.failures > 0) log(`${stats.failures} calls failed; \`vag batch export\` with the same options exports them again`);
  }
  return outcome;
}
