import { COUNTRY_PLOT_LABEL, TABLE3_COUNTRY_ORDER, TOPICS, TOPIC_SHORT_LABEL } from "../catalog";
import type { Figure, Trace } from "./figure";
import { chartLayout, errorBars } from "./chartLayout";
import { modelColour } from "./palette";
import { scoreInterval, type ScoresJson } from "./results";

/**
 * Alignment rate (F1) per country (paper Table 3, its column order) or per
 * topic (Table 13), one bar per model, with the stored 95% CI as error bars
 * (crossed bootstrap overall, topics per country, countries per topic), and an "Overall" group at the end (the mean
 * over the 132 scenario F1s). Paper F1 has disagree as the positive class
 * (method.md §6.1); `inverted` labels the agree-positive variant.
 */
export interface ModelScores {
  model: string;
  scores: ScoresJson;
}

export function f1Bars(axis: "country" | "topic", models: readonly ModelScores[], opts: { inverted?: boolean; note?: string } = {}): Figure {
  const field0 = axis === "country" ? "by_country" : "by_topic";
  // Only the countries/topics some model has a score for (a small run covers a few).
  const all: readonly string[] = axis === "country" ? TABLE3_COUNTRY_ORDER : TOPICS;
  const of = (scores: ScoresJson): Partial<Record<string, number | null>> => scores[field0] ?? {};
  const keys = all.filter((k) => models.some((m) => num(of(m.scores)[k]) !== null));
  const label = (k: string) =>
    axis === "country" ? COUNTRY_PLOT_LABEL[k as keyof typeof COUNTRY_PLOT_LABEL] : TOPIC_SHORT_LABEL[k as keyof typeof TOPIC_SHORT_LABEL];
  const field = field0;
  const x = [...keys.map(label), "Overall"];
  const data: Trace[] = models.map(({ model, scores }, i) => {
    const y = [...keys.map((k) => num(of(scores)[k])), num(scores.overall)];
    const ci = [...keys.map((k) => scoreInterval(scores, field, k)), scoreInterval(scores, "overall")];
    return {
      type: "bar",
      name: model,
      x,
      y,
      marker: { color: modelColour(i) },
      error_y: errorBars(y, ci),
      hovertemplate: `${model}<br>%{x}: %{y:.3f}<extra></extra>`,
    };
  });
  const positive = opts.inverted ? "agree" : "disagree";
  const width = Math.max(900, 160 + x.length * Math.max(60, 18 * models.length + 20));
  const layout = chartLayout({
    title: `Alignment rate (F1) by ${axis === "country" ? "country" : "social topic"}${opts.note ?? ""}`,
    subtitle: `positive class = ${positive}; error bars = 95% CI (overall: crossed bootstrap; country: over its topics; topic: over its countries)`,
    width,
    height: 520,
    xTitle: axis === "country" ? "Country" : "Social topic",
    yTitle: "F1 (alignment rate)",
  });
  (layout.yaxis as Record<string, unknown>).range = [0, 1];
  layout.barmode = "group";
  layout.bargap = 0.2;
  return { data, layout };
}

function num(x: unknown): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}
