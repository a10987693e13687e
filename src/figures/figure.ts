/**
 * A plotly figure as plain JSON: what every builder in this folder returns and
 * what the renderer, the report and notebooks (the `application/vnd.plotly.v1+json`
 * bundle) consume. Kept loose on purpose: plotly's schema is large and the
 * builders are tested on the fields they set.
 */
export type Trace = Record<string, unknown>;

export interface Layout {
  /** Fixed pixel size, so PNG/SVG exports match what the builder designed for. */
  width: number;
  height: number;
  [key: string]: unknown;
}

export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** A figure with a stable file name (no extension) and a human title, as listed in figures.html. */
export interface NamedFigure {
  /** File-name stem, e.g. `gpt-4o-mini/heatmap-task1-country`. Only [a-z0-9._/-]. */
  name: string;
  title: string;
  /** Model id for per-model figures; absent for across-model figures. */
  model?: string;
  figure: Figure;
}

/** Turn any label into a file-name-safe slug: `"Social Networks"` -> `"social-networks"`. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/&/g, "and")
      .replace(/[^a-z0-9.]+/g, "-")
      .replace(/^-+|-+$/g, "") || "x"
  );
}

/**
 * Arial first (Liberation Sans, its metric twin, stands in on Debian), so the
 * label widths the builders budget for hold in PNG, SVG and the browser.
 */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";
