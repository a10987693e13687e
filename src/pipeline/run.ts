import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import type { z } from "zod";
import { UserError } from "../errors";
import { callCost, checkEndpoint, clientFor, manifestModelOf, resolveLlmConfig, type LlmClientWithStats, type LlmConfig } from "../llm";
import type { CompletionRequest, CompletionResult, LlmClient } from "../llm/types";
import { REJECTION_PREFIX } from "../llm/responseFormat";
import type { PromptOptions } from "../prompts";
import { responseFormatFor, type ResponseFormatName } from "../prompts/responseSchemas";
import type { Protocol } from "../protocol";
import { codeVersion, MANIFEST_FILE, readManifest, writeManifest, type BatchImport, type Manifest } from "../runs/manifest";
import { GenerateRecord, Task1Record, Task2Record, type TaskName } from "../runs/records";
import { openRun, RECORD_FILE } from "../runs/openRun";
import { finishedIds, readRecords } from "../runs/store";
import { summarizeRecords } from "../runs/summary";
import { loadActionPairs } from "./actions";
import { executeItems, requestFor, type ExecutionStats, type ProgressEvent } from "./execute";
import { generateItems, task1Items, task2Items, type WorkItem } from "./items";
import { signalCostLine, signalCosts } from "./signalCosts";
import { progressBar } from "./progress";
import { generateRecord, task1Record, task2Record } from "./records";
import type { Scope } from "./scope";

export interface RunOptions {
  task: TaskName;
  model: string;
  runDir: string;
  scope: Scope;
  protocol: Protocol;
  seed?: number;
  /** Sampling temperature (robust protocol only), overriding the models file's; with --replicates it sets how much samples vary. */
  temperature?: number;
  /** Ask for token logprobs (and `topLogprobs` alternatives, default 5): the token-probability confidence signal. */
  logprobs?: boolean;
  topLogprobs?: number;
  /** Ask for a 0–100 confidence in the JSON answer (robust protocol only; Task 1 and Task 2). */
  verbalized?: boolean;
  /**
   * Structured outputs (robust protocol only): "json_schema" sends each prompt's answer
   * schema as `response_format` (prompts/responseSchemas.ts); "text" (default) sends nothing.
   */
  responseFormat?: ResponseFormatName;
  /** With json_schema: once the endpoint rejects it, send plain requests for the rest of the run (the manifest says so). */
  responseFormatFallback?: boolean;
  /** Task 2: a run directory with generate records, or a dataset CSV. */
  actions?: string;
  baseUrl?: string;
  modelsFile?: string;
  concurrency?: number;
  timeoutMs?: number;
  maxRetries?: number;
  requestsPerMinute?: number;
  cacheDir?: string;
  noCache?: boolean;
  refresh?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  /** Progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
  /** Where the summary goes (default stdout). */
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Stop a live run before a call would take its spend over this (USD); a batch export estimated above it is refused. */
  maxCostUsd?: number;
}

export interface RunOutcome {
  task: TaskName;
  file: string;
  dryRun: boolean;
  stats: ExecutionStats | null;
  manifest: Manifest | null;
  skippedCells: string[];
}

const SCHEMA_OF: Record<TaskName, z.ZodType<{ id: string; error: string | null; parse: { status: string } }>> = {
  generate: GenerateRecord,
  task1: Task1Record,
  task2: Task2Record,
};

/** Sampling choices of a run beyond the protocol's (issue 12 confidence signals). */
export interface SamplingChoices {
  temperature?: number;
  logprobs?: boolean;
  topLogprobs?: number;
  /** Replicates per prompt: with more than one and no seed, the robust protocol seeds replicate r with r. */
  replicates?: number;
}

/** Alternatives per token asked with --logprobs when not given. */
export const DEFAULT_TOP_LOGPROBS = 5;

/**
 * Sampling parameters per protocol (design.md §4). `paper`: what the authors
 * sent (generation and Task 1: API defaults, nothing sent; Task 2:
 * temperature 0.2). `robust`: explicit temperature (--temperature, else the
 * models file's, else the paper's stated 0.2) and seed for every task; with
 * replicates and no seed the seed is 0, so replicate r is sent seed r and the
 * samples are distinct yet reproducible. Logprobs (either protocol) change
 * what comes back, not what is sampled.
 */
