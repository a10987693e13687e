/**
 * The simulator's reasoning modes (reasoning.ts), in a file with no imports so that
 * the CLI can offer them as choices without loading the simulator at start-up.
 */
export const REASONING_MODES = ["off", "inline", "field", "both"] as const;
export type ReasoningMode = (typeof REASONING_MODES)[number];
