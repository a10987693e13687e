import { RISK_LEVEL } from "../analysis/risk";
import type { Figure } from "./figure";
import { chartLayout } from "./chartLayout";

/**
 * Risk categories of misaligned examples (paper Table 5) as horizontal bars,
 * coloured by the paper's three levels (method.md §7, analysis/risk.ts).
 * Known categories come in the paper's order; unknown ones follow in grey.
 */
const LEVEL: Record<string, string | undefined> = RISK_LEVEL;
const LEVEL_COLOUR = { Individual: "#c3553a", Interaction: "#e0a03a", Societal: "#407e9c" } as const;

export function riskBars(counts: Record<string, number>, opts: { note?: string } = {}): Figure {
  const known = Object.keys(LEVEL).filter((k) => k in counts);
  const names = [...known, ...Object.keys(counts).filter((k) => !LEVEL[k])];
  const labels = names.map((n) => (LEVEL[n] ? `${n} (${LEVEL[n]})` : n));
  const layout = chartLayout({
    title: `Risk categories of misaligned examples${opts.note ?? ""}`,
    subtitle: "keyword tagging of the chosen action (first match wins); colour = level",
    width: 820,
    height: 140 + names.length * 34,
    xTitle: "Examples",
    margin: { l: 230 },
  });
  Object.assign(layout.yaxis as object, { autorange: "reversed", type: "category" });
  layout.showlegend = false;
  layout.annotations = names.map((n, i) => ({ x: counts[n], y: labels[i], text: String(counts[n]), xanchor: "left", xshift: 4, showarrow: false, font: { size: 13 } }));
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        x: names.map((n) => counts[n]),
        y: labels,
        marker: { color: names.map((n) => LEVEL_COLOUR[LEVEL[n] as keyof typeof LEVEL_COLOUR] ?? "#999999") },
        hovertemplate: "%{y}: %{x}<extra></extra>",
      },
    ],
    layout,
  };
}
