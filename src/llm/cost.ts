import type { Usage } from "../runs/records";

/** Prices in USD per million tokens, as providers quote them. */
export interface Price {
  input: number;
  output: number;
}

/**
 * Cost of one call in USD:
 *   cost = (promptTokens * price.input + completionTokens * price.output) / 1e6
 * Null when the model has no price or the call reported no usage.
 *
 *   callCost({ promptTokens: 1000, completionTokens: 200 }, { input: 0.15, output: 0.6 }) === 0.00027
 */
export function callCost(usage: Usage | null, price: Price | null | undefined): number | null {
  if (!usage || !price) return null;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1e6;
}
