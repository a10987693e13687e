import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import { DEFINITION, type Value } from "../catalog/values";
import type { Polarity } from "../runs/records";
import { CUE_RATE } from "./planted";
import {
  ACTION_TEMPLATES,
  EXPLANATION_NEGATIVE,
  EXPLANATION_POSITIVE,
  HEDGE_PREFIXES,
  HEDGE_SUFFIXES,
  NEGATIVE_MARKERS,
  POSITIVE_MARKERS,
  TOPIC_SETTING,
  VALUE_BEHAVIOUR,
  fill,
} from "./phrases";
import { pick, unit } from "./random";
import { respondent } from "./respondent";

/** One generated value-informed action in the VIA format (method.md §3.1). */
export interface SimAction {
  action: string;
  /** Spans of `action`, each an exact substring. */
  attributions: string[];
  explanation: string;
}

/**
 * Whether the planted cue fires in an explanation about this cell: with
 * probability CUE_RATE.gap in gap cells and CUE_RATE.nonGap elsewhere,
 * decided per request (`variation`).
 */
export function cueFires(seed: number, country: Country, topic: Topic, value: Value, variation: number | string): boolean {
  const gap = respondent(seed).cell(country, topic, value).gap;
  return unit(seed, "cue", variation, country, topic, value) < (gap ? CUE_RATE.gap : CUE_RATE.nonGap);
}

/** Add one hedging clause (prefix or suffix, chosen by u) to a plain explanation. */
export function hedge(plain: string, u: number): string {
  const n = HEDGE_PREFIXES.length + HEDGE_SUFFIXES.length;
  const k = Math.min(n - 1, Math.floor(u * n));
  if (k < HEDGE_PREFIXES.length) return HEDGE_PREFIXES[k] + plain.charAt(0).toLowerCase() + plain.slice(1);
  return plain + HEDGE_SUFFIXES[k - HEDGE_PREFIXES.length];
}

/**
 * The simulator's action for (country, topic, value, polarity). The action and
 * its attributions depend only on the cell, the polarity and the request
 * (`variation`), never on the gap flag; the explanation carries the planted cue.
 */
export function simulatedAction(
  seed: number,
  country: Country,
  topic: Topic,
  value: Value,
  polarity: Polarity,
  variation: number | string,
): SimAction {
  const u = (k: string) => unit(seed, "action", k, variation, country, topic, value, polarity);
  const markers = polarity === "positive" ? POSITIVE_MARKERS : NEGATIVE_MARKERS;
  const m = pick(markers, u("marker"));
  const b = VALUE_BEHAVIOUR[value];
  const s = TOPIC_SETTING[topic];
  const action = fill(pick(ACTION_TEMPLATES, u("template")), { m, b, s, c: country });
  const plain = fill(pick(polarity === "positive" ? EXPLANATION_POSITIVE : EXPLANATION_NEGATIVE, u("explanation")), {
    v: value,
    d: DEFINITION[value],
    b,
    s,
  });
  const explanation = cueFires(seed, country, topic, value, variation) ? hedge(plain, u("hedge")) : plain;
  return { action, attributions: [m, b, s], explanation };
}
