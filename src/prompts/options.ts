import type { Protocol } from "../protocol";

/** Additions to a task prompt that the study's own prompts do not have. */
export interface PromptOptions {
  /**
   * Ask for a 0–100 confidence in the JSON answer (issue 12, verbalized
   * confidence). Robust protocol only: the paper's prompts never had it, and
   * asking changes the answer a model gives.
   */
  verbalized?: boolean;
}

/** A verbalized-confidence request under the paper protocol is a programming error (the CLI refuses it first). */
export function checkPromptOptions(protocol: Protocol, options: PromptOptions): void {
  if (options.verbalized && protocol === "paper") throw new RangeError("verbalized confidence is a robust-protocol option; the paper protocol's prompts are the authors'");
}
