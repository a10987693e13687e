import { chartLayout } from "../figures/chartLayout";
import type { Figure } from "../figures/figure";
import { modelColour } from "../figures/palette";

export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
}

/**
 * A plain grouped (or stacked) bar chart for notebook views that have no
 * paper figure (e.g. usable generated actions per value group), in the same
 * frame and fonts as the paper figures. Pure: data -> plotly JSON.
 * @example barFigure({ title: "Actions", categories: ["Power"], series: [{ name: "positive", values: [5] }] })
 */
export function barFigure(o: {
  title: string;
  subtitle?: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  xTitle?: string;
  yTitle?: string;
  stacked?: boolean;
  width?: number;
  height?: number;
}): Figure {
  const layout = chartLayout({
    title: o.title,
    subtitle: o.subtitle,
    width: o.width ?? Math.max(520, 70 * o.categories.length + 200),
    height: o.height ?? 420,
    xTitle: o.xTitle,
    yTitle: o.yTitle,
  });
  return {
    data: o.series.map((s, i) => ({
      type: "bar",
      name: s.name,
      x: [...o.categories],
      y: [...s.values],
      marker: { color: modelColour(i) },
    })),
    layout: { ...layout, barmode: o.stacked ? "stack" : "group", showlegend: o.series.length > 1 },
  };
}
