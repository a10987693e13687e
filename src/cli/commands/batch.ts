import type { Command } from "commander";
import { UserError } from "../../errors";
import type { TaskName } from "../../runs/records";
import { intOption } from "../options";
import { addTaskOptions, runOptionsFrom } from "./run";

/**
 * `vag batch export | import | submit | status | fetch`: the calls of a run
 * as provider batch files (OpenAI Batch API, vLLM run-batch) instead of live
 * requests; the records come out the same.
 */

const TASKS: TaskName[] = ["generate", "task1", "task2"];

export function register(program: Command): void {
  const batch = program.command("batch").description("run a task through provider batch files (OpenAI Batch API, vLLM run-batch) instead of live calls");

  addTaskOptions(
    batch
      .command("export")
      .description("write the calls the run still needs (not done, or failed; cached answers left out) as OpenAI batch input JSONL")
      .requiredOption("--task <task>", "generate, task1 or task2")
      .requiredOption("--out <file>", "batch input file (FILE.1.jsonl, FILE.2.jsonl, ... when split at 50,000 requests or 200 MB)")
      .option("--max-requests <n>", "requests per file (default 50000, the provider's limit)", intOption("--max-requests", { min: 1 }))
      .option("--max-bytes <n>", "bytes per file (default 200 MB, the provider's limit)", intOption("--max-bytes", { min: 1 })),
    null,
  ).action((opts) => {
    const { exportBatch } = require("../../pipeline/batch") as typeof import("../../pipeline/batch");
    const { BATCH_LIMITS } = require("../../llm/batchFile") as typeof import("../../llm/batchFile");
    const task = String(opts.task) as TaskName;
    if (!TASKS.includes(task)) throw new UserError(`bad --task "${opts.task}": use generate, task1 or task2`, 2);
    if (task === "task1" && opts.values !== undefined) throw new UserError("--values does not apply to task1 (its prompt asks all 56 values)", 2);
    const limits = { requests: opts.maxRequests ?? BATCH_LIMITS.requests, bytes: opts.maxBytes ?? BATCH_LIMITS.bytes };
    exportBatch({ ...runOptionsFrom(opts, task), out: opts.out, limits });
  });

  batch
    .command("import")
    .description("import batch output files (any order) into the run: same records as live calls; failed lines are exported again next time")
    .requiredOption("--run <dir>", "the run directory the batch was exported from")
    .option("--cache-dir <dir>", "response cache directory (default: the export's, else .cache/llm)")
    .argument("<files...>", "batch output JSONL files")
    .action(async (files: string[], opts: { run: string; cacheDir?: string }) => {
      const { importBatch } = require("../../pipeline/batch") as typeof import("../../pipeline/batch");
      const out = await importBatch(opts.run, files, { cacheDir: opts.cacheDir });
      if (Object.values(out.tasks).some((t) => t.errors > 0)) process.exitCode = 3;
    });

  const provider = (name: string, description: string) =>
    batch
      .command(name)
      .description(description)
      .requiredOption("--run <dir>", "the run directory the batch was exported from")
      .option("--base-url <url>", "provider endpoint (default: the export's)")
      .option("--cache-dir <dir>", "response cache directory (default: the export's, else .cache/llm)");

  provider("submit", "upload the exported files (files.create) and create one provider batch per file (batches.create); resumable").action(
    async (opts: { run: string; baseUrl?: string }) => {
      const { submitBatches } = require("../../pipeline/batchProvider") as typeof import("../../pipeline/batchProvider");
      await submitBatches(opts.run, { baseUrl: opts.baseUrl });
    },
  );
  provider("status", "ask the provider how each batch of the run is doing (batches.retrieve)").action(async (opts: { run: string; baseUrl?: string }) => {
    const { batchStatus } = require("../../pipeline/batchProvider") as typeof import("../../pipeline/batchProvider");
    await batchStatus(opts.run, { baseUrl: opts.baseUrl });
  });
  provider("fetch", "download the output and error files of finished batches (files.content) and import them; resumable")
    .option("--wait", "poll until every batch of the run has finished")
    .option("--poll-ms <n>", "polling interval with --wait", intOption("--poll-ms", { min: 1 }), 30_000)
    .action(async (opts: { run: string; baseUrl?: string; cacheDir?: string; wait?: boolean; pollMs: number }) => {
      const { fetchBatches } = require("../../pipeline/batchProvider") as typeof import("../../pipeline/batchProvider");
      const out = await fetchBatches(opts.run, { baseUrl: opts.baseUrl, cacheDir: opts.cacheDir, wait: Boolean(opts.wait), pollMs: opts.pollMs });
      if (out.pending > 0) process.exitCode = 4;
    });
}
