import type { Command } from "commander";
import { intOption, RESAMPLE_DEFAULTS } from "../options";
import { resolveDataDir } from "../../via/files";
import type { ModelId } from "../../via/models";

/** `vag reproduce`: the paper's tables from the published files, beside the printed numbers. */
export function register(program: Command): void {
  program
    .command("reproduce")
    .description("recompute the paper's tables from the published data (paper protocol) and explain every difference")
    .option("--data-dir <dir>", "published data directory (default: $VAL_DATA_DIR, else data/via)")
    .option("--out <dir>", "output directory", "out/reproduce")
    .option("--seed <n>", "bootstrap seed", intOption("--seed"), RESAMPLE_DEFAULTS.seed)
    .option("--iterations <n>", "bootstrap resamples", intOption("--iterations", { min: 1 }), RESAMPLE_DEFAULTS.iterations)
    .option("--dataset", "also import the VIA dataset CSV for its refusal and usable-pair counts (no table depends on it; slower)", false)
    .action((opts: { dataDir?: string; out: string; seed: number; iterations: number; dataset: boolean }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { compareTables } = require("../../reproduce/comparison") as typeof import("../../reproduce/comparison");
      const { MODEL_LABEL } = require("../../via/models") as typeof import("../../via/models");
      const { reproduce } = require("../../reproduce/reproduce") as typeof import("../../reproduce/reproduce");
      const { reproductionOutputs, writeOutputs } = require("../../reproduce/reproductionOutputs") as typeof import("../../reproduce/reproductionOutputs");
      const dataDir = resolveDataDir({ dataDir: opts.dataDir });
      const rep = reproduce({ dataDir, seed: opts.seed, iterations: opts.iterations, dataset: opts.dataset });
      const paths = writeOutputs(opts.out, reproductionOutputs(rep));
      const log = (s: string) => process.stdout.write(s + "\n");
      log(`reproduce (paper protocol) from ${dataDir}`);
      const { modelLine, refusalCountText, refusalLine } = require("../../results/describe") as typeof import("../../results/describe");
      for (const [m, x] of Object.entries(rep.results.models)) {
        log(`  ${modelLine(MODEL_LABEL[m as ModelId] ?? m, x)}`);
      }
      for (const [m, x] of Object.entries(rep.results.models)) {
        const line = refusalLine(MODEL_LABEL[m as ModelId] ?? m, x);
        if (line) log(`  ${line}`);
      }
      const ds = rep.results.dataset_refusals;
      if (ds) log(`  VIA dataset generations (${ds.model}): ${refusalCountText(ds)}`);
      const agreement = Object.entries(rep.results.task2_prompt_agreement_refusals ?? {});
      if (agreement.length > 0)
        log(`  Task 2 prompt-robustness answers (50 pairs x 8 variants) refusals: ${agreement.map(([m, t]) => `${MODEL_LABEL[m as ModelId] ?? m} ${t.refusals} of ${t.answered}`).join(", ")}`);
      log(`  risk: ${rep.detail.risk.tagged} tagged of ${rep.detail.risk.total} misaligned examples`);
      for (const t of compareTables(rep)) {
        const n = (s: string) => t.cells.filter((c) => c.status === s).length;
        log(`  ${t.table}: ${n("reproduces")} cells reproduce, ${n("differs")} differ (causes in REPRODUCTION.md), ${n("not computable")} not computable`);
      }
      const bad = rep.inputs.filter((i) => !i.matches).length;
      if (bad) log(`  warning: ${bad} input file(s) differ from MANIFEST.md sha256`);
      for (const p of paths) log(p);
    });
}
