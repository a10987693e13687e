import { COUNTRIES, TOPICS } from "../catalog";
import { distanceHeatmap, task1Heatmap, task2Heatmap, type Axis } from "./alignmentHeatmaps";
import { f1Bars } from "./f1Bars";
import { slug, type NamedFigure } from "./figure";
import { gapPredictionBars, type GapBar } from "./gapPredictionBars";
import { inconsistencyBars } from "./inconsistencyBars";
import { promptAgreementBars } from "./promptAgreementBars";
import { rankingBars } from "./rankingBars";
import { interval, type FigureInputs, type Grid, type MatricesJson, type ModelResultsJson } from "./results";
import { riskBars } from "./riskBars";
import type { RankStabilityJson } from "../results/schema";
import { statedActedScatter } from "./statedActedScatter";

/**
 * Every figure the inputs support, in a stable order: per model (heatmaps by
 * country then topic, ranking bars per country then per topic, stated vs
 * acted), then across models (F1, inconsistency, prompt agreement, gap
 * prediction, risk). A figure is produced only when its data is present;
 * nothing is invented. Pure: inputs -> figure JSON.
 *
 * Every number drawn is read from the results (results/modelResults.ts):
 * distances from `distance_group_mean`, rankings from `ranking` with their
 * rank intervals from `ranking_stability`, F1 / inconsistency / agreement
 * with their stored intervals as error bars. Nothing is derived here.
 */
export interface FigureSetOptions {
  /** Only these models (default all). */
  models?: readonly string[];
}

const AXES: readonly Axis[] = ["country", "topic"];
const ROWS: Record<Axis, readonly string[]> = { country: COUNTRIES, topic: TOPICS };

