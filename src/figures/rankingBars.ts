import { FONT_FAMILY, type Figure } from "./figure";
import { rocket } from "./palette";
import { centredTitle } from "./chartLayout";

/**
 * One ranking bar chart (paper Figs 5, 11-18): the values of one country or
 * topic sorted by descending alignment distance, coloured dark to light with
 * seaborn's "rocket" palette. Titles follow the paper: "Country: {c}" and
 * "Social Topics: {t}"; x "Value Rankings", y "Alignment Distance", labels at 45°.
 * The input order is kept (the producer already sorted and broke ties);
 * non-finite distances are dropped rather than drawn as zero.
 */
export interface RankingInput {
  axis: "country" | "topic";
  /** Country or topic name. */
  name: string;
  ranking: ReadonlyArray<readonly [string, number]>;
  /** Shown under the title (model id, "simulated" note). */
  subtitle?: string;
}

const FONT = 13;

export function rankingBars(input: RankingInput): Figure {
  const rows = input.ranking.filter(([, d]) => Number.isFinite(d));
  const x = rows.map(([v]) => v);
  const y = rows.map(([, d]) => d);
  const longest = Math.max(10, ...x.map((v) => v.length));
  // A label rotated by 45° reaches ~0.71 of its length down and to the left.
  const reach = Math.ceil(longest * FONT * 0.5 * 0.71);
  const margin = { l: Math.max(80, reach + 10), r: 30, t: input.subtitle ? 86 : 56, b: reach + 48, pad: 2 };
  const plotWidth = Math.max(600, rows.length * 22);
  const title = `${input.axis === "country" ? "Country" : "Social Topics"}: ${input.name}`;
  return {
    data: [
      {
        type: "bar",
        x,
        y,
        marker: { color: rocket(rows.length), line: { width: 0 } },
        hovertemplate: "%{x}<br>distance: %{y:.3f}<extra></extra>",
        showlegend: false,
      },
    ],
    layout: {
      width: margin.l + margin.r + plotWidth,
      height: margin.t + margin.b + 320,
      margin,
      title: centredTitle(title, input.subtitle),
      font: { family: FONT_FAMILY, size: 14, color: "#222222" },
      paper_bgcolor: "white",
      plot_bgcolor: "white",
      bargap: 0.15,
      xaxis: {
        type: "category",
        title: { text: "Value Rankings", standoff: 8 },
        tickangle: -45,
        tickfont: { size: FONT },
        automargin: true,
        showline: true,
        linecolor: "#444444",
      },
      yaxis: {
        title: { text: "Alignment Distance", standoff: 8 },
        rangemode: "tozero",
        automargin: true,
        gridcolor: "#e5e5e5",
        showline: true,
        linecolor: "#444444",
        tickformat: ".2f",
      },
    },
  };
}
