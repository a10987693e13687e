import { join, resolve } from "node:path";
import { inspect } from "node:util";
import type { Figure } from "../figures/figure";
import { chromiumMissing, FigureRenderer, type ImageFormat } from "../figures/render";
import { writeFileAtomic } from "../io/atomic";
import { displayBundle } from "./display";
import { figureHtml } from "./figureHtml";

/** MIME type of plotly figures (JupyterLab / VS Code render it interactively). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Where notebook figures go: `VAG_FIGURES_DIR`, else `figures/` under the working directory (the project root in tslab). */
export function figuresDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.VAG_FIGURES_DIR?.trim() || "figures");
}

export interface ShowFigureOptions {
  /** File stem under the figures directory, e.g. `04-alignment/distance-country` (no extension). */
  file: string;
  /** Default png + svg. */
  formats?: ImageFormat[];
  /** Default `figuresDir()`. */
  dir?: string;
  /** Display the figure (default true); false only writes the files. */
  display?: boolean;
}

export interface ShownFigure {
  /** Files written, absolute paths (empty when Chromium is missing). */
  files: string[];
  /** The PNG path, or null when none was rendered. */
  png: string | null;
  /** Why no image was rendered, or null. */
  note: string | null;
}

let renderer: Promise<FigureRenderer> | null = null;

/** One Chromium for all figures of a kernel: started on first use (~3 s), closed by `closeFigures`. */
function sharedRenderer(): Promise<FigureRenderer> {
  renderer ??= FigureRenderer.open().catch((e: unknown) => {
    renderer = null;
    throw e;
  });
  return renderer;
}

/**
 * Start the shared Chromium in the background (a notebook's first cell calls
 * it), so its start overlaps the model calls instead of delaying the first
 * figure. Without Chromium it does nothing; a failed start surfaces at the
 * first `showFigure`.
 */
export function warmUpFigures(): void {
  if (chromiumMissing() || renderer) return;
  sharedRenderer().catch(() => {});
}

/** Close the shared Chromium (the last cell of a notebook calls it; harmless when none runs). */
export async function closeFigures(): Promise<void> {
  const r = renderer;
  renderer = null;
  if (r) await (await r).close();
}

/** A file stem must stay inside the figures directory. */
function checkStem(file: string): void {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(file) || file.split("/").some((p) => p === ".." || p === "."))
    throw new Error(`showFigure: file "${file}" must be a relative stem like "04-alignment/distance-country"`);
}

/**
 * Render a plotly figure to PNG (+ SVG) under the figures directory through
 * the shared renderer (system Chromium, src/figures/render.ts) and display it
 * as one bundle: the PNG for every front-end, the plotly JSON for interactive
 * ones, an HTML chart for the classic Notebook (figureHtml.ts), and a text
 * line naming the file. Without Chromium it says so, writes
 * nothing and displays the plotly bundle alone.
 */
export async function showFigure(fig: Figure, o: ShowFigureOptions): Promise<ShownFigure> {
  checkStem(o.file);
  const formats = o.formats ?? ["png", "svg"];
  const base = join(o.dir ?? figuresDir(), o.file);
  const files: string[] = [];
  let png: Buffer | null = null;
  const missing = formats.length > 0 ? chromiumMissing() : null;
  if (formats.length > 0 && !missing) {
    const r = await sharedRenderer();
    for (const format of formats) {
      const path = `${base}.${format}`;
      if (format === "png") {
        png = await r.png(fig);
        writeFileAtomic(path, png);
      } else writeFileAtomic(path, await r.svg(fig));
      files.push(path);
    }
  }
  const note = missing ? `no PNG/SVG written (${missing}); showing the interactive plotly figure only` : null;
  if (o.display !== false) {
    const title = titleOf(fig);
    const bundle: Record<string, unknown> = {
      [PLOTLY_MIME]: { data: fig.data, layout: fig.layout },
      "text/plain": note ? `${title} — ${note}` : `${title} — ${files.join(", ")}`,
    };
    const base64 = png ? png.toString("base64") : null;
    if (base64) bundle["image/png"] = base64;
    bundle["text/html"] = figureHtml(fig, base64, title);
    displayBundle(bundle);
  } else if (note) console.log(note);
  const shown: ShownFigure = { files, png: files.find((f) => f.endsWith(".png")) ?? null, note };
  // As a cell's last value it prints one line, not an object dump under the figure.
  Object.defineProperty(shown, inspect.custom, { value: () => (note ? `(${note})` : `(written: ${files.join(", ")})`), enumerable: false });
  return shown;
}

function titleOf(fig: Figure): string {
  const t = fig.layout.title as unknown;
  const text = typeof t === "string" ? t : t && typeof t === "object" ? (t as { text?: unknown }).text : undefined;
  return typeof text === "string" && text.trim() !== "" ? text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() : "figure";
}
