import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { parseNumber } from "../options";
import { UserError } from "../../errors";
import type { GapResults } from "../../gap/experiment";
import { ENGINES, type Engine } from "../../gap/logistic";

/**
 * `vag gap (--data-dir DIR | --run DIR) [--out DIR] [--dim N] [--folds K] [--seed N]`:
 * the gap predictor (src/gap). Writes results.json and results.md to --out
 * (default out/gap), atomically, only after everything was computed.
 */
interface GapCliOptions {
  dataDir?: string;
  run?: string;
  out: string;
  dim: string;
  folds: string;
  seed: string;
  bootstrap: string;
  engine: string;
  signed?: boolean;
  quiet?: boolean;
  fewshotModel?: string;
  baseUrl?: string;
  modelsFile?: string;
  cacheDir?: string;
}

export function register(program: Command): void {
  program
    .command("gap")
    .description("predict the value-action gap (and the choice) from actions, attributions and explanations")
    .option("--data-dir <dir>", "published data directory (../via layout): targets claude-sonnet-4 and gpt-4o-mini")
    .option("--run <dir>", "a run directory with task2.jsonl (task1.jsonl, generate.jsonl)")
    .option("--out <dir>", "output directory", "out/gap")
    .option("--dim <n>", "hash buckets for word+bigram counts", "4096")
    .option("--folds <k>", "cross-validation folds (grouped by scenario)", "5")
    .option("--seed <n>", "seed of folds, training order, baselines and bootstrap", "42")
    .option("--bootstrap <n>", "bootstrap resamples for the CIs", "1000")
    .option("--engine <name>", `logistic regression engine: ${ENGINES.join(" | ")}`, "sparse")
    .option("--signed", "signed feature hashing")
    .option("--quiet", "no progress lines on stderr")
    .option("--fewshot-model <id>", "also run the paper's few-shot predictor (label `choice`) with this observer model (paper: gpt-4o-mini)")
    .option("--base-url <url>", "OpenAI-compatible endpoint of the observer (default: OPENAI_BASE_URL, else api.openai.com)")
    .option("--models-file <file>", "JSON models file (base URL, key variable name, prices, limits)")
    .option("--cache-dir <dir>", "response cache directory (default .cache/llm)")
    .action(async (o: GapCliOptions) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { runGapExperiment } = require("../../gap/experiment") as typeof import("../../gap/experiment");
      const { publishedTargets } = require("../../gap/published") as typeof import("../../gap/published");
      const { writeGapOutputs } = require("../../gap/outputs") as typeof import("../../gap/outputs");
      const { runTargets } = require("../../gap/runDir") as typeof import("../../gap/runDir");
      const { runFewShot } = require("../../gap/fewshot") as typeof import("../../gap/fewshot");
      const { choiceExamples } = require("../../gap/labels") as typeof import("../../gap/labels");
      const { clientFor, resolveLlmConfig } = require("../../llm") as typeof import("../../llm");
      const { redactUrl } = require("../../secrets") as typeof import("../../secrets");
      const { writeFileAtomic } = require("../../io/atomic") as typeof import("../../io/atomic");
      if (!o.dataDir === !o.run) throw new UserError("gap: give exactly one of --data-dir DIR or --run DIR", 2);
      const dim = int("--dim", o.dim, 1, 1 << 22);
      const folds = int("--folds", o.folds, 2, 100);
      const seed = int("--seed", o.seed, 0, 2 ** 32 - 1);
      const bootstrap = int("--bootstrap", o.bootstrap, 0, 100000);
      if (!(ENGINES as readonly string[]).includes(o.engine)) throw new UserError(`gap: --engine must be one of ${ENGINES.join(", ")}`, 2);
      const log = o.quiet ? undefined : (line: string) => process.stderr.write(`vag gap: ${line}\n`);
      const notes: string[] = [];
      let source: string;
      let targets;
      if (o.dataDir) {
        source = `published data ${resolve(o.dataDir)}`;
        targets = publishedTargets(o.dataDir);
      } else {
        source = `run ${resolve(o.run!)}`;
        const r = runTargets(o.run!);
        targets = r.targets;
        notes.push(...r.notes);
      }
      if (targets.length === 0) throw new UserError(`gap: no Task 2 choices found in ${source}`, 2);
      const results: GapResults = runGapExperiment(targets, {
        folds,
        seed,
        bootstrap,
        features: { dim, signed: Boolean(o.signed) },
        logistic: { engine: o.engine as Engine },
        log,
      });
      results.notes.unshift(`source: ${source}`, ...notes);
      const outputs: unknown[] = [];
      if (o.fewshotModel) {
        const config = resolveLlmConfig({ model: o.fewshotModel, modelsFile: o.modelsFile, baseUrl: o.baseUrl, cacheDir: o.cacheDir });
        const client = clientFor(config);
        for (const t of targets) {
          log?.(`${t.id} / choice: few-shot predictor with ${config.model}`);
          const r = await runFewShot(client, t.id, "choice", choiceExamples(t.pairs), { model: config.model, seed, bootstrap });
          results.experiments.push(...r.rows);
          results.notes.push(...r.notes);
          outputs.push(...r.outputs.map((x) => ({ target: t.id, ...x })));
        }
        const st = client.stats();
        results.notes.push(`few-shot observer ${config.model} at ${redactUrl(config.baseUrl)}: ${st.calls} calls (${st.cacheHits} cached, ${st.failures} failed)` + (st.simulated > 0 ? `; ${st.simulated} answers came from the SIMULATOR` : ""));
      }
      mkdirSync(o.out, { recursive: true });
      if (outputs.length > 0) writeFileAtomic(join(o.out, "fewshot_outputs.jsonl"), outputs.map((x) => JSON.stringify(x)).join("\n") + "\n");
      const written = writeGapOutputs(results, o.out);
      process.stdout.write(`wrote ${written.json} and ${written.markdown} (${results.experiments.length} rows)\n`);
    });
}

const int = (name: string, s: string, min: number, max: number) => parseNumber(`gap: ${name}`, s, { min, max, integer: true });