export function samplingFor(
  task: TaskName,
  protocol: Protocol,
  config: LlmConfig,
  seed?: number,
  choices: SamplingChoices = {},
): Omit<CompletionRequest, "model" | "messages" | "replicate"> {
  const maxTokens = config.spec.maxTokens;
  const logprobs = choices.logprobs ? { logprobs: true, topLogprobs: choices.topLogprobs ?? DEFAULT_TOP_LOGPROBS } : {};
  if (protocol === "paper")
    return { ...(task === "task2" ? { temperature: 0.2 } : {}), ...(maxTokens ? { maxTokens } : {}), ...logprobs };
  const s = seed ?? config.spec.seed ?? ((choices.replicates ?? 1) > 1 ? 0 : undefined);
  return {
    temperature: choices.temperature ?? config.spec.temperature ?? 0.2,
    ...(s !== undefined ? { seed: s } : {}),
    ...(maxTokens ? { maxTokens } : {}),
    ...logprobs,
  };
}

/** The sampling of a run's options (the same for the live run, its manifest and a batch export). */
export function samplingOf(o: RunOptions, config: LlmConfig): Omit<CompletionRequest, "model" | "messages" | "replicate"> {
  return samplingFor(o.task, o.protocol, config, o.seed, { temperature: o.temperature, logprobs: o.logprobs, topLogprobs: o.topLogprobs, replicates: o.scope.replicates });
}

/**
 * One resumable run of one task into `runDir` (design.md §3): plan the items,
 * skip finished ones, call the rest, append records, write the manifest.
 * Re-running the same command resumes. A run directory belongs to one model
 * and one protocol: mixing is refused.
 */
export async function runTask(o: RunOptions): Promise<RunOutcome> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const p = prepareTask(o);
  const { config, items, skipped, sampling, file, prior } = p;
  const client = clientFor(config, { responseFormatFallback: o.responseFormatFallback });
  const requests = p.pending.map((it) => requestFor(it, config.model, sampling));
  const est = client.estimate(requests);
  const planLine = `${o.task}: ${items.length} items, ${items.length - p.pending.length} already done, ${est.calls} to call (${est.cacheHits} cached); ~${est.promptTokens} prompt + ~${est.completionTokens} completion tokens; estimated cost ${costLine(est.costUsd, config)}`;
  if (skipped.length > 0) log(`${o.task}: ${skipped.length} cells have no usable action pair and are skipped`);
  const signalLine = signalCostLine(
    signalCosts(o.task, p.pending, requests, { askedVariants: o.scope.variants, replicates: o.scope.replicates, verbalized: Boolean(o.verbalized), logprobs: Boolean(o.logprobs), price: config.price }, (r) => client.estimate(r)),
  );
  if (signalLine) log(signalLine);
  if (o.dryRun) {
    log(responseFormatLine(o.responseFormat, p.pending));
    log(`dry run: ${planLine}; nothing was sent`);
    return { task: o.task, file, dryRun: true, stats: null, manifest: prior, skippedCells: skipped };
  }
  if ((est.costUsd ?? 0) > 0 && !o.yes) await confirmSpend(planLine);
  if (p.pending.length > 0 && est.cacheHits < p.pending.length) await checkEndpoint(config, { timeoutMs: Math.min(config.timeoutMs, 10_000) });

  mkdirSync(o.runDir, { recursive: true });
  const bar = progressBar(o.task, o.progress);
  // --max-cost: no new call is started once one more call at the mean cost so far would take the spend over the limit.
  const overBudget = new AbortController();
  const onProgress = (e: ProgressEvent) => {
    bar.update(e);
    if (o.maxCostUsd === undefined) return;
    const st = client.stats();
    const fresh = st.calls - st.cacheHits;
    const spent = st.costUsd ?? 0;
    if (fresh > 0 && spent + spent / fresh > o.maxCostUsd) overBudget.abort();
  };
  // A rejected response_format fails every call alike: the run stops on the first one (one line, not an error per item).
  const rejected = new AbortController();
  let rejection: string | null = null;
  let dropped = 0;
  const watched: LlmClient = {
    async complete(req) {
      const r = await client.complete(req);
      if (r.responseFormatOutcome === "dropped") dropped++;
      if (r.responseFormatOutcome === "rejected" && rejection === null) {
        rejection = r.error ?? REJECTION_PREFIX;
        rejected.abort();
      }
      return r;
    },
  };
  const started = new Date();
  const stats = await executeItems({
    file,
    schema: SCHEMA_OF[o.task],
    items: items as WorkItem<never>[],
    client: watched,
    sampling,
    model: config.model,
    concurrency: config.concurrency,
    toRecord: p.toRecord,
    onProgress,
    signal: AbortSignal.any([...(o.signal ? [o.signal] : []), overBudget.signal, rejected.signal]),
  });
  bar.stop();
  const manifest = updateManifest(o, config, client, stats, started, prior, items.length, [], { responseFormatDropped: dropped > 0 });
  if (rejection !== null)
    throw new UserError(
      `${rejection}; rerun without --response-format, or with --response-format-fallback to send plain requests when it is rejected`,
      3,
    );
  const simulated = stats.simulated || prior?.simulated ? " [SIMULATED model]" : "";
  log(
    `${o.task}${simulated}: ${stats.planned} items, ${stats.skippedDone} were done, ${stats.attempted} called ` +
      `(${stats.cacheHits} cached, ${stats.failures} failed calls, ${stats.parseFailed} unparseable answers) -> ${file}`,
  );
  if (overBudget.signal.aborted) log(`stopped at --max-cost $${o.maxCostUsd} (spent $${(client.stats().costUsd ?? 0).toFixed(4)}); finished records are saved`);
  else if (stats.interrupted) log(`interrupted: finished records are saved; resume with the same command`);
  else if (stats.failures > 0) log(`${stats.failures} calls failed; re-run the same command to retry them`);
  return { task: o.task, file, dryRun: false, stats, manifest, skippedCells: skipped };
}

