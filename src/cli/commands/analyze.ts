import type { Command } from "commander";
import { intOption, numberOption, RESAMPLE_DEFAULTS } from "../options";

/**
 * `vag analyze --run DIR... --out OUT`: every measure of the runs' models with
 * its uncertainty (src/results), written as OUT/results.json in the schema
 * `vag reproduce` writes (one entry under `models` per model), with
 * OUT/matrices.json (heatmap grids) and OUT/misaligned.json (the runs'
 * misaligned cells) so that `vag figures|report --from OUT` need nothing else.
 * Everything is read and computed before the first file is written.
 */
export function register(program: Command): void {
  program
    .command("analyze")
    .description("analyse run directories (every measure with its interval) into results.json, the schema of vag reproduce")
    .requiredOption("--run <dirs...>", "run directories (manifest.json + task1.jsonl / task2.jsonl); several allowed")
    .option("--out <dir>", "output directory", "out/analyze")
    .option("--seed <n>", "seed of the bootstrap and permutation resamples", intOption("--seed"), RESAMPLE_DEFAULTS.seed)
    .option("--iterations <n>", "bootstrap resamples of every interval", intOption("--iterations", { min: 1 }), RESAMPLE_DEFAULTS.iterations)
    .option(
      "--min-confidence <x>",
      "robust runs: compute the alignment measures on the cells whose confidence (lowest raw signal: variant/order/sample agreement, token probability, verbalized) is at least x",
      numberOption("--min-confidence", { min: 0, max: 1 }),
    )
    .action((opts: { run: string[]; out: string; seed: number; iterations: number; minConfidence?: number }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { analyzeRuns, analysisOutputs } = require("../../results/runResults") as typeof import("../../results/runResults");
      const { modelLine, nullSentence, undecidedText, refusalLine, confidenceSentence, uqSentence } = require("../../results/describe") as typeof import("../../results/describe");
      const { writeOutputs } = require("../../reproduce/reproductionOutputs") as typeof import("../../reproduce/reproductionOutputs");
      const analysis = analyzeRuns(opts.run, { seed: opts.seed, iterations: opts.iterations, minConfidence: opts.minConfidence });
      const paths = writeOutputs(opts.out, analysisOutputs(analysis));
      const log = (s: string) => process.stdout.write(s + "\n");
      for (const r of analysis.runs) {
        log(`${r.dir} (${r.protocol} protocol)`);
        log(`  ${modelLine(r.model, r.results)}`);
        const nul = nullSentence(r.results.f1?.overall, r.results.null_f1);
        if (nul) log(`  ${nul}`);
        const und = undecidedText(r.results);
        if (und) log(`  ${und}`);
        const ref = refusalLine(r.model, r.results);
        if (ref) log(`  ${ref}`);
        const conf = confidenceSentence(r.results);
        if (conf) log(`  ${conf}`);
        const uq = uqSentence(r.results);
        if (uq) log(`  ${uq}`);
      }
      for (const p of paths) log(p);
    });
}
