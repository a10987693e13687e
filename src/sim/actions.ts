import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import { DEFINITION, type Value } from "../catalog/values";
import type { Polarity } from "../runs/records";
import { CONTESTED_PHRASES } from "./planted";
import {
  ACTION_TEMPLATES,
  EXPLANATION_NEGATIVE,
  EXPLANATION_POSITIVE,
  NEGATIVE_MARKERS,
  POSITIVE_MARKERS,
  TOPIC_SETTING,
  VALUE_BEHAVIOUR,
  fill,
} from "./phrases";
import { pick, unit } from "./random";
import { contested, type RespondentOptions } from "./respondent";

/** One generated value-informed action in the VIA format (method.md §3.1). */
export interface SimAction {
  action: string;
  /** Spans of `action`, each an exact substring. */
  attributions: string[];
  explanation: string;
}

/**
 * The simulator's action for (country, topic, value, polarity). Action,
 * attributions and explanation depend only on the cell, the polarity and the
 * request (`variation`), never on any target's gap: real VIA texts are written
 * by GPT-4o independently of the models studied. With `explanationSignal` the
 * explanation of a contested cell (respondent.ts `contested`) ends with a
 * CONTESTED_PHRASES sentence, the non-leaky signal of planted.ts.
 */
export function simulatedAction(
  seed: number,
  country: Country,
  topic: Topic,
  value: Value,
  polarity: Polarity,
  variation: number | string,
  options: RespondentOptions = {},
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
  const explanation =
    options.explanationSignal && contested(seed, country, topic, value) ? plain + fill(pick(CONTESTED_PHRASES, u("contested")), { c: country }) : plain;
  return { action, attributions: [m, b, s], explanation };
}
