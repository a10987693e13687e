/**
 * Prompt variants are numbered 0..7 in every task, as in the authors' code.
 * Each task decodes the index into its own blocks (see the task files).
 */
export const PROMPT_VARIANTS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
export type PromptVariant = (typeof PROMPT_VARIANTS)[number];

/** The index, checked: a variant outside 0..7 is a programming error, not model text. */
export function checkVariant(variant: number): PromptVariant {
  if (!Number.isInteger(variant) || variant < 0 || variant > 7) {
    throw new RangeError(`prompt variant must be an integer 0..7, got ${variant}`);
  }
  return variant as PromptVariant;
}
