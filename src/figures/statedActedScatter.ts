import { GROUPS, GROUP_OF, VALUES, type Value } from "../catalog";
import type { Figure, Trace } from "./figure";
import { chartLayout } from "./chartLayout";
import { modelColour } from "./palette";
import type { Grid } from "./results";

/**
 * Stated vs acted per value: x = mean Task 1 inclination (0 = agree,
 * 1 = disagree), y = mean share of negative Task 2 choices, each averaged
 * over the rows (countries) present. Points on the diagonal are values a
 * model acts on as it states; the LABELLED values are the ones furthest from
 * it. One model: colour by Schwartz group; several: one colour per model.
 */
export interface ModelStatedActed {
  model: string;
  task1: Grid;
  task2: Grid;
}

export interface ValuePoint {
  value: Value;
  stated: number;
  acted: number;
}

/** Per value means over the rows present in both grids; values missing in either are left out. */
export function valuePoints(task1: Grid, task2: Grid): ValuePoint[] {
  const out: ValuePoint[] = [];
  for (const value of VALUES) {
    const s = meanOf(task1, value);
    const a = meanOf(task2, value);
    if (s !== null && a !== null) out.push({ value, stated: s, acted: a });
  }
  return out;
}

export function statedActedScatter(models: readonly ModelStatedActed[], opts: { note?: string; labelTop?: number } = {}): Figure {
  const labelTop = opts.labelTop ?? 8;
  const perModel = models.map((m) => ({ model: m.model, points: valuePoints(m.task1, m.task2) }));
  const data: Trace[] = [];
  const point = (p: ValuePoint) => `${p.value} (${GROUP_OF[p.value]})`;
  if (perModel.length === 1) {
    const { model, points } = perModel[0];
    GROUPS.forEach((g, i) => {
      const ps = points.filter((p) => GROUP_OF[p.value] === g);
      if (ps.length === 0) return;
      data.push(trace(g, ps, modelColour(i), `${model}<br>%{text}`, point));
    });
  } else {
    perModel.forEach(({ model, points }, i) => data.push(trace(model, points, modelColour(i), `${model}<br>%{text}`, point)));
  }
  const all = perModel.flatMap(({ model, points }) => points.map((p) => ({ model, ...p })));
  const far = [...all].sort((a, b) => Math.abs(b.acted - b.stated) - Math.abs(a.acted - a.stated)).slice(0, labelTop);
  const layout = chartLayout({
    title: `Stated vs acted, per value${opts.note ?? ""}`,
    subtitle: `${models.length === 1 ? models[0].model + ": " : ""}mean over countries; labelled: the ${far.length} values furthest from the diagonal`,
    width: 760,
    height: 720,
    xTitle: "Stated: Task 1 inclination (0 = agree, 1 = disagree)",
    yTitle: "Acted: share of negative actions in Task 2",
    margin: { r: 40, t: 120 },
  });
  Object.assign(layout.xaxis as object, { range: [-0.02, 1.02], zeroline: false, gridcolor: "#eeeeee", constrain: "domain" });
  Object.assign(layout.yaxis as object, { range: [-0.02, 1.02], scaleanchor: "x", scaleratio: 1 });
  layout.shapes = [
    { type: "line", name: "diagonal", xref: "x", yref: "y", x0: 0, y0: 0, x1: 1, y1: 1, line: { color: "#888888", width: 1, dash: "dash" }, layer: "below" },
  ];
  layout.annotations = labelAnnotations(far, models.length > 1, layout.height - 120 - 80);
  return { data, layout };
}

/**
 * Labels above the diagonal sit up-left of their point, those below it
 * down-right. On each side the labels are stacked at least LABEL_GAP pixels
 * apart vertically (plot height `plotPx` over the y range [-0.02, 1.02]), so
 * neighbouring points never get overlapping labels.
 */
const LABEL_GAP = 16;
function labelAnnotations(points: ReadonlyArray<ValuePoint & { model: string }>, withModel: boolean, plotPx: number): Record<string, unknown>[] {
  const toPx = (y: number) => (1 - (y + 0.02) / 1.04) * plotPx;
  // The plot is square (plotPx wide); a left-going label that would run past
  // the y axis title goes right instead.
  const fitsLeft = (p: ValuePoint, text: string) => ((p.stated + 0.02) / 1.04) * plotPx - 60 - text.length * 12 * 0.55 > -30;
  const out: Record<string, unknown>[] = [];
  for (const above of [true, false]) {
    const side = points.filter((p) => p.acted > p.stated === above).map((p) => ({ p, py: toPx(p.acted) }));
    // Desired label heights, then pushed apart: upwards for the upper side, downwards for the lower.
    side.sort((a, b) => (above ? b.py - a.py : a.py - b.py));
    let last = above ? Infinity : -Infinity;
    const ys = side.map(({ py }) => {
      let ly = above ? py - 22 : py + 22;
      ly = above ? Math.min(ly, last - LABEL_GAP) : Math.max(ly, last + LABEL_GAP);
      last = ly;
      return ly;
    });
    // Keep the stack inside the plot: shift it back as a whole (spacing kept) when its end leaves.
    const overflow = above ? Math.min(0, (ys.at(-1) ?? 0) - 8) : Math.max(0, (ys.at(-1) ?? 0) - (plotPx - 8));
    side.forEach(({ p, py }, k) => {
      const ly = ys[k] - overflow;
      const text = withModel ? `${p.value} (${p.model})` : p.value;
      const left = above && fitsLeft(p, text);
      out.push({
        x: p.stated,
        y: p.acted,
        text,
        showarrow: true,
        arrowhead: 0,
        arrowwidth: 0.8,
        arrowcolor: "#666666",
        ax: left ? -60 : 60,
        ay: ly - py,
        xanchor: left ? "right" : "left",
        font: { size: 12 },
        bgcolor: "rgba(255,255,255,0.85)",
      });
    });
  }
  return out;
}

function trace(name: string, ps: readonly ValuePoint[], colour: string, hover: string, label: (p: ValuePoint) => string): Trace {
  return {
    type: "scatter",
    mode: "markers",
    name,
    x: ps.map((p) => p.stated),
    y: ps.map((p) => p.acted),
    text: ps.map(label),
    marker: { color: colour, size: 9, line: { color: "white", width: 0.5 } },
    hovertemplate: `${hover}<br>stated %{x:.3f}, acted %{y:.3f}<extra></extra>`,
  };
}

function meanOf(grid: Grid, value: string): number | null {
  let sum = 0;
  let n = 0;
  for (const row of Object.values(grid)) {
    const x = row?.[value];
    if (typeof x === "number" && Number.isFinite(x)) {
      sum += x;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}
