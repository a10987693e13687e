import {
  countryFeature,
  targetExplanationFeature,
  textFeature,
  topicFeature,
  valueByPolarity,
  valueByStated,
  valueFeature,
  type FeatureFunction,
} from "./features";
import type { LabelKind } from "./labels";

/**
 * Settings: what a predictor is given. Every setting of a label is judged
 * against the same text-free baselines (issue 11 item 2):
 *
 * - `majority`, `stratified-random` (no features; predictors.ts),
 * - `value`, `value x polarity` (`choice`) or `value x stated` (gap labels),
 *   and both `+ country + topic`: logistic regressions on one-hots.
 *
 * Text settings add text to the richest structured features
 * (`value x polarity|stated + country + topic`), so a text gain is what the
 * text adds beyond scenario and value, not text against nothing:
 * `action`, `action+attribution`, `action+explanation`,
 * `action+attribution+explanation` (the paper's Act, Act+Attr, Act+Exp, All).
 * For gap labels each field covers BOTH actions of the pair (consistent and
 * departing). `gap-posthoc` adds `target-explanation` and
 * `all+target-explanation` (the target's own Task 2 explanation).
 */
export interface Setting {
  id: string;
  /** True when the setting reads any text (the verdict compares the best of these with the best of the others). */
  text: boolean;
  /** Special predictors without features; otherwise the logistic model on `functions`. */
  predictor: "logistic" | "majority" | "stratified-random";
  functions: readonly FeatureFunction[];
}

const byLabel = (label: LabelKind) => (label === "choice" ? valueByPolarity : valueByStated);
const crossName = (label: LabelKind) => (label === "choice" ? "value x polarity" : "value x stated");

/** The text-free baselines of a label. */
export function baselineSettings(label: LabelKind): Setting[] {
  const cross = byLabel(label);
  const logistic = (id: string, functions: FeatureFunction[]): Setting => ({ id, text: false, predictor: "logistic", functions });
  return [
    { id: "majority", text: false, predictor: "majority", functions: [] },
    { id: "stratified-random", text: false, predictor: "stratified-random", functions: [] },
    logistic("value", [valueFeature]),
    logistic(crossName(label), [valueFeature, cross]),
    logistic("value + country + topic", [valueFeature, countryFeature, topicFeature]),
    logistic(`${crossName(label)} + country + topic`, [valueFeature, cross, countryFeature, topicFeature]),
  ];
}

/** The structured features every text setting of a label starts from. */
export const structuredFeatures = (label: LabelKind): FeatureFunction[] => [valueFeature, byLabel(label), countryFeature, topicFeature];

/** A text setting: the structured features of the label plus these feature functions. */
export function textSetting(id: string, label: LabelKind, functions: readonly FeatureFunction[]): Setting {
  return { id, text: true, predictor: "logistic", functions: [...structuredFeatures(label), ...functions] };
}

export const TEXT_SETTING_IDS = ["action", "action+attribution", "action+explanation", "action+attribution+explanation"] as const;

export function textSettings(label: LabelKind): Setting[] {
  const action = textFeature("action");
  const attribution = textFeature("attribution");
  const explanation = textFeature("explanation");
  const out = [
    textSetting("action", label, [action]),
    textSetting("action+attribution", label, [action, attribution]),
    textSetting("action+explanation", label, [action, explanation]),
    textSetting("action+attribution+explanation", label, [action, attribution, explanation]),
  ];
  if (label === "gap-posthoc")
    out.push(
      textSetting("target-explanation", label, [action, targetExplanationFeature]),
      textSetting("all+target-explanation", label, [action, attribution, explanation, targetExplanationFeature]),
    );
  return out;
}

/** Every setting of a label, baselines first. */
export function settingsFor(label: LabelKind): Setting[] {
  return [...baselineSettings(label), ...textSettings(label)];
}

/** The settings of a label plus one more text setting per extra feature list (the notebook's loop). */
export function withFeatures(label: LabelKind, id: string, functions: readonly FeatureFunction[], base: readonly Setting[] = settingsFor(label)): Setting[] {
  return [...base, textSetting(id, label, functions)];
}
