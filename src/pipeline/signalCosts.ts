import { callCost, type Price } from "../llm/cost";
import { estimateTokens } from "../llm/estimate";
import type { CompletionRequest } from "../llm/types";
import { TASK1_VERBALIZED, TASK2_VERBALIZED } from "../prompts";
import type { TaskName } from "../runs/records";
import type { WorkItem } from "./items";

/**
 * What each confidence signal adds to a run, before anything is spent (issue
 * 12 item 6): replicates are extra calls, counterbalancing (Task 2) doubles
 * the calls, a verbalized confidence adds its request to every prompt and a
 * few completion tokens to every answer; logprobs add no call and no token.
 */

/** Completion tokens a verbalized confidence adds to one answer: `, "confidence": 85` (~8 tokens) plus slack. */
export const VERBALIZED_COMPLETION_TOKENS = 10;

export interface SignalCost {
  signal: "replicates" | "order" | "verbalized" | "logprobs";
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
}

/**
 * Extra calls and tokens per signal among the calls a run will make
 * (`requests[i]` belongs to `items[i]`; cache hits cost nothing):
 *
 *   replicates: the calls of replicates ≥ 1 (their estimated tokens)
 *   order:      Task 2 calls of the variants added by counterbalancing, replicate 0
 *   verbalized: every call × (tokens of the request text, VERBALIZED_COMPLETION_TOKENS)
 *   logprobs:   0 calls, 0 tokens
 *
 * `estimate` is the client's dry-run estimator (cache-aware).
 */
export function signalCosts(
  task: TaskName,
  items: readonly WorkItem<unknown>[],
  requests: readonly CompletionRequest[],
  o: { askedVariants: readonly number[]; replicates: number; verbalized: boolean; logprobs: boolean; price: Price | null },
  estimate: (requests: Iterable<CompletionRequest>) => { calls: number; cacheHits: number; promptTokens: number; completionTokens: number; costUsd: number | null },
): SignalCost[] {
  const out: SignalCost[] = [];
  const subset = (signal: SignalCost["signal"], keep: (it: WorkItem<unknown>) => boolean) => {
    const e = estimate(requests.filter((_, i) => keep(items[i])));
    out.push({ signal, calls: e.calls - e.cacheHits, promptTokens: e.promptTokens, completionTokens: e.completionTokens, costUsd: e.costUsd });
  };
  if (o.replicates > 1) subset("replicates", (it) => it.replicate >= 1);
  if (task === "task2") {
    const asked = new Set(o.askedVariants);
    if (items.some((it) => !asked.has(it.variant))) subset("order", (it) => it.replicate === 0 && !asked.has(it.variant));
  }
  if (o.verbalized && task !== "generate") {
    const fresh = estimate(requests);
    const calls = fresh.calls - fresh.cacheHits;
    const promptTokens = calls * estimateTokens(task === "task1" ? TASK1_VERBALIZED : TASK2_VERBALIZED);
    const completionTokens = calls * VERBALIZED_COMPLETION_TOKENS;
    out.push({ signal: "verbalized", calls: 0, promptTokens, completionTokens, costUsd: callCost({ promptTokens, completionTokens }, o.price) });
  }
  if (o.logprobs) out.push({ signal: "logprobs", calls: 0, promptTokens: 0, completionTokens: 0, costUsd: o.price ? 0 : null });
  return out;
}

/** One line for the plan: "confidence signals: replicates +N calls ~P+C tokens ($x); ...". */
export function signalCostLine(costs: readonly SignalCost[]): string | null {
  if (costs.length === 0) return null;
  const money = (c: number | null) => (c === null ? "cost unknown" : `$${c.toFixed(4)}`);
  const parts = costs.map((c) =>
    c.signal === "logprobs"
      ? "logprobs: no extra calls or tokens"
      : `${c.signal}: +${c.calls} calls, ~+${c.promptTokens} prompt + ~+${c.completionTokens} completion tokens (${money(c.costUsd)})`,
  );
  return `confidence signals (included in the totals above): ${parts.join("; ")}`;
}
