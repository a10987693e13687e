import { FONT_FAMILY, type Figure } from "./figure";
import { rocket } from "./palette";
import { centredTitle } from "./chartLayout";
import type { RankStabilityJson } from "../results/schema";
import { SCHEME_TEXT } from "../results/describe";

/**
 * One ranking bar chart (paper Figs 5, 11-18): the values of one country or
 * topic sorted by descending alignment distance, coloured dark to light with
 * seaborn's "rocket" palette. Titles follow the paper: "Country: {c}" and
 * "Social Topics: {t}"; x "Value Rankings", y "Alignment Distance", labels at 45°.
 * The input order is kept (the producer already sorted and broke ties);
 * non-finite distances are dropped rather than drawn as zero. With the
 * ranking's bootstrap stability (results `ranking_stability`), each bar is
 * labelled with its 95% rank interval and the hover gives the probability
 * that a top-5 value stays in the top 5.
 */
export interface RankingInput {
  axis: "country" | "topic";
  /** Country or topic name. */
  name: string;
  ranking: ReadonlyArray<readonly [string, number | null]>;
  /** Bootstrap rank intervals and top-5 stability of this ranking (optional). */
  stability?: RankStabilityJson;
  /** Shown under the title (model id, "simulated" note). */
  subtitle?: string;
}

const FONT = 13;

export function rankingBars(input: RankingInput): Figure {
  const rows = input.ranking.filter((r): r is readonly [string, number] => typeof r[1] === "number" && Number.isFinite(r[1]));
  const x = rows.map(([v]) => v);
  const y = rows.map(([, d]) => d);
  const st = input.stability;
  const rankCi = (v: string) => (st?.rank_ci95 as Partial<Record<string, [number, number]>> | undefined)?.[v];
  const top5 = new Map((st?.top5 ?? []).map((t) => [t.value as string, t.p_top5]));
  const text = st ? x.map((v) => (rankCi(v) ? `${rankCi(v)![0]}–${rankCi(v)![1]}` : "")) : undefined;
  const hover = x.map((v, k) => {
    const ci = rankCi(v);
    const p = top5.get(v);
    return `rank ${k + 1}${ci ? ` (95% interval ${ci[0]}–${ci[1]})` : ""}${typeof p === "number" ? `<br>P(stays in top 5) ${p.toFixed(2)}` : ""}`;
  });
  const subtitle = st
    ? `${input.subtitle ? input.subtitle + "; " : ""}labels: 95% rank interval (${SCHEME_TEXT[st.scheme]})`
    : input.subtitle;
  const longest = Math.max(10, ...x.map((v) => v.length));
  // A label rotated by 45° reaches ~0.71 of its length down and to the left.
  const reach = Math.ceil(longest * FONT * 0.5 * 0.71);
  const margin = { l: Math.max(80, reach + 10), r: 30, t: subtitle ? 86 : 56, b: reach + 48, pad: 2 };
  const plotWidth = Math.max(600, rows.length * 22);
  const title = `${input.axis === "country" ? "Country" : "Social Topics"}: ${input.name}`;
  return {
    data: [
      {
        type: "bar",
        x,
        y,
        marker: { color: rocket(rows.length), line: { width: 0 } },
        customdata: hover,
        hovertemplate: "%{x}<br>distance: %{y:.3f}<br>%{customdata}<extra></extra>",
        ...(text ? { text, textposition: "outside", textangle: -90, textfont: { size: 9 }, cliponaxis: false } : {}),
        showlegend: false,
      },
    ],
    layout: {
      width: margin.l + margin.r + plotWidth,
      height: margin.t + margin.b + 320,
      margin,
      title: centredTitle(title, subtitle),
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
