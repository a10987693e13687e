import type { Command } from "commander";
import { PROTOCOLS, type Protocol } from "../../protocol";
import { UserError } from "../../errors";
import { intOption, numberOption } from "../options";
import type { RunOptions } from "../../pipeline/run";
import type { TaskName } from "../../runs/records";
import type { ResponseFormatName } from "../../prompts/responseSchemas";

/**
 * `vag generate | task1 | task2`: resumable runs against any OpenAI-compatible
 * endpoint. Re-running the same command resumes; Ctrl-C lets the calls under
 * way finish and be written, then says how to resume.
 */

const DEFAULT_VARIANTS: Record<TaskName, string> = { generate: "5", task1: "0-7", task2: "5" };


/**
 * The model, scope, protocol and sampling options of a task command; `vag
 * batch export` takes the same ones (task null: the options of every task).
 */
export function addTaskOptions(command: Command, task: TaskName | null): Command {
  const cmd = command
    .requiredOption("--model <id>", "model name sent to the endpoint (or an id of --models-file)")
    .requiredOption("--run <dir>", "run directory: records go to DIR/" + (task ?? "TASK") + ".jsonl, DIR/manifest.json")
    .option("--base-url <url>", "OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else api.openai.com)")
    .option("--models-file <file>", "JSON models file (base URL, key variable name, prices, limits)")
    .option("--countries <list>", "comma-separated countries (default: all 12)")
    .option("--topics <list>", "comma-separated topics (default: all 11)")
    .option("--variants <spec>", `prompt variants, e.g. 5, 0-7 or 0,2 (default ${task ? DEFAULT_VARIANTS[task] : "generate 5, task1 0-7, task2 5"})`)
    .option("--replicates <n>", "independent samples per prompt", intOption("--replicates", { min: 1 }), 1)
    .option("--concurrency <n>", "calls under way at once", intOption("--concurrency", { min: 1 }))
    .option("--rpm <n>", "requests per minute limit", intOption("--rpm", { min: 1 }))
    .option("--timeout-ms <n>", "per-request timeout", intOption("--timeout-ms", { min: 1 }))
    .option("--max-retries <n>", "retries per call (default 6)", intOption("--max-retries"))
    .option("--protocol <name>", "paper (the authors' behaviour) or robust", "robust")
    .option("--seed <n>", "sampling seed sent with robust-protocol requests", intOption("--seed"))
    .option("--temperature <t>", "sampling temperature (robust protocol; with --replicates: how much samples vary)", numberOption("--temperature", { min: 0, max: 2 }))
    .option("--logprobs", "ask for token log probabilities: the token-probability confidence signal (no extra calls or tokens)")
    .option("--top-logprobs <n>", "alternatives per token with --logprobs (default 5)", intOption("--top-logprobs", { max: 20 }))
    .option("--response-format <format>", "structured outputs (robust protocol): text (nothing sent) or json_schema (each prompt's answer schema as response_format)", "text")
    .option("--response-format-fallback", "with json_schema: when the endpoint rejects it, send plain requests for the rest of the run (the manifest says so)")
    .option("--cache-dir <dir>", "response cache directory (default .cache/llm)")
    .option("--no-cache", "neither read nor write the response cache")
    .option("--refresh", "ignore cached answers (fresh answers are still stored)")
    .option("--dry-run", "print calls, cache hits, tokens and cost; send nothing")
    .option("--yes", "do not ask before a run that costs money")
    .option("--max-cost <usd>", "stop a live run before a call would take its spend over this; refuse a batch export estimated above it", numberOption("--max-cost", { min: 0 }));
  if (task !== "task1") cmd.option("--values <list>", "comma-separated values (default: all 56)");
  if (task !== "generate") cmd.option("--verbalized", "robust protocol: ask for a 0-100 confidence in the JSON answer (verbalized-confidence signal)");
  if (task === "task2" || task === null)
    cmd
      .option("--actions <source>", "a run directory with generate records, or the published dataset CSV")
      .option("--order <order>", "counterbalanced (both option orders) or paper (negative action as Option 1)", "counterbalanced");
  return cmd;
}

/** The run options of the parsed task options. */
export function runOptionsFrom(opts: Record<string, any>, task: TaskName): RunOptions {
  // Loaded when the command runs, not when `vag` loads every command file at start-up.
  const { scopeFrom } = require("../../pipeline/scope") as typeof import("../../pipeline/scope");
  const protocol = String(opts.protocol) as Protocol;
  if (!PROTOCOLS.includes(protocol)) throw new UserError(`bad --protocol "${opts.protocol}": use paper or robust`, 2);
  const scope = scopeFrom(opts, { variants: DEFAULT_VARIANTS[task] });
  const { RESPONSE_FORMATS } = require("../../prompts/responseSchemas") as typeof import("../../prompts/responseSchemas");
  const responseFormat = String(opts.responseFormat ?? "text") as ResponseFormatName;
  if (!RESPONSE_FORMATS.includes(responseFormat)) throw new UserError(`bad --response-format "${opts.responseFormat}": use ${RESPONSE_FORMATS.join(" or ")}`, 2);
  return {
    task,
    model: opts.model,
    runDir: opts.run,
    scope,
    protocol,
    seed: opts.seed,
    temperature: opts.temperature,
    logprobs: Boolean(opts.logprobs),
    topLogprobs: opts.topLogprobs,
    verbalized: Boolean(opts.verbalized),
    responseFormat,
    responseFormatFallback: Boolean(opts.responseFormatFallback),
    actions: opts.actions,
    baseUrl: opts.baseUrl,
    modelsFile: opts.modelsFile,
    concurrency: opts.concurrency,
    timeoutMs: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    requestsPerMinute: opts.rpm,
    cacheDir: opts.cacheDir,
    noCache: opts.cache === false,
    refresh: Boolean(opts.refresh),
    dryRun: Boolean(opts.dryRun),
    yes: Boolean(opts.yes),
    maxCostUsd: opts.maxCost,
  };
}

function addRunCommand(program: Command, task: TaskName, description: string): Command {
  const cmd = addTaskOptions(program.command(task).description(description), task);
  cmd.action(async (opts) => {
    // Loaded when the command runs, not when `vag` loads every command file at start-up.
    const { runTask } = require("../../pipeline/run") as typeof import("../../pipeline/run");
    const options = runOptionsFrom(opts, task);
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130);
      process.stderr.write("\nstopping: letting calls under way finish and be written (Ctrl-C again to quit at once)\n");
      controller.abort();
    };
    process.on("SIGINT", onSigint);
    try {
      const out = await runTask({ ...options, signal: controller.signal });
      if (out.stats?.interrupted) {
        process.stderr.write(`resume with: npm run -s vag -- ${process.argv.slice(2).join(" ")}\n`);
        process.exitCode = 130;
      } else if ((out.stats?.failures ?? 0) > 0) process.exitCode = 3;
    } finally {
      process.off("SIGINT", onSigint);
    }
  });
  return cmd;
}

export function register(program: Command): void {
  addRunCommand(program, "generate", "generate value-informed actions (VIA format) for a scope");
  addRunCommand(program, "task1", "Task 1: stated value inclinations (56 values per scenario, 8 prompt variants)");
  addRunCommand(program, "task2", "Task 2: choose between the value-endorsing and the value-opposing action");
}
