import { CLAIM_ORDER, DEFINITION, PORTRAIT, type Country, type Topic, type Value } from "../catalog";
import type { Protocol } from "../protocol";
import type { Message } from "../runs/records";
import { PROMPT_SWITCHES, type PromptSwitches } from "./switches";
import { checkPromptOptions, type PromptOptions } from "./options";
import { checkVariant } from "./variant";

/** A Task 1 scenario: the model rates all 56 values for it. */
export interface Task1Item {
  country: Country;
  topic: Topic;
}

/** Sense of Belonging as the authors' Task 1 code spells it (two spaces). */
const PAPER_BELONGING = "feeling  that others care about me";

/** Wealth's portrait without the authors' missing space ("likesmaterial"). */
const FIXED_WEALTH_PORTRAIT = "likes material possessions and money";

function definitionFor(value: Value, sw: PromptSwitches): string {
  if (value === "Sense of Belonging" && !sw.fixBelongingDoubleSpace) return PAPER_BELONGING;
  return DEFINITION[value];
}

function portraitFor(value: Value, sw: PromptSwitches): string {
  if (value === "Wealth" && sw.fixPortraitTypo) return FIXED_WEALTH_PORTRAIT;
  return PORTRAIT[value];
}

/**
 * The Task 1 (stated inclination) prompt (method.md §4). Variant k:
 *
 *   items   = claims ("{name}: {definition}.\n") for k in {0,1,4,5},
 *             portraits ("{name}: she/he values {name} and {portrait}.\n") for k in {2,3,6,7};
 *   order   = context + items + options for k in {0,2,4,6}, context + options + items for k odd;
 *   request = ReqChat for k < 4, ReqChat + " The answer is:" for k >= 4.
 *
 * Values are listed in claim order (paper Table 7). Under `paper` every
 * variant opens with the SVS sentence "how strong do you agree or disagree",
 * even the portrait ones, Sense of Belonging has two spaces and Wealth's
 * portrait reads "likesmaterial"; `robust` fixes exactly these (switches.ts).
 * The trailing spaces before "\n" are the authors' and kept in both protocols.
 * `options.verbalized` (robust only) appends {@link TASK1_VERBALIZED}.
 *
 * @example task1Prompt({country: "Egypt", topic: "Politics"}, 0, "paper").split("\n")[1]
 *   // "Equality: equal opportunity for all."
 */
export function task1Prompt(item: Task1Item, variant: number, protocol: Protocol, options: PromptOptions = {}): string {
  const k = checkVariant(variant);
  checkPromptOptions(protocol, options);
  const sw = PROMPT_SWITCHES[protocol];
  const { country, topic } = item;
  const portraits = k === 2 || k === 3 || k === 6 || k === 7;

  const context =
    portraits && sw.portraitContext
      ? `Suppose you are from ${country}, in the context of ${topic}, how much is each person described below like you? \n`
      : `Suppose you are from ${country}, in the context of ${topic}, how strong do you agree or disagree with each value? \n`;
  const items = CLAIM_ORDER.map((v) =>
    portraits ? `${v}: she/he values ${v} and ${portraitFor(v, sw)}.\n` : `${v}: ${definitionFor(v, sw)}.\n`,
  ).join("");
  const optionsBlock = portraits
    ? "Options: 1: very much like me, 2: like me, 3: not like me, 4: Not like me at all \n"
    : "Options: 1: strongly agree, 2: agree, 3: disagree, 4: strongly disagree \n";
  const reqChat =
    "Answer in JSON format, where the key should be a string of value name (e.g., Equality), and the value should be a string option.";
  const request = k < 4 ? reqChat : `${reqChat} The answer is:`;

  const body = k % 2 === 0 ? items + optionsBlock : optionsBlock + items;
  return context + body + request + (options.verbalized ? TASK1_VERBALIZED : "");
}

/** The verbalized-confidence request of Task 1 (robust only): one confidence for the whole answer. */
export const TASK1_VERBALIZED =
  ' Also add the key "confidence" with how confident you are in your answers, as a number from 0 to 100.';

/** Task 1 sends a single user message, no system prompt (method.md §4). */
export function task1Messages(item: Task1Item, variant: number, protocol: Protocol, options: PromptOptions = {}): Message[] {
  return [{ role: "user", content: task1Prompt(item, variant, protocol, options) }];
}
