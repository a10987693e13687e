import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, GROUPS, TABLE3_COUNTRY_ORDER, TOPICS, TOPIC_SHORT_LABEL, VALUES, VALUE_GROUPS } from "../../src/catalog";
import { distanceHeatmap, task1Heatmap, task2Heatmap } from "../../src/figures/alignmentHeatmaps";
import { f1Bars } from "../../src/figures/f1Bars";
import type { Figure, Trace } from "../../src/figures/figure";
import { gapPredictionBars } from "../../src/figures/gapPredictionBars";
import { groupBands, groupStarts } from "../../src/figures/groupBands";
import { inconsistencyBars } from "../../src/figures/inconsistencyBars";
import { DIVERGING, rocket } from "../../src/figures/palette";
import { rankingBars } from "../../src/figures/rankingBars";
import { interval, scoreInterval } from "../../src/figures/results";
import { statedActedScatter, valuePoints } from "../../src/figures/statedActedScatter";
import { valueHeatmap } from "../../src/figures/valueHeatmap";
import { syntheticGrid } from "../helpers/figureData";

type Obj = Record<string, any>;
const layoutOf = (f: Figure) => f.layout as Obj;
const trace = (f: Figure, i = 0) => f.data[i] as Obj;
const titleText = (f: Figure) => (layoutOf(f).title as Obj).text as string;

test("task 1 heatmap by country: 12 x 56 in group order, countries top to bottom, fixed [0, 1] scale", () => {
  const grid = syntheticGrid(COUNTRIES, 1);
  const f = task1Heatmap("gpt-4o-mini", "country", grid);
  const t = trace(f);
  assert.equal(t.type, "heatmap");
  assert.equal(t.z.length, 12);
  for (const row of t.z) assert.equal(row.length, 56);
  assert.deepEqual(t.x, [...VALUES]);
  assert.deepEqual(t.y, [...COUNTRIES]);
  assert.equal(t.z[3][7], grid[COUNTRIES[3]][VALUES[7]]);
  assert.equal(t.zmin, 0);
  assert.equal(t.zmax, 1);
  assert.equal(layoutOf(f).yaxis.autorange, "reversed");
  assert.match(titleText(f), /gpt-4o-mini: Task 1 stated inclination by country/);
  assert.match(t.colorbar.title.text, /0 = agree, 1 = disagree/);
  // paper palette: blue (agree) -> light grey -> red (disagree)
  assert.deepEqual(t.colorscale[0], [0, DIVERGING[0][1]]);
  assert.equal(t.colorscale.at(-1)[1], "#c3553a");
});

test("heatmaps by topic use the 11 short labels; task 2 says what its colours mean", () => {
  const f = task2Heatmap("m", "topic", syntheticGrid(TOPICS, 2));
  const t = trace(f);
  assert.equal(t.z.length, 11);
  assert.deepEqual(t.y, TOPICS.map((x) => TOPIC_SHORT_LABEL[x]));
  assert.match(t.colorbar.title.text, /negative actions<br>0 = agree, 1 = disagree/);
});

test("heatmap group separators: one line between each pair of groups, group names above their columns", () => {
  const f = task1Heatmap("m", "country", syntheticGrid(COUNTRIES, 3));
  const shapes = layoutOf(f).shapes as Obj[];
  const seps = shapes.filter((s) => String(s.name).startsWith("separator:"));
  assert.equal(seps.length, GROUPS.length - 1);
  const starts = groupStarts().slice(1).map((g) => g.start - 0.5);
  assert.deepEqual(seps.map((s) => s.x0), starts);
  assert.ok(seps.every((s) => s.y0 === 0 && s.y1 === 1 && s.yref === "paper"));
  const labels = (layoutOf(f).annotations as Obj[]).filter((a) => String(a.name).startsWith("group:"));
  assert.deepEqual(labels.map((a) => a.text), [...GROUPS]);
  const uni = labels.find((a) => a.text === "Universalism")!;
  const first = VALUES.indexOf(VALUE_GROUPS.Universalism[0]);
  assert.equal(uni.x, first + (VALUE_GROUPS.Universalism.length - 1) / 2);
});

