import { Option, type Command } from "commander";
import { REASONING_MODES, type ReasoningMode } from "../../sim/reasoningModes";
import { intOption, numberOption } from "../options";

/** `vag demo` (what `npm start` runs): the whole study on the simulated model. */
export function register(program: Command): void {
  program
    .command("demo")
    .description("run the study end to end on the built-in SIMULATED model (no key, no network)")
    .option("--run <dir>", "run directory", "runs/demo")
    .option("--out <dir>", "where analysis, figures and the report go", "out/demo")
    .option("--seed <n>", "simulator seed", intOption("--seed"), 7)
    .option("--cache-dir <dir>", "response cache directory (default .cache/llm)")
    .option("--position-bias <x>", "share of cells the simulated model answers by position in Task 2, always Option 1 (0..1)", numberOption("--position-bias", { min: 0, max: 1 }), 0)
    .addOption(
      new Option("--sim-reasoning <mode>", "the simulated model answers as a reasoning model (decoys inside the reasoning must not change the results)").choices(REASONING_MODES).default("off"),
    )
    .action(async (opts: { run: string; out: string; seed: number; cacheDir?: string; positionBias: number; simReasoning: ReasoningMode }) => {
      const positionBias = opts.positionBias;
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { DEMO_COUNTRIES, DEMO_TOPICS } = require("../../pipeline/demo") as typeof import("../../pipeline/demo");
      const { runDemo } = require("../../demo") as typeof import("../../demo");
      const log = (s: string) => process.stdout.write(s + "\n");
      log(`value-action-lens demo on the SIMULATED model (built-in OpenAI-compatible server on 127.0.0.1, seed ${opts.seed}): not a result about any real LLM`);
      log(`scope: ${DEMO_COUNTRIES.join(", ")} x ${DEMO_TOPICS.join(", ")} x 56 values`);
      if (positionBias > 0) log(`position bias switched on: ${(positionBias * 100).toFixed(1)}% of cells answer Task 2 "Option 1" whatever the options`);
      if (opts.simReasoning !== "off") log(`reasoning mode: ${opts.simReasoning} (the simulated model deliberates, with decoy answers, before each answer)`);
      await runDemo({ runDir: opts.run, outDir: opts.out, cacheDir: opts.cacheDir, seed: opts.seed, positionBias, reasoning: opts.simReasoning, log });
    });
}
