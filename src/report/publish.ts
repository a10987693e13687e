import { join, resolve } from "node:path";
import { figureSet } from "../figures/figureSet";
import { chromiumMissing, writeFigures, type WrittenFigures } from "../figures/render";
import { loadInputs, type InputSource } from "../figures/sources";
import { writeReportFrom, type WrittenReport } from "./write";

/**
 * Figures and report in one call (what `npm start` ends with): every figure
 * the inputs support under `outDir/figures` (PNG + SVG + figures.html) and
 * the report at `outDir/report/index.html`. Without Chromium the images are
 * skipped with the one-line reason in `figuresNote`; figures.html and the
 * report (interactive charts only) are still written. The sources are read
 * (and runs analysed) once, for both.
 */
export interface Published {
  figures: WrittenFigures;
  figuresDir: string;
  /** Why no PNG/SVG were written, or null. */
  figuresNote: string | null;
  report: WrittenReport;
}

export async function publish(sources: ReadonlyArray<InputSource>, outDir: string, opts: { env?: NodeJS.ProcessEnv } = {}): Promise<Published> {
  const inputs = loadInputs(sources);
  const figs = figureSet(inputs);
  const figuresDir = join(resolve(outDir), "figures");
  const missing = chromiumMissing(opts.env);
  const figures = await writeFigures(figs, figuresDir, {
    env: opts.env,
    formats: missing ? [] : ["png", "svg"],
    html: { title: `Figures${inputs.simulated ? " (simulated)" : ""}`, note: inputs.simulated ? "SIMULATED results (the built-in simulator, not a real model)." : undefined },
  });
  const report = writeReportFrom(inputs, sources, join(resolve(outDir), "report"));
  return { figures, figuresDir, figuresNote: missing, report };
}
