import type { Command } from "commander";
import { UserError } from "../../errors";

/**
 * `vag review export --run DIR --budget 5% [--misaligned]`: the least
 * confident cells (and the misaligned ones) as an annotation sheet beside the
 * run (DIR/review/sheet.csv and a self-contained sheet.html).
 * `vag review import --run DIR FILE.csv [--annotator NAME]`: store one
 * annotator's labels and report agreement (kappa between annotators, the
 * run's accuracy against people, UQ performance against their labels).
 */
export function register(program: Command): void {
  const review = program.command("review").description("the human in the loop: export the least confident answers for labelling, import the labels");
  review
    .command("export")
    .description("write DIR/review/sheet.{json,csv,html}: the least confident cells of a run as an annotation sheet")
    .requiredOption("--run <dir>", "run directory")
    .option("--budget <share>", "share of the cells to review, e.g. 5% or 0.05", "5%")
    .option("--misaligned", "also add every misaligned cell (stated and acted inclination differ)", false)
    .action((opts: { run: string; budget: string; misaligned: boolean }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { parseBudget } = require("../../report/reviewSheet") as typeof import("../../report/reviewSheet");
      const { exportReview } = require("../../report/review") as typeof import("../../report/review");
      const budget = parseBudget(opts.budget);
      if (budget === null) throw new UserError(`--budget must be a share in (0, 100%], e.g. 5% or 0.05; got ${JSON.stringify(opts.budget)}`, 2);
      const { sheet, paths } = exportReview(opts.run, { budget, misaligned: opts.misaligned });
      const least = sheet.items.filter((i) => i.sources.includes("least-confident")).length;
      const mis = sheet.items.filter((i) => i.sources.includes("misaligned")).length;
      process.stdout.write(
        `review sheet${sheet.simulated ? " (simulated run)" : ""}: ${sheet.items.length} item(s): ${least} least confident of ${sheet.candidates} cells (${(budget * 100).toFixed(1)}%)` +
          (opts.misaligned ? `, ${mis} misaligned` : "") +
          `\n${paths.join("\n")}\n`,
      );
    });
  review
    .command("import")
    .description("read one annotator's labels (CSV), store them beside the run and report agreement")
    .requiredOption("--run <dir>", "run directory with an exported sheet")
    .argument("<file>", "labels CSV (columns item, label, annotator)")
    .option("--annotator <name>", "annotator, when the file has no annotator column")
    .option("--seed <n>", "bootstrap seed", (v) => Number(v), 20250118)
    .option("--iterations <n>", "bootstrap resamples", (v) => Number(v), 1000)
    .action((file: string, opts: { run: string; annotator?: string; seed: number; iterations: number }) => {
      const { importReview } = require("../../report/review") as typeof import("../../report/review");
      if (!Number.isInteger(opts.seed)) throw new UserError(`--seed must be an integer, got ${opts.seed}`, 2);
      if (!Number.isInteger(opts.iterations) || opts.iterations < 1) throw new UserError("--iterations must be a positive integer", 2);
      const r = importReview(opts.run, file, opts);
      const a = r.agreement;
      const f = (x: number | null, d = 3) => (x === null || !Number.isFinite(x) ? "n/a" : x.toFixed(d));
      const ci = (c: [number, number]) => `[${f(c[0])}, ${f(c[1])}]`;
      const lines = [`stored ${r.labelled} label(s) of ${r.annotator}: ${r.stored}`];
      for (const x of a.annotators) lines.push(`  ${x.annotator}: ${x.labelled} labelled (${x.unsure} unsure), run agrees on ${f(x.accuracy.value)} ${ci(x.accuracy.ci95)} (n ${x.accuracy.n})`);
      for (const k of a.kappa) lines.push(`  Cohen's kappa ${k.a} vs ${k.b}: ${f(k.kappa)} ${ci(k.ci95)} (agreement ${f(k.agreement)}, n ${k.n})`);
      if (a.annotators.length < 2) lines.push("  Cohen's kappa: needs a second annotator's labels");
      lines.push(`  consensus: ${a.consensus.decided} decided, ${a.consensus.undecided} undecided; run accuracy ${f(a.consensus.accuracy.value)} ${ci(a.consensus.accuracy.ci95)}`);
      const u = a.uq.ensemble;
      lines.push(
        `  UQ (ensemble confidence vs the consensus, within the ${a.items} reviewed items): AUROC ${f(u.auroc)}, misclassified recall ${Object.entries(u.misclassifiedRecall).map(([b, v]) => `${b}% ${f(v)}`).join(", ")} (${u.wrong} overruled of ${u.n})`,
      );
      lines.push(`  intervals: percentile bootstrap over items, seed ${a.resampling.seed}, ${a.resampling.resamples} resamples`);
      lines.push(r.agreementPath);
      process.stdout.write(lines.join("\n") + "\n");
    });
}