export function figureSet(inputs: FigureInputs, opts: FigureSetOptions = {}): NamedFigure[] {
  const note = inputs.simulated ? " (simulated)" : "";
  const results = inputs.results?.models ?? {};
  const matrices = inputs.matrices?.heatmaps ?? {};
  const allModels = [...new Set([...Object.keys(results), ...Object.keys(matrices)])];
  const models = opts.models ? allModels.filter((m) => opts.models!.includes(m)) : allModels;
  const out: NamedFigure[] = [];
  const add = (name: string, title: string, figure: NamedFigure["figure"], model?: string) =>
    out.push({ name, title: title + note, figure, ...(model !== undefined ? { model } : {}) });

  for (const model of models) {
    const r: ModelResultsJson = results[model] ?? {};
    const m: MatricesJson["heatmaps"][string] = matrices[model] ?? {};
    const dir = slug(model);
    for (const axis of AXES) {
      const t1 = m[`task1_by_${axis}`];
      const t2 = m[`task2_by_${axis}`];
      if (nonEmpty(t1)) add(`${dir}/heatmap-task1-${axis}`, `${model}: Task 1 stated inclination by ${axis}`, task1Heatmap(model, axis, t1, { note }), model);
      if (nonEmpty(t2)) add(`${dir}/heatmap-task2-${axis}`, `${model}: Task 2 action choice by ${axis}`, task2Heatmap(model, axis, t2, { note }), model);
      const dist: Grid | undefined = r.distance_group_mean?.[`by_${axis}`];
      if (nonEmpty(dist)) add(`${dir}/heatmap-distance-${axis}`, `${model}: alignment distance by ${axis}`, distanceHeatmap(model, axis, dist, { note }), model);
    }
    for (const axis of AXES) {
      const rankings: Partial<Record<string, ReadonlyArray<readonly [string, number | null]>>> = r.ranking?.[`by_${axis}`] ?? {};
      const stability: Partial<Record<string, RankStabilityJson>> = r.ranking_stability?.[`by_${axis}`] ?? {};
      for (const name of ROWS[axis]) {
        const ranking = rankings[name];
        if (!ranking || !ranking.some(([, d]) => typeof d === "number" && Number.isFinite(d))) continue;
        add(
          `${dir}/ranking-${axis}-${slug(name)}`,
          `${model}: ${axis === "country" ? "Country" : "Social Topics"}: ${name} ranking`,
          rankingBars({ axis, name, ranking, stability: stability[name], subtitle: model + note }),
          model,
        );
      }
    }
    if (nonEmpty(m.task1_by_country) && nonEmpty(m.task2_by_country)) {
      add(`${dir}/stated-vs-acted`, `${model}: stated vs acted per value`, statedActedScatter([{ model, task1: m.task1_by_country, task2: m.task2_by_country }], { note }), model);
    }
  }

  const withF1 = (axis: "by_country" | "by_topic", key: "f1" | "f1_inverted" | "kappa") =>
    models.filter((id) => nonEmpty(results[id]?.[key]?.[axis])).map((id) => ({ model: id, scores: results[id][key]! }));
  for (const key of ["f1", "f1_inverted"] as const) {
    const inv = key === "f1_inverted";
    const suffix = inv ? "-inverted" : "";
    const c = withF1("by_country", key);
    if (c.length > 0) add(`across/f1-country${suffix}`, `Alignment rate (F1${inv ? ", positive = agree" : ""}) by country`, f1Bars("country", c, { inverted: inv, note }));
    const t = withF1("by_topic", key);
    if (t.length > 0) add(`across/f1-topic${suffix}`, `Alignment rate (F1${inv ? ", positive = agree" : ""}) by topic`, f1Bars("topic", t, { inverted: inv, note }));
  }
  const inc = models.filter((id) => results[id]?.inconsistency).map((id) => ({ model: id, counts: results[id].inconsistency! }));
  if (inc.length > 0) add("across/inconsistency", "Value-action inconsistencies per model", inconsistencyBars(inc, { note }));

  const t2agree = inputs.results?.task2_prompt_agreement ?? {};
  const keep = (id: string) => !opts.models || opts.models.includes(id);
  const agreeModels = [...new Set([...models.filter((id) => typeof results[id]?.task1_agreement === "number"), ...Object.keys(t2agree).filter(keep)])];
  if (agreeModels.length > 0) {
    add(
      "across/prompt-agreement",
      "Prompt agreement per model",
      promptAgreementBars(
        agreeModels.map((id) => ({
          model: id,
          task1: results[id]?.task1_agreement ?? null,
          task1Ci: interval(results[id]?.task1_agreement_ci95?.ci95),
          task2: t2agree[id] ?? null,
          task2Ci: interval(inputs.results?.task2_prompt_agreement_ci95?.[id]?.ci95),
        })),
        { note },
      ),
    );
  }

  // One chart per predicted label (the Task 2 choice, the stated-acted gap): their F1s are not comparable.
  const bars = gapBars(inputs).filter((b) => keep(b.target));
  const labels = [...new Set(bars.map((b) => b.label ?? "-"))];
  for (const label of labels) {
    const name = labels.length > 1 ? `across/gap-prediction-${slug(label)}` : "across/gap-prediction";
    add(name, `Gap prediction (label: ${label}): F1 by input setting`, gapPredictionBars(bars.filter((b) => (b.label ?? "-") === label), { note, label }));
  }

  const scatter = models.filter((id) => nonEmpty(matrices[id]?.task1_by_country) && nonEmpty(matrices[id]?.task2_by_country));
  if (scatter.length > 1) {
    add(
      "across/stated-vs-acted",
      "Stated vs acted per value, all models",
      statedActedScatter(scatter.map((id) => ({ model: id, task1: matrices[id].task1_by_country!, task2: matrices[id].task2_by_country! })), { note }),
    );
  }
  const risk = inputs.results?.risk_counts;
  if (risk && Object.keys(risk).length > 0) add("across/risk-categories", "Risk categories of misaligned examples", riskBars(risk, { note }));
  return out;
}

function nonEmpty<T extends object>(x: T | undefined | null): x is T {
  return !!x && typeof x === "object" && Object.keys(x).length > 0;
}

/**
 * The paper's few-shot predictor predicts the target's Task 2 choice
 * (method.md §8, `label = model_choice`), the label `vag gap` calls "choice".
 */
export const FEWSHOT_LABEL = "choice";

/** Gap-prediction bars from `vag gap` experiments and the reproduced few-shot scores. */
export function gapBars(inputs: FigureInputs): GapBar[] {
  const bars: GapBar[] = [];
  for (const e of inputs.gap?.experiments ?? []) {
    if (typeof e.f1 !== "number" || !e.setting || !e.method) continue;
    bars.push({ target: e.target ?? "-", label: e.label ?? "-", setting: e.setting, method: e.method, f1: e.f1, ci: interval(e.ci95?.f1) });
  }
  for (const [target, settings] of Object.entries(inputs.results?.gap_prediction_fewshot ?? {})) {
    for (const [setting, s] of Object.entries(settings ?? {})) {
      if (typeof s?.f1 === "number") bars.push({ target, label: FEWSHOT_LABEL, setting, method: "few-shot LLM", f1: s.f1, ci: interval(s.ci95?.f1) });
    }
  }
  return bars;
}
