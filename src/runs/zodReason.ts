import type { z } from "zod";

/**
 * A zod error as one short line for `FILE:LINE: reason` messages: the first
 * issue with its path, and how many more there were.
 *
 *   "answers.Wealth: Too big: expected number to be <=4 (+1 more)"
 */
export function zodReason(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return "invalid record";
  const path = first.path.map(String).join(".");
  const msg = first.message.split("\n")[0];
  return `${path ? `${path}: ` : ""}${msg}${rest.length ? ` (+${rest.length} more)` : ""}`;
}
