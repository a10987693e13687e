import type { Command } from "commander";
import { runDemoPipeline, DEMO_COUNTRIES, DEMO_TOPICS } from "../../pipeline/demo";
import { publish } from "../../report/publish";

/** `vag demo` (what `npm start` runs): the whole study on the simulated model. */
export function register(program: Command): void {
  program
    .command("demo")
    .description("run the study end to end on the built-in SIMULATED model (no key, no network)")
    .option("--run <dir>", "run directory", "runs/demo")
    .option("--seed <n>", "simulator seed", (v) => Number(v), 7)
    .option("--out <dir>", "where the demo's figures and report go", "out/demo")
    .action(async (opts) => {
      const log = (s: string) => process.stdout.write(s + "\n");
      log(`value-action-lens demo: SIMULATED model (built-in OpenAI-compatible server on 127.0.0.1), seed ${opts.seed}`);
      log(`scope: ${DEMO_COUNTRIES.join(", ")} x ${DEMO_TOPICS.join(", ")} x 56 values`);
      const out = await runDemoPipeline({ runDir: opts.run, seed: opts.seed, log });
      log(`records: ${out.outcomes.map((o) => o.file).join(", ")}`);
      log(`manifest: ${out.runDir}/manifest.json`);
      const pub = await publish([out.runDir], opts.out);
      log(
        pub.figuresNote
          ? `figures: no PNG/SVG (${pub.figuresNote}); interactive: ${pub.figures.html}`
          : `figures: ${pub.figures.files.length} files (PNG + SVG) in ${pub.figuresDir}, index ${pub.figures.html}`,
      );
      log(`report:  ${pub.report.path}  <- open this first${pub.report.simulated ? " (SIMULATED results)" : ""}`);
    });
}