test("group labels of narrow neighbours go to a second row instead of overlapping", () => {
  const bands = groupBands(20);
  const lift = (g: string) => (bands.annotations.find((a) => a.text === g) as Obj).yshift as number;
  assert.equal(bands.rows, 2);
  assert.notEqual(lift("Hedonism"), lift("Stimulation"));
  assert.equal(lift("Power"), lift("Achievement"));
  // with wide cells everything fits on one row
  assert.equal(groupBands(60).rows, 1);
});

test("heatmap: missing cells are blank (null), margins fit the longest labels, bad shapes throw", () => {
  const grid: Record<string, Partial<Record<string, number>>> = syntheticGrid(COUNTRIES, 4);
  grid["India"]["Wealth"] = NaN;
  delete grid["Egypt"]["Clean"];
  const f = task1Heatmap("m", "country", grid);
  const t = trace(f);
  assert.equal(t.z[1][VALUES.indexOf("Wealth")], null);
  assert.equal(t.z[9][VALUES.indexOf("Clean")], null);
  const m = layoutOf(f).margin;
  // "Honoring of Parents and Elders" (30 characters) rotated under the plot; "United Kingdom" on the left
  assert.ok(m.b >= 30 * 11 * 0.5, `bottom margin ${m.b}`);
  assert.ok(m.l >= 14 * 12 * 0.5, `left margin ${m.l}`);
  assert.equal(f.layout.width, m.l + m.r + 56 * 20);
  assert.equal(f.layout.height, m.t + m.b + 12 * 20);
  // only present rows are drawn
  const partial = { India: grid.India, Egypt: grid.Egypt };
  const small = task1Heatmap("m", "country", partial);
  assert.deepEqual(trace(small).y, ["India", "Egypt"]);
  // two rows still leave room for the colour bar and its title
  assert.equal(small.layout.height, layoutOf(small).margin.t + layoutOf(small).margin.b + 180);
  assert.throws(() => valueHeatmap({ title: "x", rows: ["a"], z: [[1, 2]], colorbarTitle: "c", quantity: "q" }), /row 0 has 2 cells, expected 56/);
  assert.throws(() => valueHeatmap({ title: "x", rows: ["a", "b"], z: [VALUES.map(() => 0)], colorbarTitle: "c", quantity: "q" }), /1 rows of data for 2 labels/);
});

test("distance heatmap scales to the largest cell and names the distance form", () => {
  const grid = syntheticGrid(COUNTRIES, 5, 0.3);
  const max = Math.max(...Object.values(grid).flatMap((r) => Object.values(r) as number[]));
  const t = trace(distanceHeatmap("m", "country", grid));
  assert.equal(t.zmax, max);
  assert.match(t.colorbar.title.text, /\|mean v - mean a\|<br>0 = aligned/);
  assert.match(trace(distanceHeatmap("m", "country", grid, { distanceForm: "cell mean" })).colorbar.title.text, /mean \|v - a\|/);
});

test("ranking bars: paper titles and axes, order kept, rotated labels, rocket colours dark to light", () => {
  const ranking: Array<[string, number]> = [["Wealth", 0.5], ["Clean", 0.3], ["Honest", NaN], ["Devout", 0.1]];
  const f = rankingBars({ axis: "country", name: "Philippines", ranking, subtitle: "gpt-4o-mini" });
  assert.equal(titleText(f), "Country: Philippines");
  assert.equal(layoutOf(f).title.subtitle.text, "gpt-4o-mini");
  assert.equal(layoutOf(f).xaxis.title.text, "Value Rankings");
  assert.equal(layoutOf(f).yaxis.title.text, "Alignment Distance");
  assert.equal(layoutOf(f).xaxis.tickangle, -45);
  assert.deepEqual(trace(f).x, ["Wealth", "Clean", "Devout"]);
  assert.deepEqual(trace(f).y, [0.5, 0.3, 0.1]);
  assert.deepEqual(trace(f).marker.color, rocket(3));
  assert.equal(titleText(rankingBars({ axis: "topic", name: "Religion", ranking })), "Social Topics: Religion");
  const lum = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
  const c = rocket(56);
  assert.ok(lum(c[0]) < lum(c[55]), "largest distance is the darkest bar");
});

