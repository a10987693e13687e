import { VALUES } from "../catalog";
import { FONT_FAMILY, type Figure } from "./figure";
import { DIVERGING } from "./palette";
import { groupBands, ROW_PX } from "./groupBands";

/**
 * A rows x 56 heatmap with the values in group order on the x axis, group
 * separators and group labels (paper Figs 4, 7-10). Cells are square
 * (CELL_PX; taller when there are few rows), the first row is at the top (as in seaborn), missing cells
 * (null / NaN) stay blank, and every margin is set from the longest label so
 * nothing is clipped at the fixed export size.
 */
export interface ValueHeatmapInput {
  title: string;
  /** Row labels, top to bottom. */
  rows: readonly string[];
  /** rows.length x 56 numbers in VALUES order; null or NaN = missing. */
  z: ReadonlyArray<ReadonlyArray<number | null>>;
  /** Colour-bar title that says what the colours mean, e.g. "0 = agree, 1 = disagree". */
  colorbarTitle: string;
  /** Name of the quantity in hover text. */
  quantity: string;
  zmin?: number;
  /** Upper end of the colour scale; "auto" = the largest finite cell (at least zmin + 0.01). */
  zmax?: number | "auto";
}

export const CELL_PX = 20;
/**
 * Smallest plot height: below it the colour bar and its title do not fit, so
 * a heatmap of a few rows (a small run) gets taller cells instead.
 */
export const MIN_PLOT_PX = 180;
const TICK_FONT = 14;
const VALUE_FONT = 13;
/** Approximate width of a character relative to its font size. */
const CHAR = 0.6;

export function valueHeatmap(input: ValueHeatmapInput): Figure {
  const { rows, z } = input;
  if (z.length !== rows.length) throw new Error(`heatmap: ${z.length} rows of data for ${rows.length} labels`);
  z.forEach((r, i) => {
    if (r.length !== VALUES.length) throw new Error(`heatmap: row ${i} has ${r.length} cells, expected ${VALUES.length}`);
  });
  const cells = z.map((r) => r.map((x) => (x === null || !Number.isFinite(x) ? null : x)));
  const zmin = input.zmin ?? 0;
  let zmax: number;
  if (input.zmax === "auto") {
    const finite = cells.flat().filter((x): x is number => x !== null);
    zmax = Math.max(zmin + 0.01, ...finite);
  } else zmax = input.zmax ?? 1;

  const bands = groupBands(CELL_PX);
  const longestRow = Math.max(...rows.map((r) => r.length));
  const longestValue = Math.max(...VALUES.map((v) => v.length));
  const margin = {
    l: Math.ceil(longestRow * TICK_FONT * CHAR) + 24,
    r: 110,
    t: 50 + bands.rows * ROW_PX,
    // Rotated value labels: Liberation Sans / Arial average about 0.5 em per character.
    b: Math.ceil(longestValue * VALUE_FONT * 0.5) + 20,
    pad: 2,
  };
  const width = margin.l + margin.r + VALUES.length * CELL_PX;
  const height = margin.t + margin.b + Math.max(rows.length * CELL_PX, MIN_PLOT_PX);

  return {
    data: [
      {
        type: "heatmap",
        x: [...VALUES],
        y: [...rows],
        z: cells,
        zmin,
        zmax,
        colorscale: DIVERGING.map(([p, c]) => [p, c]),
        xgap: 1,
        ygap: 1,
        hoverongaps: false,
        hovertemplate: `%{y}<br>%{x}<br>${input.quantity}: %{z:.3f}<extra></extra>`,
        colorbar: {
          title: { text: input.colorbarTitle, side: "right", font: { size: 14 } },
          thickness: 14,
          len: 1,
          outlinewidth: 0,
          tickfont: { size: 13 },
        },
      },
    ],
    layout: {
      width,
      height,
      margin,
      title: { text: input.title, x: 0.5, xanchor: "center", y: 1, yanchor: "top", yref: "container", pad: { t: 10 }, font: { size: 18 } },
      font: { family: FONT_FAMILY, size: 14, color: "#222222" },
      paper_bgcolor: "white",
      plot_bgcolor: "white",
      xaxis: {
        type: "category",
        tickangle: -90,
        tickfont: { size: VALUE_FONT },
        automargin: true,
        showgrid: false,
        zeroline: false,
        ticks: "",
        constrain: "domain",
      },
      yaxis: {
        type: "category",
        autorange: "reversed",
        tickfont: { size: TICK_FONT },
        automargin: true,
        showgrid: false,
        zeroline: false,
        ticks: "",
      },
      shapes: bands.shapes,
      annotations: bands.annotations,
    },
  };
}