/** Everything a task needs before its first call: shared by the live run and batch export/import. */
export interface PreparedTask {
  config: LlmConfig;
  prior: Manifest | null;
  items: WorkItem<unknown>[];
  /** Items not yet finished in the run's record file. */
  pending: WorkItem<unknown>[];
  skipped: string[];
  sampling: Omit<CompletionRequest, "model" | "messages" | "replicate">;
  file: string;
  schema: z.ZodType<{ id: string; error: string | null; parse: { status: string } }>;
  toRecord: (item: WorkItem<never>, result: CompletionResult) => { id: string; error: string | null; parse: { status: string } };
}

/**
 * Resolve the model, check the run directory belongs to it and to the
 * protocol, plan the items and find the pending ones. `keyOptional`: a batch
 * import or export needs no key (nothing is sent).
 */
export function prepareTask(o: RunOptions, options: { keyOptional?: boolean } = {}): PreparedTask {
  const config = resolveLlmConfig({
    model: o.model,
    modelsFile: o.modelsFile,
    baseUrl: o.baseUrl,
    timeoutMs: o.timeoutMs,
    maxRetries: o.maxRetries,
    concurrency: o.concurrency,
    requestsPerMinute: o.requestsPerMinute,
    cacheDir: o.cacheDir,
    noCache: o.noCache,
    refresh: o.refresh,
    keyOptional: options.keyOptional,
  });
  const prior = existsSync(join(o.runDir, MANIFEST_FILE)) ? readManifest(o.runDir) : null;
  if (prior && prior.protocol !== o.protocol)
    throw new UserError(`${o.runDir} holds a ${prior.protocol}-protocol run; use --protocol ${prior.protocol} or another --run directory`, 2);
  if (prior && prior.model.id !== config.model)
    throw new UserError(`${o.runDir} holds a run of model "${prior.model.id}"; use another --run directory for "${config.model}"`, 2);
  if (o.protocol === "paper" && (o.temperature !== undefined || o.verbalized))
    throw new UserError(`${o.temperature !== undefined ? "--temperature" : "--verbalized"} is a robust-protocol option (the paper protocol sends what the authors sent); use --protocol robust`, 2);
  if (o.verbalized && o.task === "generate") throw new UserError("--verbalized applies to task1 and task2 (a confidence in a stated value or a choice)", 2);
  checkResponseFormat(o, prior);
  const promptOptions = { verbalized: Boolean(o.verbalized) };
  const planned = plan(o, config.model, promptOptions);
  const { skipped, actionsSource } = planned;
  const items =
    o.responseFormat === "json_schema"
      ? planned.items.map((it) => ({ ...it, responseFormat: responseFormatFor(o.task, it.variant, promptOptions) }))
      : planned.items;
  const sampling = samplingOf(o, config);
  const file = join(o.runDir, RECORD_FILE[o.task]);
  const done = existsSync(file) ? finishedIn(file, o.task) : new Set<string>();
  const pending = items.filter((it) => !done.has(it.id));
  const common = { model: config.model, protocol: o.protocol, verbalized: Boolean(o.verbalized), logprobs: Boolean(o.logprobs) };
  const toRecord = (item: WorkItem<never>, result: CompletionResult) =>
    o.task === "generate"
      ? generateRecord(item as never, result, common)
      : o.task === "task1"
        ? task1Record(item as never, result, common)
        : task2Record(item as never, result, common, actionsSource);
  return { config, prior, items, pending, skipped, sampling, file, schema: SCHEMA_OF[o.task], toRecord };
}