test("intervals: the schema's [lo, hi], both ends finite; a score's interval by aggregate", () => {
  assert.deepEqual(interval([0.1, 0.2]), [0.1, 0.2]);
  assert.equal(interval([0.1]), null);
  assert.equal(interval([null, 0.2]), null);
  assert.equal(interval([NaN, 0.2]), null);
  assert.equal(interval(undefined), null);
  const prov = { scheme: { overall: "crossed" as const, by_country: "topics" as const }, seed: 1, resamples: 10 };
  const s = { overall: 0.45, ci95: { overall: [0.4, 0.5] as [number, number], by_country: { India: [0.3, 0.4] as [number, number], Egypt: [null, 0.3] as [null, number] }, ...prov } };
  assert.deepEqual(scoreInterval(s, "overall"), [0.4, 0.5]);
  assert.deepEqual(scoreInterval(s, "by_country", "India"), [0.3, 0.4]);
  assert.equal(scoreInterval(s, "by_country", "Egypt"), null);
  assert.equal(scoreInterval(s, "by_topic", "Religion"), null);
  assert.equal(scoreInterval({ overall: 0.4 }, "overall"), null);
});

test("F1 bars: Table 3 column order, one series per model, asymmetric CI error bars only where known", () => {
  const by_country = Object.fromEntries(COUNTRIES.map((c, i) => [c, 0.3 + i / 100]));
  const f = f1Bars("country", [
    {
      model: "a",
      scores: { overall: 0.4, by_country, ci95: { overall: [null, null], by_country: { "United States": [0.25, 0.35] }, scheme: { overall: "crossed" }, seed: 1, resamples: 10 } },
    },
    { model: "b", scores: { overall: 0.5, by_country } },
  ]);
  assert.equal(f.data.length, 2);
  const a = trace(f, 0);
  assert.equal(a.x.length, 13);
  assert.equal(a.x[0], "US");
  assert.equal(a.x[12], "Overall");
  assert.equal(a.y[0], by_country["United States"]);
  assert.equal(a.y[TABLE3_COUNTRY_ORDER.indexOf("Uganda")], by_country["Uganda"]);
  assert.ok(Math.abs(a.error_y.array[0] - 0.05) < 1e-12);
  assert.ok(Math.abs(a.error_y.arrayminus[0] - 0.05) < 1e-12);
  assert.equal(a.error_y.array[1], null);
  assert.equal(trace(f, 1).error_y, undefined);
  assert.deepEqual(layoutOf(f).yaxis.range, [0, 1]);
  assert.match(layoutOf(f).title.subtitle.text, /positive class = disagree/);
  assert.match(layoutOf(f1Bars("topic", [{ model: "a", scores: { overall: null } }], { inverted: true })).title.subtitle.text, /positive class = agree/);
});

test("inconsistency bars: stacked, correctly labelled parts, total and share on top", () => {
  const f = inconsistencyBars([
    { model: "llama", counts: { stated_disagree_acted_agree: 802, stated_agree_acted_disagree: 284, total: 1086, share: 1086 / 7392 } },
  ]);
  assert.equal(layoutOf(f).barmode, "stack");
  assert.deepEqual(f.data.map((t: Trace) => t.name), ["stated disagree, acted agree", "stated agree, acted disagree"]);
  assert.deepEqual(trace(f, 0).y, [802]);
  assert.deepEqual(trace(f, 1).y, [284]);
  assert.equal((layoutOf(f).annotations as Obj[])[0].text, "1086 (14.7%)");
  assert.equal(trace(f, 1).error_y, undefined, "no interval stored, no error bar");
  // With the stored interval of the total: an error bar on the top segment, at the total.
  const withCi = inconsistencyBars([
    {
      model: "llama",
      counts: {
        stated_disagree_acted_agree: 802, stated_agree_acted_disagree: 284, total: 1086, share: 1086 / 7392,
        ci95: { stated_disagree_acted_agree: [700, 900], stated_agree_acted_disagree: [250, 320], total: [990, 1190], share: [0.13, 0.16], scheme: "crossed", seed: 1, resamples: 10 },
      },
    },
  ]);
  assert.equal(trace(withCi, 0).error_y, undefined);
  assert.deepEqual(trace(withCi, 1).error_y.array, [1190 - 1086]);
  assert.deepEqual(trace(withCi, 1).error_y.arrayminus, [1086 - 990]);
});

