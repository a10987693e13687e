import { existsSync, mkdirSync, readFileSync } from "node:fs";
import * as crypto from "node:crypto";
import { basename, join } from "node:path";
import OpenAI, { toFile } from "openai";
import { UserError } from "../errors";
import { writeFileAtomic } from "../io/atomic";
import { BATCH_URL } from "../llm/batchFile";
import { resolveLlmConfig } from "../llm/config";
import { readBatchState, writeBatchState, type BatchExport, type BatchPart, type BatchState } from "../runs/batchState";
import { redactUrl, scrubSecrets } from "../secrets";
import { importBatch } from "./batch";

/**
 * A run's batch files through a provider's Batch API with the openai SDK:
 * submit (files.create, batches.create), status (batches.retrieve), fetch
 * (files.content, then `importBatch`). Every step is written to the run's
 * batches.json as soon as the provider confirms it, so a crash or Ctrl-C
 * resumes at the next step; a batch created just before a crash is found
 * again by its input file (batches.list) rather than created twice.
 */

export interface ProviderOptions {
  /** Override the export's endpoint (e.g. the simulator in tests). */
  baseUrl?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

/** Statuses after which a batch changes no more. */
const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

function sdkFor(e: BatchExport, o: ProviderOptions): { sdk: OpenAI; where: string } {
  const config = resolveLlmConfig({
    model: e.options.model,
    modelsFile: e.options.modelsFile ?? undefined,
    baseUrl: o.baseUrl ?? e.options.baseUrl ?? undefined,
  });
  // The key goes to the SDK only; its logger is off (debug logs print request details).
  return { sdk: new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 3, timeout: 120_000, logLevel: "off" }), where: redactUrl(config.baseUrl) };
}

function mustState(runDir: string): BatchState {
  const s = readBatchState(runDir);
  if (!s || s.exports.length === 0) throw new UserError(`${runDir} has no batch exports (run \`vag batch export --run ${runDir} ...\` first)`, 2);
  return s;
}

/** A provider failure as one line, without secrets. */
function providerError(where: string, step: string, e: unknown): UserError {
  const msg = e instanceof OpenAI.APIError ? `HTTP ${e.status ?? "?"}: ${e.message}` : e instanceof Error ? e.message : String(e);
  return new UserError(`${where}: ${step} failed: ${scrubSecrets(msg.split("\n")[0])}; re-run the same command to resume`, 1);
}

async function step<T>(where: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw providerError(where, what, e);
  }
}

/** Upload every exported file not yet uploaded and create its batch; returns the number of batches created or adopted. */
export async function submitBatches(runDir: string, o: ProviderOptions = {}): Promise<{ submitted: number }> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const state = mustState(runDir);
  let submitted = 0;
  for (const e of state.exports) {
    const todo = e.parts.filter((p) => p.provider.batchId === null);
    if (todo.length === 0) continue;
    const { sdk, where } = sdkFor(e, o);
    for (const part of todo) {
      if (part.provider.inputFileId === null) {
        if (!existsSync(part.file)) throw new UserError(`${part.file}: no such file (exported as ${part.name}; export again)`, 2);
        const bytes = readFileSync(part.file);
        if (crypto.createHash("sha256").update(bytes).digest("hex") !== part.sha256)
          throw new UserError(`${part.file} changed since it was exported as ${part.name}; export again`, 2);
        const f = await step(where, `upload of ${part.name}`, async () => sdk.files.create({ file: await toFile(bytes, basename(part.file)), purpose: "batch" }));
        part.provider.inputFileId = f.id;
        writeBatchState(runDir, state);
        log(`${part.name}: uploaded ${basename(part.file)} (${part.requests} requests) as ${f.id}`);
      }
      const inputFileId = part.provider.inputFileId;
      const existing = await step(where, `listing batches`, async () => {
        for await (const b of sdk.batches.list({ limit: 100 })) if (b.input_file_id === inputFileId) return b;
        return null;
      });
      const b =
        existing ??
        (await step(where, `creating the batch of ${part.name}`, () =>
          sdk.batches.create({ input_file_id: inputFileId, endpoint: BATCH_URL, completion_window: "24h", metadata: { vag_part: part.name } }),
        ));
      part.provider.batchId = b.id;
      part.provider.status = b.status;
      writeBatchState(runDir, state);
      submitted++;
      log(`${part.name}: batch ${b.id} ${existing ? "found again (created before an interruption)" : "created"}, status ${b.status}`);
    }
  }
  if (submitted === 0) log("every exported file is already submitted; `vag batch status` shows how they are doing");
  return { submitted };
}

