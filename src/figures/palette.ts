/**
 * Colours close to the paper's seaborn figures (method.md §11).
 *
 * DIVERGING reproduces `sns.diverging_palette(230, 20, as_cmap=True)`: the two
 * ends are HUSL(230, 75, 50) and HUSL(20, 75, 50), each blended linearly in RGB
 * towards a light grey (HUSL(h, 11.25, 95)) and meeting at (0.95, 0.95, 0.95).
 * The hex values were computed once from seaborn's HUSL formulas.
 * Low values (0 = agree / aligned) are blue, high values (1 = disagree) red.
 */
export const DIVERGING: ReadonlyArray<readonly [number, string]> = [
  [0, "#407e9c"],
  [0.496, "#eff1f2"],
  [0.5, "#f2f2f2"],
  [0.504, "#f2f0f0"],
  [1, "#c3553a"],
];

/**
 * Anchors approximating seaborn's "rocket" colormap (near-black purple -> cream),
 * as used by the paper's ranking bars (read off the colormap, not computed). Bars take colours from the dark end (largest distance)
 * to the light end, like `sns.barplot(palette="rocket")`.
 */
const ROCKET_ANCHORS = ["#03051a", "#35193e", "#701f57", "#ad1759", "#e13342", "#f37651", "#f6b48f", "#faebdd"];

/**
 * n colours sampled from rocket without its two extremes, like seaborn's
 * `color_palette("rocket", n)` (positions (i + 1) / (n + 1)).
 */
export function rocket(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sample(ROCKET_ANCHORS, (i + 1) / (n + 1)));
  return out;
}

/** Categorical colours for models (plotly's default cycle, colour-blind friendlier order first). */
export const MODEL_COLOURS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** Colour of the i-th model (cycles). */
export function modelColour(i: number): string {
  return MODEL_COLOURS[i % MODEL_COLOURS.length];
}

/** Linear RGB interpolation along evenly spaced anchors, t in [0, 1]. */
function sample(anchors: readonly string[], t: number): string {
  const x = Math.min(Math.max(t, 0), 1) * (anchors.length - 1);
  const i = Math.min(Math.floor(x), anchors.length - 2);
  const f = x - i;
  const a = rgb(anchors[i]);
  const b = rgb(anchors[i + 1]);
  const mix = a.map((c, k) => Math.round(c + (b[k] - c) * f));
  return "#" + mix.map((c) => c.toString(16).padStart(2, "0")).join("");
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
