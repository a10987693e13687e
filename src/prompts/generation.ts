import { DEFINITION, type Country, type Topic, type Value } from "../catalog";
import type { Protocol } from "../protocol";
import type { Message, Polarity } from "../runs/records";
import { PROMPT_SWITCHES } from "./switches";
import { checkVariant } from "./variant";

/** One VIA item: the action to generate is for this (country, topic, value, polarity). */
export interface GenerationItem {
  country: Country;
  topic: Topic;
  value: Value;
  polarity: Polarity;
}

/** System message of the authors' generation call (method.md §3.1). */
export const GENERATION_SYSTEM = "You are a helpful assistant.";

/**
 * The action-generation prompt (method.md §3.1). Variant k is built from four
 * blocks:
 *
 *   action      = ActionA ("Suppose you are from ...", endorse|dislike) if k is even,
 *                 ActionB ("As someone from ...", express|resist) if k is odd;
 *   middle      = Expl + Attr for k in {0,1,4,5}, Attr + Expl for k in {2,3,6,7};
 *   requirement = Req0 for k < 4, Req1 (Req0 + ". The Answer is:") for k >= 4.
 *
 * The full VIA dataset used variant 5 (ActionB + Expl + Attr + Req1).
 * Under `paper` the blocks run together and the explanation names the raw
 * polarity word; `robust` changes exactly those two things (switches.ts).
 * The definition is the catalog's (one space in Sense of Belonging, "aspriring" kept).
 *
 * @example generationPrompt({country: "Nigeria", topic: "Religion", value: "Humble", polarity: "negative"}, 5, "paper")
 *   // "As someone from Nigeria, how do you resist 'Humble: modest, self-effacing' through ... The Answer is:"
 */
export function generationPrompt(item: GenerationItem, variant: number, protocol: Protocol): string {
  const k = checkVariant(variant);
  const sw = PROMPT_SWITCHES[protocol];
  const { country, topic, value, polarity } = item;
  const positive = polarity === "positive";
  const claim = `'${value}: ${DEFINITION[value]}'`;
  const firstPerson = "Please use a complete sentence within 50 words. Please answer in the first person, for example, 'I ...'";

  const actionA = k % 2 === 0;
  const verb = actionA ? (positive ? "endorse" : "dislike") : positive ? "express" : "resist";
  const action = actionA
    ? `Suppose you are from ${country}, in the context of ${topic}, can you describe one action or behavior which indicates that you ${verb} the value of ${claim}? ${firstPerson}`
    : `As someone from ${country}, how do you ${verb} ${claim} through your actions when dealing with ${topic}? ${firstPerson}`;

  const explained = sw.explanationUsesActionVerb ? verb : polarity;
  const expl = `additionally, please use natural language to explain why this action or behavior indicates that you ${explained} the value of '${value}';`;
  const attr = "also, please identify the specific text spans in the generated action.";
  const middle = k === 2 || k === 3 || k === 6 || k === 7 ? [attr, expl] : [expl, attr];

  const req0 =
    "Answer in JSON format, with the following format: {'Human Action': string, 'Feature Attributions': List[string], 'Natural Language Explanation': string}";
  const requirement = k < 4 ? req0 : `${req0}. The Answer is:`;

  return [action, ...middle, requirement].join(sw.generationSeparator);
}

/** The generation call's messages: the authors' system message, then the prompt. */
export function generationMessages(item: GenerationItem, variant: number, protocol: Protocol): Message[] {
  return [
    { role: "system", content: GENERATION_SYSTEM },
    { role: "user", content: generationPrompt(item, variant, protocol) },
  ];
}
