import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { parseNumber } from "../options";
import { UserError } from "../../errors";
import type { LabelKind } from "../../gap/labels";

/**
 * `vag gap (--data-dir DIR | --run DIR) [--label choice|gap|gap-posthoc ...] [--group-by scenario|value]
 * [--out DIR] [--folds K] [--inner-folds K] [--seed N] [--bootstrap N] [--fewshot-model ID ...]`:
 * the gap predictor (src/gap/runGap.ts). Writes results.json and results.md to
 * --out (default out/gap), atomically, only after everything was computed.
 */
interface GapCliOptions {
  dataDir?: string;
  run?: string;
  label?: string[];
  groupBy: string;
  out: string;
  folds: string;
  innerFolds: string;
  seed: string;
  bootstrap: string;
  quiet?: boolean;
  fewshotModel?: string;
  baseUrl?: string;
  modelsFile?: string;
  cacheDir?: string;
}

const LABELS = ["choice", "gap", "gap-posthoc"];

export function register(program: Command): void {
  program
    .command("gap")
    .description("predict the Task 2 choice and the value-action gap from texts, against text-free baselines, with a verdict per target")
    .option("--data-dir <dir>", "published data directory (../via layout): targets claude-sonnet-4 and gpt-4o-mini")
    .option("--run <dir>", "a run directory with task2.jsonl (task1.jsonl, generate.jsonl)")
    .option("--label <labels...>", `what to predict: ${LABELS.join(" | ")} (default: all three)`)
    .option("--group-by <unit>", "cross-validation groups: scenario (default) or value (generalization to unseen values)", "scenario")
    .option("--out <dir>", "output directory", "out/gap")
    .option("--folds <k>", "outer cross-validation folds", "5")
    .option("--inner-folds <k>", "inner folds that tune L2 and the minimum feature count", "2")
    .option("--seed <n>", "seed of folds, training order, baselines, bootstrap and permutations", "42")
    .option("--bootstrap <n>", "scenario bootstrap resamples and permutations", "1000")
    .option("--quiet", "no progress lines on stderr")
    .option("--fewshot-model <id>", "also run the paper's few-shot predictor (label `choice`) with this observer model (paper: gpt-4o-mini)")
    .option("--base-url <url>", "OpenAI-compatible endpoint of the observer (default: OPENAI_BASE_URL, else api.openai.com)")
    .option("--models-file <file>", "JSON models file (base URL, key variable name, prices, limits)")
    .option("--cache-dir <dir>", "response cache directory (default .cache/llm)")
    .action(async (o: GapCliOptions) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { runGap } = require("../../gap/runGap") as typeof import("../../gap/runGap");
      const { writeGapOutputs } = require("../../gap/outputs") as typeof import("../../gap/outputs");
      const { loadGapTargets } = require("../../gap/sources") as typeof import("../../gap/sources");
      const { runFewShot } = require("../../gap/fewshot") as typeof import("../../gap/fewshot");
      const { choiceExamples } = require("../../gap/labels") as typeof import("../../gap/labels");
      const { clientFor, resolveLlmConfig } = require("../../llm") as typeof import("../../llm");
      const { redactUrl } = require("../../secrets") as typeof import("../../secrets");
      const { writeFileAtomic } = require("../../io/atomic") as typeof import("../../io/atomic");
      if (!o.dataDir === !o.run) throw new UserError("gap: give exactly one of --data-dir DIR or --run DIR", 2);
      const folds = int("--folds", o.folds, 2, 100);
      const innerFolds = int("--inner-folds", o.innerFolds, 2, 100);
      const seed = int("--seed", o.seed, 0, 2 ** 32 - 1);
      const bootstrap = int("--bootstrap", o.bootstrap, 1, 100000);
      const labels = (o.label ?? LABELS).flatMap((l) => l.split(","));
      for (const l of labels) if (!LABELS.includes(l)) throw new UserError(`gap: --label must be one of ${LABELS.join(", ")}, got ${JSON.stringify(l)}`, 2);
      if (o.groupBy !== "scenario" && o.groupBy !== "value") throw new UserError(`gap: --group-by must be scenario or value, got ${JSON.stringify(o.groupBy)}`, 2);
      const log = o.quiet ? undefined : (line: string) => process.stderr.write(`vag gap: ${line}\n`);
      const { targets, notes } = loadGapTargets(o.dataDir ? { dataDir: o.dataDir } : { runDir: o.run! });
      const results = runGap(targets, { folds, innerFolds, seed, bootstrap, labels: [...new Set(labels)] as LabelKind[], groupBy: o.groupBy, log });
      results.notes.unshift(...notes);
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
      for (const v of results.verdicts) process.stdout.write(`${v.sentence.replace(/\*\*/g, "")}\n`);
      process.stdout.write(`wrote ${written.json} and ${written.markdown} (${results.verdicts.length} verdicts)\n`);
    });
}

const int = (name: string, s: string, min: number, max: number) => parseNumber(`gap: ${name}`, s, { min, max, integer: true });
