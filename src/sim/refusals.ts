import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import type { PromptInfo } from "./prompt-kind";
import { pick, unit } from "./random";

/**
 * Planted refusals (SimBehaviour.refusalRate): the simulated model declines
 * some requests, the way the published models do, so that refusal counting
 * and its spread test can be checked against a known truth.
 *
 * The published answers cluster (README, "What real models write"): the VIA
 * generator declined only to write actions *against* two values (Equality,
 * Social Justice), Claude declined Task 1 only for United States x Politics.
 * The simulator plants the same shape, with seeded choices:
 *  - two refusal-prone values: generation requests for their negative action
 *    and Task 2 requests on them are declined with probability `rate`;
 *  - two refusal-prone scenarios (country, topic): Task 1 requests on them
 *    are declined with probability `rate`;
 *  - nothing else is ever declined (the few-shot gap prompts neither).
 * Whether one request is declined is decided per request
 * (`unit(seed, "refuse", requestHash)`), so the variants and replicates of a
 * prone cell refuse independently. A declined request gets one of the
 * REFUSAL_TEXTS, shaped like the published refusals, with no JSON.
 */

export const REFUSAL_PRONE_VALUES = 2;
export const REFUSAL_PRONE_SCENARIOS = 2;

/** Shaped like the published refusals (GPT-4o's apologies, Claude's roleplay declines, Gemma's AI disclaimers). */
export const REFUSAL_TEXTS = [
  "I'm sorry, but I can't assist with that request.",
  "I'm sorry, but I can't provide personal opinions or preferences on values. However, I can help you understand how these values are generally viewed.",
  "I can't roleplay as having personal political values or preferences, as I'm designed to remain politically neutral. Instead, I can explain how these values are commonly discussed.",
  "As an AI, I don't have personal beliefs or values, so I can't choose between these options. I can, however, describe the considerations behind each of them.",
  "I apologize, but I cannot create content that portrays someone acting against this value.",
] as const;

/** What the simulator planted for a seed: the rate and the prone values and scenarios. */
export interface RefusalTruth {
  rate: number;
  values: Value[];
  scenarios: Array<{ country: Country; topic: Topic }>;
}

/** The refusal-prone values and scenarios of a seed (distinct, seeded), whatever the rate. */
export function refusalTruth(seed: number, rate: number): RefusalTruth {
  const values: Value[] = [];
  for (let k = 0; values.length < REFUSAL_PRONE_VALUES; k++) {
    const v = pick(VALUES, unit(seed, "refusal-value", k));
    if (!values.includes(v)) values.push(v);
  }
  const scenarios: RefusalTruth["scenarios"] = [];
  for (let k = 0; scenarios.length < REFUSAL_PRONE_SCENARIOS; k++) {
    const s = { country: pick(COUNTRIES, unit(seed, "refusal-country", k)), topic: pick(TOPICS, unit(seed, "refusal-topic", k)) };
    if (!scenarios.some((x) => x.country === s.country && x.topic === s.topic)) scenarios.push(s);
  }
  return { rate, values, scenarios };
}

/** Is this request's cell refusal-prone (before the per-request draw)? */
export function refusalProne(truth: RefusalTruth, info: PromptInfo): boolean {
  switch (info.kind) {
    case "generate":
      return info.polarity === "negative" && truth.values.includes(info.value);
    case "task2":
      return truth.values.includes(info.value);
    case "task1":
      return truth.scenarios.some((s) => s.country === info.country && s.topic === info.topic);
    default:
      return false;
  }
}

/** The refusal text of a request, or null when it is answered. */
export function refusalOf(seed: number, rate: number, info: PromptInfo, rq: number): string | null {
  if (!(rate > 0) || !refusalProne(refusalTruth(seed, rate), info)) return null;
  if (unit(seed, "refuse", rq) >= rate) return null;
  return pick(REFUSAL_TEXTS, unit(seed, "refusal-text", rq));
}