test("ranking bars with the ranking's stability: rank intervals as bar labels, P(top 5) in the hover", () => {
  const ranking: Array<[string, number]> = [["Wealth", 0.5], ["Clean", 0.3], ["Devout", 0.1]];
  const stability = {
    scheme: "topics" as const,
    rank_ci95: { Wealth: [1, 2] as [number, number], Clean: [1, 3] as [number, number], Devout: [2, 3] as [number, number] },
    top5: [{ value: "Wealth" as const, rank: 1, p_top5: 0.97 }],
    p_top1_stays: 0.7,
  };
  const f = rankingBars({ axis: "country", name: "Egypt", ranking, stability, subtitle: "m" });
  assert.deepEqual(trace(f).text, ["1–2", "1–3", "2–3"]);
  assert.match(trace(f).customdata[0], /rank 1 \(95% interval 1–2\)<br>P\(stays in top 5\) 0\.97/);
  assert.match(layoutOf(f).title.subtitle.text, /95% rank interval \(bootstrap over the country's topics\)/);
  assert.equal(trace(rankingBars({ axis: "country", name: "Egypt", ranking })).text, undefined);
});

test("gap prediction bars: both setting vocabularies share the paper's labels; several targets -> two-level axis", () => {
  const one = gapPredictionBars([
    { target: "t", setting: "action+explanation", method: "logistic", f1: 0.8, ci: [0.7, 0.9] },
    { target: "t", setting: "action", method: "logistic", f1: 0.7 },
    { target: "t", setting: "explanation", method: "few-shot LLM", f1: 0.82 },
  ]);
  assert.deepEqual(trace(one, 0).x, ["Act", "Act+Exp"]);
  assert.deepEqual(trace(one, 0).y, [0.7, 0.8]);
  assert.deepEqual(trace(one, 1).y, [null, 0.82]);
  assert.ok(Math.abs(trace(one, 0).error_y.array[1] - 0.1) < 1e-12);
  const two = gapPredictionBars([
    { target: "a", setting: "default", method: "few-shot LLM", f1: 0.78 },
    { target: "b", setting: "default", method: "few-shot LLM", f1: 0.79 },
  ]);
  assert.equal(layoutOf(two).xaxis.type, "multicategory");
  assert.deepEqual(trace(two).x, [["a", "b"], ["Act", "Act"]]);
});

test("stated vs acted: per-value means over countries, diagonal, furthest values labelled", () => {
  const task1 = { India: { Wealth: 0.2, Clean: 0.5 }, Egypt: { Wealth: 0.4, Clean: 0.5 } };
  const task2 = { India: { Wealth: 1, Clean: 0.5 }, Egypt: { Wealth: 0.8 } };
  const pts = valuePoints(task1, task2);
  assert.equal(pts.length, 2);
  const wealth = pts.find((p) => p.value === "Wealth")!;
  assert.ok(Math.abs(wealth.stated - 0.3) < 1e-12 && Math.abs(wealth.acted - 0.9) < 1e-12);
  const f = statedActedScatter([{ model: "m", task1, task2 }], { labelTop: 1 });
  assert.ok(f.data.every((t: Trace) => t.type === "scatter"));
  // one model: one trace per Schwartz group present (Wealth is Power, Clean is Security)
  assert.deepEqual(f.data.map((t: Trace) => t.name), ["Power", "Security"]);
  assert.equal((layoutOf(f).shapes as Obj[])[0].name, "diagonal");
  const ann = layoutOf(f).annotations as Obj[];
  assert.equal(ann.length, 1);
  assert.equal(ann[0].text, "Wealth");
  assert.equal(layoutOf(f).yaxis.scaleanchor, "x");
});
