import type { Command } from "commander";
import { PROTOCOLS, type Protocol } from "../../protocol";
import { UserError } from "../../errors";
import { intOption, numberOption, parseList } from "../options";

/**
 * `vag evaluate --models-file F --models a,b,c --run-root DIR [scope]`: Task 1
 * and Task 2 for each model into DIR/<model>, live or with --batch, then one
 * comparative report of them (with `--from` directories such as
 * out/reproduce for the paper's published models beside them).
 */
export function register(program: Command): void {
  program
    .command("evaluate")
    .description("run Task 1 and Task 2 for several models (one run directory each, live or --batch) and write one comparative report")
    .requiredOption("--models-file <file>", "JSON models file naming every model (endpoint, key variable, prices, batchDiscount)")
    .requiredOption("--models <ids>", "comma-separated model ids of the models file")
    .requiredOption("--run-root <dir>", "one run directory per model goes here (DIR/<model id>)")
    .requiredOption("--actions <source>", "Task 2 actions: a run directory with generate records, or the published dataset CSV")
    .option("--countries <list>", "comma-separated countries (default: all 12)")
    .option("--topics <list>", "comma-separated topics (default: all 11)")
    .option("--values <list>", "Task 2: comma-separated values (default: all 56)")
    .option("--task1-variants <spec>", "Task 1 prompt variants", "0-7")
    .option("--task2-variants <spec>", "Task 2 prompt variants", "5")
    .option("--order <order>", "Task 2: counterbalanced or paper", "counterbalanced")
    .option("--replicates <n>", "independent samples per prompt", intOption("--replicates", { min: 1 }), 1)
    .option("--protocol <name>", "paper or robust", "robust")
    .option("--seed <n>", "sampling seed of robust-protocol requests", intOption("--seed"))
    .option("--cache-dir <dir>", "response cache directory (default .cache/llm)")
    .option("--concurrency <n>", "calls under way at once (live)", intOption("--concurrency", { min: 1 }))
    .option("--max-cost <usd>", "per task and model: stop a live run before it would spend more; refuse a batch estimated above it", numberOption("--max-cost", { min: 0 }))
    .option("--batch", "through the provider's Batch API (export, submit, fetch --wait) instead of live calls")
    .option("--poll-ms <n>", "with --batch: polling interval", intOption("--poll-ms", { min: 1 }), 30_000)
    .option("--yes", "do not ask before runs that cost money")
    .option("--from <dirs...>", "more report inputs beside the runs, e.g. out/reproduce for the published models")
    .option("--out <dir>", "comparative report directory", "out/evaluate")
    .action(async (opts) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { evaluateModels } = require("../../pipeline/evaluate") as typeof import("../../pipeline/evaluate");
      const { scopeFrom } = require("../../pipeline/scope") as typeof import("../../pipeline/scope");
      const { writeReport } = require("../../report/write") as typeof import("../../report/write");
      const protocol = String(opts.protocol) as Protocol;
      if (!PROTOCOLS.includes(protocol)) throw new UserError(`bad --protocol "${opts.protocol}": use paper or robust`, 2);
      const models = parseList(opts.models) ?? [];
      if (models.length === 0) throw new UserError("--models: give at least one model id", 2);
      const base = { countries: opts.countries, topics: opts.topics, replicates: opts.replicates, order: opts.order };
      const log = (s: string) => process.stdout.write(s + "\n");
      const out = await evaluateModels({
        modelsFile: opts.modelsFile,
        models,
        runRoot: opts.runRoot,
        task1Scope: scopeFrom({ ...base, variants: opts.task1Variants }, { variants: "0-7" }),
        task2Scope: scopeFrom({ ...base, values: opts.values, variants: opts.task2Variants }, { variants: "5" }),
        actions: opts.actions,
        protocol,
        seed: opts.seed,
        cacheDir: opts.cacheDir,
        batch: Boolean(opts.batch),
        pollMs: opts.pollMs,
        concurrency: opts.concurrency,
        yes: Boolean(opts.yes),
        maxCostUsd: opts.maxCost,
        progress: false,
        log,
      });
      const r = writeReport([...out.runDirs, ...(opts.from ?? [])], opts.out);
      log(`comparative report: ${r.path} (${r.models} models${r.simulated ? "; SIMULATED results from the built-in simulator, not a real model" : ""})`);
      log(`again later: npm run -s vag -- report --from ${opts.runRoot}/*${(opts.from ?? []).map((d: string) => ` --from ${d}`).join("")} --out ${opts.out}`);
      if (out.failures > 0) process.exitCode = 3;
    });
}