/** What the manifest records for a task run with json_schema whose endpoint rejected it and the fallback sent plain text. */
export const RESPONSE_FORMAT_FALLBACK = "text (json_schema rejected)";

/** The response format a prior manifest records for a task ("text" for runs made before the option existed); null = task not run. */
function priorResponseFormat(prior: Manifest | null, task: TaskName): ResponseFormatName | null {
  if (!prior) return null;
  const v = prior.scope[`${task}.responseFormat`];
  if (v === undefined) return prior.scope[`${task}.countries`] === undefined ? null : "text";
  return v === "text" ? "text" : "json_schema";
}

/**
 * --response-format json_schema is a robust-protocol option (the paper
 * protocol sends what the authors sent), the fallback needs it, and a run
 * directory's task keeps one format (its records would otherwise mix).
 */
function checkResponseFormat(o: RunOptions, prior: Manifest | null): void {
  const asked = o.responseFormat ?? "text";
  if (asked === "json_schema" && o.protocol === "paper")
    throw new UserError("--response-format json_schema is a robust-protocol option (the paper protocol sends what the authors sent); use --protocol robust", 2);
  if (o.responseFormatFallback && asked !== "json_schema") throw new UserError("--response-format-fallback applies with --response-format json_schema", 2);
  const before = priorResponseFormat(prior, o.task);
  if (before !== null && before !== asked)
    throw new UserError(`${o.runDir} holds a ${o.task} run with --response-format ${before}; use --response-format ${before} or another --run directory`, 2);
}

/** The dry run's line on the response format: the schema names the pending calls would send. */
function responseFormatLine(asked: ResponseFormatName | undefined, pending: readonly WorkItem<unknown>[]): string {
  if (asked !== "json_schema") return "response format: text (no response_format sent)";
  const names = [...new Set(pending.flatMap((it) => (it.responseFormat ? [it.responseFormat.json_schema.name] : [])))];
  return `response format: json_schema, strict (${names.length > 0 ? names.join(", ") : "no call pending"})`;
}

/** Tokens priced live and as a batch (null without a price). */
export function priceOf(promptTokens: number, completionTokens: number, config: LlmConfig): { live: number | null; batch: number | null } {
  const live = callCost({ promptTokens, completionTokens }, config.price);
  return { live, batch: live === null ? null : live * (1 - config.batchDiscount) };
}

/** "$live live, $batch batch" (or why there is no price). */
export function costLine(liveUsd: number | null, config: LlmConfig): string {
  if (liveUsd === null) return "unknown (no price in the models file)";
  return `$${liveUsd.toFixed(4)} live, $${(liveUsd * (1 - config.batchDiscount)).toFixed(4)} as a batch`;
}

function plan(o: RunOptions, model: string, promptOptions: PromptOptions): { items: WorkItem<unknown>[]; skipped: string[]; actionsSource?: string } {
  if (o.task === "generate") return { items: generateItems(o.scope, model, o.protocol), skipped: [] };
  if (o.task === "task1") return { items: task1Items(o.scope, model, o.protocol, promptOptions), skipped: [] };
  if (!o.actions) throw new UserError("task2 needs --actions SOURCE: a run directory with generate records, or the dataset CSV", 2);
  const { pairs, description } = loadActionPairs(o.actions);
  const { items, skipped } = task2Items(o.scope, model, o.protocol, pairs, promptOptions);
  return { items, skipped, actionsSource: description };
}

function finishedIn(file: string, task: TaskName): Set<string> {
  return finishedIds(readRecords(file, { schema: SCHEMA_OF[task] }).records);
}

async function confirmSpend(planLine: string): Promise<void> {
  if (!process.stdin.isTTY) throw new UserError(`this run costs money (${planLine}); re-run with --yes to confirm`, 2);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`${planLine}\nProceed? [y/N] `);
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new UserError("cancelled; nothing was sent", 1);
}

