import type { Command } from "commander";
import { parseList } from "../options";
import { resolve } from "node:path";
import { UserError } from "../../errors";
import type { ImageFormat } from "../../figures/render";

/**
 * `vag figures --from DIR... --out DIR`: every figure the data supports, as
 * PNG + SVG (system Chromium, one browser) and one interactive figures.html.
 * DIR is an out/reproduce directory (results.json, optional matrices.json),
 * an out/gap directory, or a run directory; several may be given.
 */
export function register(program: Command): void {
  program
    .command("figures")
    .description("write every figure the results support (PNG, SVG and figures.html)")
    .requiredOption("--from <dirs...>", "out/reproduce, out/gap or run directories (several allowed)")
    .option("--out <dir>", "output directory", "figures")
    .option("--model <ids>", "only these models (comma-separated ids)")
    .option("--format <list>", "image formats: png,svg, or none for figures.html only", "png,svg")
    .option("--scale <n>", "PNG pixel scale (2 = sharp at paper size)", "2")
    .action(async (opts: { from: string[]; out: string; model?: string; format: string; scale: string }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { figureSet } = require("../../figures/figureSet") as typeof import("../../figures/figureSet");
      const { writeFigures } = require("../../figures/render") as typeof import("../../figures/render");
      const { loadInputs } = require("../../figures/sources") as typeof import("../../figures/sources");
      const formats = parseFormats(opts.format);
      const scale = Number(opts.scale);
      if (!(scale > 0 && scale <= 8)) throw new UserError(`--scale must be a number in (0, 8], got "${opts.scale}"`, 2);
      const inputs = loadInputs(opts.from);
      const models = parseList(opts.model);
      const figs = figureSet(inputs, { models });
      if (figs.length === 0) {
        throw new UserError(`no figures: ${opts.from.join(", ")} hold no model results, matrices or gap results${models ? ` for ${models.join(", ")}` : ""}`, 2);
      }
      const out = resolve(opts.out);
      const written = await writeFigures(figs, out, {
        formats,
        scale,
        html: { title: `Figures${inputs.simulated ? " (simulated)" : ""}`, note: noteOf(inputs) },
      });
      const perModel = new Map<string, number>();
      for (const f of figs) perModel.set(f.model ?? "across models", (perModel.get(f.model ?? "across models") ?? 0) + 1);
      const lines = [
        `${figs.length} figures, ${written.files.length} files (${formats.join(" + ") || "no images"}) in ${(written.ms / 1000).toFixed(1)} s${inputs.simulated ? " [SIMULATED data]" : ""}`,
        ...[...perModel].map(([m, n]) => `  ${m}: ${n}`),
        `images: ${out}`,
        `index:  ${written.html}`,
      ];
      process.stdout.write(lines.join("\n") + "\n");
    });
}

function parseFormats(s: string): ImageFormat[] {
  if (s.trim() === "none") return [];
  const parts = s.split(",").map((x) => x.trim().toLowerCase());
  for (const p of parts) if (p !== "png" && p !== "svg") throw new UserError(`--format: unknown format "${p}" (use png, svg or none)`, 2);
  return [...new Set(parts)] as ImageFormat[];
}

function noteOf(inputs: ReturnType<typeof import("../../figures/sources").loadInputs>): string {
  const from = inputs.sources.map((s) => `${s.kind}: ${s.path}`).join("; ");
  return `${inputs.simulated ? "SIMULATED results (the built-in simulator, not a real model). " : ""}From ${from}.`;
}
