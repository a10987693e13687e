import { FONT_FAMILY, type Layout } from "./figure";

/** A title centred at the top of the figure, with an optional grey subtitle (shared by every chart). */
export function centredTitle(text: string, subtitle?: string): Layout["title"] {
  return {
    text,
    x: 0.5,
    xanchor: "center",
    y: 1,
    yanchor: "top",
    yref: "container",
    pad: { t: 10 },
    font: { size: 18 },
    ...(subtitle ? { subtitle: { text: subtitle, font: { size: 14, color: "#555555" } } } : {}),
  };
}

/**
 * The common frame of the across-model charts: fixed size, centred title
 * (with optional subtitle), horizontal legend above the plot, explicit
 * margins plus automargin so long tick labels grow the margin instead of
 * being clipped.
 */
export function chartLayout(opts: {
  title: string;
  subtitle?: string;
  width: number;
  height: number;
  xTitle?: string;
  yTitle?: string;
  margin?: Partial<Record<"l" | "r" | "t" | "b", number>>;
}): Layout {
  const top = opts.subtitle ? 96 : 80;
  return {
    width: opts.width,
    height: opts.height,
    margin: { l: 80, r: 30, t: top, b: 80, pad: 2, ...opts.margin },
    title: centredTitle(opts.title, opts.subtitle),
    font: { family: FONT_FAMILY, size: 14, color: "#222222" },
    paper_bgcolor: "white",
    plot_bgcolor: "white",
    legend: { orientation: "h", x: 0.5, xanchor: "center", y: 1, yanchor: "bottom", font: { size: 14 } },
    xaxis: {
      title: opts.xTitle ? { text: opts.xTitle, standoff: 8 } : undefined,
      automargin: true,
      showline: true,
      linecolor: "#444444",
      tickfont: { size: 14 },
    },
    yaxis: {
      title: opts.yTitle ? { text: opts.yTitle, standoff: 8 } : undefined,
      automargin: true,
      gridcolor: "#e5e5e5",
      showline: true,
      linecolor: "#444444",
      zeroline: false,
      tickfont: { size: 14 },
    },
  };
}

/** Asymmetric error bars from intervals; a missing interval draws no bar. */
export function errorBars(values: readonly (number | null)[], intervals: readonly ([number, number] | null)[]): Record<string, unknown> | undefined {
  if (!intervals.some((iv) => iv !== null)) return undefined;
  return {
    type: "data",
    symmetric: false,
    array: values.map((v, i) => (v === null || !intervals[i] ? null : Math.max(0, intervals[i]![1] - v))),
    arrayminus: values.map((v, i) => (v === null || !intervals[i] ? null : Math.max(0, v - intervals[i]![0]))),
    thickness: 1.2,
    width: 3,
    color: "#333333",
    visible: true,
  };
}