export function updateManifest(
  o: RunOptions,
  config: LlmConfig,
  client: LlmClientWithStats,
  stats: ExecutionStats,
  started: Date,
  prior: Manifest | null,
  planned: number,
  imported: readonly BatchImport[] = [],
  notes: { responseFormatDropped?: boolean } = {},
): Manifest {
  const batches = [...(prior?.batches ?? []), ...imported];
  const now = new Date().toISOString();
  const counts: Manifest["counts"] = { ...(prior?.counts ?? {}) };
  const run = openRun(o.runDir);
  for (const task of ["generate", "task1", "task2"] as const) {
    if (!existsSync(join(o.runDir, RECORD_FILE[task]))) continue;
    const c = summarizeRecords(run.records(task))[task] ?? { records: 0, ok: 0, repaired: 0, failed: 0, error: 0 };
    counts[task] = { planned: task === o.task ? planned : (prior?.counts[task]?.planned ?? null), ...c };
  }
  const s = client.stats();
  const retries: Record<string, number> = { ...(prior?.retries ?? {}) };
  for (const [k, n] of Object.entries(s.retries)) retries[k] = (retries[k] ?? 0) + n;
  const wallMs = Date.now() - started.getTime();
  const sampling = samplingOf(o, config);
  const scope = {
    ...(prior?.scope ?? {}),
    [`${o.task}.countries`]: o.scope.countries,
    [`${o.task}.topics`]: o.scope.topics,
    [`${o.task}.values`]: o.task === "task1" ? null : o.scope.values,
    [`${o.task}.variants`]: o.scope.variants,
    [`${o.task}.replicates`]: o.scope.replicates,
    [`${o.task}.temperature`]: sampling.temperature ?? null,
    [`${o.task}.logprobs`]: Boolean(sampling.logprobs),
    [`${o.task}.verbalized`]: Boolean(o.verbalized),
    // "text", "json_schema", or RESPONSE_FORMAT_FALLBACK once the endpoint rejected the schema and plain requests were sent.
    [`${o.task}.responseFormat`]:
      o.responseFormat !== "json_schema"
        ? "text"
        : notes.responseFormatDropped || prior?.scope[`${o.task}.responseFormat`] === RESPONSE_FORMAT_FALLBACK
          ? RESPONSE_FORMAT_FALLBACK
          : "json_schema",
    ...(stats.simulatorSeed !== null ? { "simulator.seed": stats.simulatorSeed } : {}),
    ...(o.task === "task2" ? { "task2.order": o.scope.order, "task2.actions": o.actions ?? null } : {}),
  };
  return writeManifest(o.runDir, {
    schemaVersion: 1,
    createdAt: prior?.createdAt ?? started.toISOString(),
    updatedAt: now,
    simulated: Boolean(prior?.simulated) || stats.simulated,
    protocol: o.protocol,
    seed: o.seed ?? prior?.seed ?? null,
    model: manifestModelOf(config),
    code: codeVersion(),
    scope,
    counts,
    calls: {
      total: (prior?.calls.total ?? 0) + s.calls,
      cacheHits: (prior?.calls.cacheHits ?? 0) + s.cacheHits,
      requests: (prior?.calls.requests ?? 0) + s.requests,
      failures: (prior?.calls.failures ?? 0) + s.failures,
    },
    tokens: {
      prompt: (prior?.tokens.prompt ?? 0) + s.promptTokens,
      completion: (prior?.tokens.completion ?? 0) + s.completionTokens,
    },
    costUsd: s.costUsd === null && prior?.costUsd == null ? null : (prior?.costUsd ?? 0) + (s.costUsd ?? 0),
    priceUsd: priceOf(
      (prior?.tokens.prompt ?? 0) + s.promptTokens,
      (prior?.tokens.completion ?? 0) + s.completionTokens,
      config,
    ),
    ...(batches.length > 0 ? { batches } : {}),
    retries,
    timings: {
      startedAt: prior?.timings.startedAt ?? started.toISOString(),
      finishedAt: now,
      wallMs: (prior?.timings.wallMs ?? 0) + wallMs,
      meanLatencyMs: stats.attempted > 0 ? stats.latencyMsTotal / stats.attempted : (prior?.timings.meanLatencyMs ?? null),
    },
  });
}
