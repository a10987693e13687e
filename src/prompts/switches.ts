import type { Protocol } from "../protocol";

/**
 * The only ways the two protocols' prompt texts differ: the defects of
 * method.md §12 items 7 and 8. Everything else (the typo "aspriring", the
 * trailing spaces before `\n`, the run-together Task 2 blocks, the few-shot
 * texts) is identical under both protocols.
 */
export interface PromptSwitches {
  /**
   * §12.8. Text put between the blocks of the generation prompt. The authors
   * join them with nothing ("...'I ...'additionally, ..."). The robust
   * protocol uses one space: the blocks are written as clauses of one running
   * request (lower-case "additionally,", "also,", ";"), so a space reads as
   * intended where a newline would start lines in lower case.
   */
  generationSeparator: string;
  /**
   * §12.8. The explanation block says "indicates that you {word} the value":
   * false = the raw polarity word ("positive"/"negative", the authors' bug);
   * true = the verb of the action block (endorse/dislike after ActionA,
   * express/resist after ActionB).
   */
  explanationUsesActionVerb: boolean;
  /**
   * §12.7. Task 1 portrait variants (2, 3, 6, 7): false = the SVS sentence
   * "how strong do you agree or disagree with each value?" (the authors call
   * the context builder without its index); true = a PVQ sentence that fits
   * portraits rated "very much like me" .. "not like me at all".
   */
  portraitContext: boolean;
  /** §12.7. Wealth's portrait "likesmaterial possessions and money" gets its space. */
  fixPortraitTypo: boolean;
  /** §12.7. Sense of Belonging reads "feeling␣␣that" (two spaces) in Task 1 prompts unless fixed. */
  fixBelongingDoubleSpace: boolean;
}

export const PROMPT_SWITCHES: Record<Protocol, PromptSwitches> = {
  paper: {
    generationSeparator: "",
    explanationUsesActionVerb: false,
    portraitContext: false,
    fixPortraitTypo: false,
    fixBelongingDoubleSpace: false,
  },
  robust: {
    generationSeparator: " ",
    explanationUsesActionVerb: true,
    portraitContext: true,
    fixPortraitTypo: true,
    fixBelongingDoubleSpace: true,
  },
};