export interface PartStatus {
  name: string;
  batchId: string | null;
  status: string | null;
  counts: { total: number; completed: number; failed: number } | null;
  imported: boolean;
}

/** Ask the provider about every submitted, not yet imported batch; store what it says. */
export async function batchStatus(runDir: string, o: ProviderOptions = {}): Promise<PartStatus[]> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  const state = mustState(runDir);
  const out: PartStatus[] = [];
  for (const e of state.exports) {
    const live = e.parts.filter((p) => p.provider.batchId !== null && !p.provider.imported);
    const { sdk, where } = live.length > 0 ? sdkFor(e, o) : { sdk: null, where: "" };
    for (const part of e.parts) {
      let counts: PartStatus["counts"] = null;
      if (sdk && part.provider.batchId !== null && !part.provider.imported) {
        const b = await step(where, `status of ${part.name}`, () => sdk.batches.retrieve(part.provider.batchId!));
        part.provider.status = b.status;
        part.provider.outputFileId = b.output_file_id ?? null;
        part.provider.errorFileId = b.error_file_id ?? null;
        counts = b.request_counts ? { total: b.request_counts.total, completed: b.request_counts.completed, failed: b.request_counts.failed } : null;
        writeBatchState(runDir, state);
      }
      const s: PartStatus = { name: part.name, batchId: part.provider.batchId, status: part.provider.status, counts, imported: part.provider.imported };
      out.push(s);
      const c = counts ? ` (${counts.completed} done, ${counts.failed} failed of ${counts.total})` : "";
      log(`${part.name}: ${s.batchId === null ? "not submitted" : s.imported ? `imported (batch ${s.batchId})` : `${s.status}${c} (batch ${s.batchId})`}`);
    }
  }
  return out;
}

/**
 * Download the output and error files of every finished batch and import
 * them (`importBatch`); with `wait`, poll until every submitted batch has
 * finished. Returns how many submitted batches are still under way.
 */
export async function fetchBatches(runDir: string, o: ProviderOptions & { wait?: boolean; pollMs?: number } = {}): Promise<{ imported: number; pending: number }> {
  const log = o.log ?? ((s: string) => process.stdout.write(s + "\n"));
  let imported = 0;
  for (;;) {
    const statuses = await batchStatus(runDir, { ...o, log: () => {} });
    const state = mustState(runDir);
    const ready: { e: BatchExport; part: BatchPart }[] = [];
    for (const e of state.exports)
      for (const part of e.parts)
        if (part.provider.batchId !== null && !part.provider.imported && TERMINAL.has(part.provider.status ?? "")) ready.push({ e, part });
    const files: string[] = [];
    const ids = new Map<string, string>();
    for (const { e, part } of ready) {
      const { sdk, where } = sdkFor(e, o);
      for (const [kind, id] of [["output", part.provider.outputFileId], ["errors", part.provider.errorFileId]] as const) {
        if (id === null) continue;
        const rel = join("batches", `${part.name}.${kind}.jsonl`);
        const full = join(runDir, rel);
        if (!part.provider.downloaded.includes(rel) || !existsSync(full)) {
          const text = await step(where, `download of ${part.name} ${kind}`, async () => (await sdk.files.content(id)).text());
          mkdirSync(join(runDir, "batches"), { recursive: true });
          writeFileAtomic(full, text);
          if (!part.provider.downloaded.includes(rel)) part.provider.downloaded.push(rel);
          writeBatchState(runDir, state);
        }
        files.push(full);
        ids.set(full, part.provider.batchId!);
      }
      if (part.provider.status === "failed" && part.provider.outputFileId === null && part.provider.errorFileId === null)
        log(`${part.name}: batch ${part.provider.batchId} failed without output; \`vag batch export\` again to retry its calls`);
    }
    if (files.length > 0) await importBatch(runDir, files, { cacheDir: o.cacheDir, providerBatchIds: ids, log });
    for (const { part } of ready) part.provider.imported = true;
    if (ready.length > 0) writeBatchState(runDir, state);
    imported += ready.length;
    const pending = statuses.filter((s) => s.batchId !== null && !s.imported && !TERMINAL.has(s.status ?? "")).length;
    if (pending === 0 || !o.wait) {
      log(`${imported} batch(es) imported${pending > 0 ? `, ${pending} still under way (\`vag batch fetch --run ${runDir}\` again later, or --wait)` : ""}`);
      return { imported, pending };
    }
    await new Promise((r) => setTimeout(r, o.pollMs ?? 30_000));
  }
}
