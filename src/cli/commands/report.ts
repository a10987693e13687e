import type { Command } from "commander";
import { parseList } from "../options";

/**
 * `vag report --from DIR... --out DIR`: one static page, index.html, to open
 * first: per model a summary, interactive charts and tables, and a
 * searchable list of misaligned examples (from misaligned.json).
 */
export function register(program: Command): void {
  program
    .command("report")
    .description("write one self-contained HTML report (index.html) from results, runs and misaligned examples")
    .requiredOption("--from <dirs...>", "out/reproduce, out/gap or run directories (several allowed)")
    .option("--out <dir>", "output directory", "out/report")
    .option("--model <ids>", "only these models (comma-separated ids)")
    .action((opts: { from: string[]; out: string; model?: string }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { writeReport } = require("../../report/write") as typeof import("../../report/write");
      const models = parseList(opts.model);
      const r = writeReport(opts.from, opts.out, { models });
      process.stdout.write(
        `report: ${r.path}\n  ${r.models} model(s), ${r.charts} chart(s), ${r.examples} misaligned example(s), ${(r.bytes / 1e6).toFixed(1)} MB` +
          `${r.simulated ? "\n  SIMULATED results (built-in simulator, not a real model)" : ""}\n`,
      );
    });
}
