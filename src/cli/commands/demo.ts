import type { Command } from "commander";

/** `vag demo` (what `npm start` runs): the whole study on the simulated model. */
export function register(program: Command): void {
  program
    .command("demo")
    .description("run the study end to end on the built-in SIMULATED model (no key, no network)")
    .option("--run <dir>", "run directory", "runs/demo")
    .option("--out <dir>", "where analysis, figures and the report go", "out/demo")
    .option("--seed <n>", "simulator seed", (v) => Number(v), 7)
    .option("--cache-dir <dir>", "response cache directory (default .cache/llm)")
    .action(async (opts: { run: string; out: string; seed: number; cacheDir?: string }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { DEMO_COUNTRIES, DEMO_TOPICS } = require("../../pipeline/demo") as typeof import("../../pipeline/demo");
      const { runDemo } = require("../../demo") as typeof import("../../demo");
      const log = (s: string) => process.stdout.write(s + "\n");
      log(`value-action-lens demo on the SIMULATED model (built-in OpenAI-compatible server on 127.0.0.1, seed ${opts.seed}): not a result about any real LLM`);
      log(`scope: ${DEMO_COUNTRIES.join(", ")} x ${DEMO_TOPICS.join(", ")} x 56 values`);
      await runDemo({ runDir: opts.run, outDir: opts.out, cacheDir: opts.cacheDir, seed: opts.seed, log });
    });
}
