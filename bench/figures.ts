/**
 * Time to render all figures of one model as PNG + SVG (issue 6 target:
 * about 60 files in under 30 s), with one system Chromium: 6 heatmaps,
 * 23 ranking bars and the stated-vs-acted scatter = 30 figures, 60 files.
 * Synthetic inputs (seeded), written to bench/out/figures. Prints the wall
 * time including the browser start, the start alone, and ms per file.
 *
 *   npx tsx bench/figures.ts
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { figureSet } from "../src/figures/figureSet";
import { chromiumMissing, FigureRenderer, writeFigures } from "../src/figures/render";
import { syntheticMatrices, syntheticResults } from "../tests/helpers/figureData";
import { report, ROOT, time } from "./lib";

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) {
    process.stderr.write(`bench figures: skipped: ${missing}\n`);
    report("figures", [{ label: "one model, PNG + SVG", value: NaN, unit: "s", note: "no Chromium" }]);
    return;
  }
  const model = "model-a";
  const figs = figureSet({ simulated: false, results: syntheticResults({ models: [model] }), matrices: syntheticMatrices({ models: [model] }) }).filter(
    (f) => f.model === model,
  );
  const start = await time(async () => (await FigureRenderer.open()).close());
  const out = join(ROOT, "bench", "out", "figures");
  const all = await time(() => writeFigures(figs, out, { formats: ["png", "svg"], html: false }));
  const files = all.value.files.length;
  const seconds = all.ms / 1000;
  const load = loadavg()[0].toFixed(1);
  process.stderr.write(
    `figures: ${figs.length} figures of one model, ${files} files (PNG + SVG) in ${seconds.toFixed(1)} s ` +
      `(browser start ${(start.ms / 1000).toFixed(1)} s, ${((all.ms - start.ms) / files).toFixed(0)} ms per file after it; load average ${load})\n`,
  );
  report("figures", [
    { label: `one model: ${figs.length} figures, ${files} files (PNG + SVG), incl. browser start`, value: seconds, unit: "s", target: "< 30 s", ok: seconds < 30, note: `load average ${load}` },
    { label: "Chromium start + plotly load", value: start.ms / 1000, unit: "s" },
    { label: "per file after start", value: (all.ms - start.ms) / files, unit: "ms" },
  ]);
}

main().catch((e) => {
  process.stderr.write(`bench figures: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
