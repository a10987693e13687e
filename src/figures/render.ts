import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../io/atomic";
import type { Browser, Page } from "playwright-core";
import { UserError } from "../errors";
import type { Figure, NamedFigure } from "./figure";
import { escapeHtml, scriptJson } from "./html";

/**
 * The one renderer: self-contained HTML (plotly.js inlined once per page) and
 * PNG / SVG through playwright-core driving the system Chromium (design.md §7).
 * One browser and one page serve all figures; the page loads plotly once and
 * each figure costs one `Plotly.toImage` call per format. No browser is ever
 * downloaded: the executable is VAG_CHROMIUM or /usr/bin/chromium.
 */

/** Launch arguments measured to work headless in containers and offline. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The Chromium executable to use: VAG_CHROMIUM when set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.VAG_CHROMIUM && env.VAG_CHROMIUM.trim() !== "" ? env.VAG_CHROMIUM : DEFAULT_CHROMIUM;
}

/** Null when the executable exists, else the one-line reason a user sees (and tests skip with). */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = chromiumPath(env);
  if (existsSync(path)) return null;
  return (
    `Chromium not found at ${path}: install it with ` +
    "`sudo apt-get install -y --no-install-recommends chromium` or set VAG_CHROMIUM=/path/to/chrome (see environment.md)"
  );
}

let plotlyCache: string | null = null;
/** The minified plotly.js bundle (read once per process). */
export function plotlySource(): string {
  if (plotlyCache === null) plotlyCache = readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8");
  return plotlyCache;
}

/** A `<script>` element carrying plotly.js inline; put it once in a page. */
export function plotlyScriptTag(): string {
  // The bundle contains no "</script" (checked in tests); escape defensively anyway.
  return `<script>${plotlySource().replace(/<\/script/gi, "<\\/script")}</script>`;
}

/** Config for interactive charts: no plotly logo, no network (no "edit in cloud"). */
export const INTERACTIVE_CONFIG = { displaylogo: false, responsive: false, showLink: false, showSendToCloud: false };

export interface FiguresHtmlOptions {
  title: string;
  /** A line under the heading, e.g. where the data came from and whether it is simulated. */
  note?: string;
  /** Per figure, links to exported files relative to the page (name -> paths). */
  files?: Record<string, string[]>;
}

/**
 * One self-contained HTML page showing all figures interactively, with a
 * contents list. plotly.js is inlined once; figure JSON is embedded as data.
 * Each drawn chart gets `data-plotly-ready="1"` and, when all are drawn, the
 * body gets `data-charts-ready` with their number, so a test can wait and count.
 */
