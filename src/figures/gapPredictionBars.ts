import type { Figure, Trace } from "./figure";
import { chartLayout, errorBars } from "./chartLayout";
import { modelColour } from "./palette";
import type { Interval } from "./results";

/**
 * Gap prediction (paper App. F, Table 14 and our own predictors): F1 per
 * input setting, one bar series per method, grouped by target model when
 * there are several (a two-level x axis), with 95% CI error bars where known.
 * Settings appear in the paper's order (Act, Act+Attr, Act+Exp, All), then
 * any others in first-seen order.
 */
export interface GapBar {
  target: string;
  setting: string;
  method: string;
  f1: number;
  ci?: Interval | null;
}

/** The paper's names of the few-shot settings (method.md §8). */
export const SETTING_LABEL: Record<string, string> = {
  default: "Act",
  attribution: "Act+Attr",
  explanation: "Act+Exp",
  attribution_explanation: "All",
};

const SETTING_ORDER = Object.keys(SETTING_LABEL);

export function gapPredictionBars(bars: readonly GapBar[], opts: { note?: string } = {}): Figure {
  const settings = orderSettings(bars.map((b) => b.setting));
  const targets = unique(bars.map((b) => b.target));
  const methods = unique(bars.map((b) => b.method));
  const multi = targets.length > 1;
  const slots = targets.flatMap((t) => settings.map((s) => [t, s] as const));
  const label = (s: string) => SETTING_LABEL[s] ?? s;
  const x = multi ? [slots.map(([t]) => t), slots.map(([, s]) => label(s))] : slots.map(([, s]) => label(s));
  const data: Trace[] = methods.map((method, i) => {
    const hit = slots.map(([t, s]) => bars.find((b) => b.target === t && b.setting === s && b.method === method));
    const y = hit.map((b) => (b && Number.isFinite(b.f1) ? b.f1 : null));
    return {
      type: "bar",
      name: method,
      x,
      y,
      marker: { color: modelColour(i + 4) },
      error_y: errorBars(y, hit.map((b) => b?.ci ?? null)),
      hovertemplate: `${method}<br>%{x}: F1 %{y:.3f}<extra></extra>`,
    };
  });
  const layout = chartLayout({
    title: `Gap prediction: F1 by input setting${opts.note ?? ""}`,
    subtitle: multi ? "grouped by target model; error bars = 95% CI where available" : `target: ${targets[0] ?? "-"}; error bars = 95% CI where available`,
    width: Math.max(720, 200 + slots.length * Math.max(70, 24 * methods.length + 24)),
    height: 520,
    xTitle: "Input setting",
    yTitle: "F1",
    margin: { b: multi ? 110 : 80 },
  });
  (layout.yaxis as Record<string, unknown>).range = [0, 1];
  if (multi) (layout.xaxis as Record<string, unknown>).type = "multicategory";
  layout.barmode = "group";
  return { data, layout };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function orderSettings(xs: readonly string[]): string[] {
  const u = unique(xs);
  return [...SETTING_ORDER.filter((s) => u.includes(s)), ...u.filter((s) => !SETTING_ORDER.includes(s))];
}