export function figuresHtml(figs: readonly NamedFigure[], opts: FiguresHtmlOptions): string {
  const items = figs
    .map((f, i) => {
      const links = (opts.files?.[f.name] ?? []).map((p) => `<a href="${escapeHtml(p)}">${escapeHtml(p.split(".").pop() ?? p)}</a>`).join(" · ");
      return (
        `<section id="fig-${i}"><h2>${escapeHtml(f.title)}</h2>` +
        (links ? `<p class="files">${links}</p>` : "") +
        `<div class="chart" data-figure="${i}"></div></section>`
      );
    })
    .join("\n");
  const toc = figs.map((f, i) => `<li><a href="#fig-${i}">${escapeHtml(f.title)}</a></li>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>
<style>
body{font-family:Arial,'Liberation Sans',Helvetica,sans-serif;margin:24px;color:#222}
h1{font-size:22px} h2{font-size:16px;margin:28px 0 6px} .note{color:#555} .files{font-size:12px;margin:0 0 6px}
.chart{overflow-x:auto} ol{columns:2;font-size:13px}
</style>
${plotlyScriptTag()}
</head><body>
<h1>${escapeHtml(opts.title)}</h1>
${opts.note ? `<p class="note">${escapeHtml(opts.note)}</p>` : ""}
<p>${figs.length} figures.</p>
<ol>${toc}</ol>
${items}
<script>
const FIGURES = ${scriptJson(figs.map((f) => f.figure))};
const CONFIG = ${scriptJson(INTERACTIVE_CONFIG)};
const drawn = Array.prototype.map.call(document.querySelectorAll(".chart"), function (el) {
  const f = FIGURES[Number(el.dataset.figure)];
  return Plotly.newPlot(el, f.data, f.layout, CONFIG).then(function () { el.dataset.plotlyReady = "1"; });
});
Promise.all(drawn).then(function () { document.body.dataset.chartsReady = String(drawn.length); });
</script>
</body></html>
`;
}

export type ImageFormat = "png" | "svg";

export interface RendererOptions {
  /** Device scale factor of PNGs (2 = sharp at paper size). */
  scale?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Renders figures to PNG bytes / SVG text with one browser and one page.
 * Each figure is drawn once (static, no mode bar) into a div of exactly its
 * size; the SVG is plotly's own serialisation of that drawing and the PNG a
 * screenshot of it at `scale` device pixels per CSS pixel. Drawing once and
 * screenshotting measured ~1/3 faster than two `Plotly.toImage` calls.
 * Close it when done.
 */
export class FigureRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  /** Start Chromium and load plotly into a blank page. Missing Chromium -> UserError with the install line. */
  static async open(opts: RendererOptions = {}): Promise<FigureRenderer> {
    const env = opts.env ?? process.env;
    const missing = chromiumMissing(env);
    if (missing) throw new UserError(missing);
    // Loaded lazily so that builders and HTML pages never need playwright.
    const { chromium } = await import("playwright-core");
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: chromiumPath(env), args: CHROMIUM_ARGS, headless: true });
    } catch (e) {
      const first = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      throw new UserError(`could not start Chromium at ${chromiumPath(env)}: ${first}`);
    }
    try {
      const page = await browser.newPage({ deviceScaleFactor: opts.scale ?? 2, viewport: { width: 800, height: 600 } });
      await page.setContent(
        "<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0;background:white'><div id='fig' style='display:inline-block'></div></body></html>",
      );
      await page.addScriptTag({ content: plotlySource() });
      return new FigureRenderer(browser, page);
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** Draw one figure and return the asked formats (PNG bytes at figure size x scale, SVG text at figure size). */
  async images(fig: Figure, formats: readonly ImageFormat[]): Promise<{ png?: Buffer; svg?: string }> {
    const { width, height } = fig.layout;
    await this.page.setViewportSize({ width: Math.ceil(width), height: Math.ceil(height) });
    const svg = await this.page.evaluate(async ({ fig, wantSvg }) => {
      const g = globalThis as unknown as {
        Plotly: { purge: (el: unknown) => void; newPlot: (...a: unknown[]) => Promise<unknown>; Snapshot: { toSVG: (gd: unknown) => string } };
        document: { getElementById: (id: string) => unknown };
      };
      const el = g.document.getElementById("fig");
      g.Plotly.purge(el);
      await g.Plotly.newPlot(el, fig.data, fig.layout, { staticPlot: true, displayModeBar: false });
      return wantSvg ? g.Plotly.Snapshot.toSVG(el) : null;
    }, { fig, wantSvg: formats.includes("svg") });
    const out: { png?: Buffer; svg?: string } = {};
    if (svg !== null) out.svg = svg;
    if (formats.includes("png")) out.png = await this.page.locator("#fig").screenshot({ type: "png", omitBackground: false });
    return out;
  }

  async png(fig: Figure): Promise<Buffer> {
    return (await this.images(fig, ["png"])).png!;
  }

  async svg(fig: Figure): Promise<string> {
    return (await this.images(fig, ["svg"])).svg!;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export interface WrittenFigures {
  /** Every file written, in order (absolute or as given by outDir). */
  files: string[];
  /** name -> its image files relative to outDir. */
  byName: Record<string, string[]>;
  /** Path of figures.html when written. */
  html?: string;
  ms: number;
}

/**
 * Render every figure to `outDir/<name>.png` and `.svg` (as asked) with one
 * browser, then write `outDir/figures.html` linking them.
 */
export async function writeFigures(
  figs: readonly NamedFigure[],
  outDir: string,
  opts: RendererOptions & { formats?: ImageFormat[]; html?: FiguresHtmlOptions | false } = {},
): Promise<WrittenFigures> {
  const t0 = Date.now();
  const formats = opts.formats ?? ["png", "svg"];
  const files: string[] = [];
  const byName: Record<string, string[]> = {};
  if (figs.length > 0 && formats.length > 0) {
    const renderer = await FigureRenderer.open(opts);
    try {
      for (const f of figs) {
        byName[f.name] = [];
        const images = await renderer.images(f.figure, formats);
        for (const format of formats) {
          const path = join(outDir, `${f.name}.${format}`);
          writeFileAtomic(path, images[format]!);
          files.push(path);
          byName[f.name].push(relative(outDir, path));
        }
      }
    } finally {
      await renderer.close();
    }
  }
  let html: string | undefined;
  if (opts.html !== false) {
    html = join(outDir, "figures.html");
    writeFileAtomic(html, figuresHtml(figs, { title: "Figures", ...(opts.html ?? {}), files: byName }));
  }
  return { files, byName, html, ms: Date.now() - t0 };
}
