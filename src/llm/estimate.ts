import type { Message } from "../runs/records";
import { callCost, type Price } from "./cost";
import type { CompletionRequest } from "./types";

/**
 * Token estimates for dry runs, before anything is spent. No tokenizer: about
 * 4 characters per token for English (OpenAI's rule of thumb), plus ~4 tokens
 * of chat framing per message and 3 to prime the reply. Good to ±25% on the
 * study's prompts, which is enough to decide whether a run is affordable.
 */
export const CHARS_PER_TOKEN = 4;
const PER_MESSAGE = 4;
const PER_REPLY = 3;
/** Completion tokens assumed when a request sets no maxTokens. */
export const DEFAULT_COMPLETION_TOKENS = 512;

/** ceil(chars / 4) */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export function estimatePromptTokens(messages: readonly Message[]): number {
  return messages.reduce((n, m) => n + PER_MESSAGE + estimateTokens(m.content), PER_REPLY);
}

export interface RunEstimate {
  calls: number;
  cacheHits: number;
  /** Tokens that would be sent/received by the calls that miss the cache. */
  promptTokens: number;
  completionTokens: number;
  /** Estimated spend, null when the model has no price. */
  costUsd: number | null;
}

/**
 * What a run would cost: cache hits are free; every other call is estimated
 * at its prompt estimate and `completionTokens` (default: the request's
 * maxTokens, else 512, an upper-ish guess for the study's JSON answers).
 */
export function estimateRun(
  requests: Iterable<CompletionRequest>,
  options: { isCached?: (r: CompletionRequest) => boolean; completionTokens?: number; price?: Price | null } = {},
): RunEstimate {
  const est: RunEstimate = { calls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, costUsd: null };
  for (const r of requests) {
    est.calls++;
    if (options.isCached?.(r)) {
      est.cacheHits++;
      continue;
    }
    est.promptTokens += estimatePromptTokens(r.messages);
    est.completionTokens += options.completionTokens ?? r.maxTokens ?? DEFAULT_COMPLETION_TOKENS;
  }
  est.costUsd = callCost({ promptTokens: est.promptTokens, completionTokens: est.completionTokens }, options.price);
  return est;
}
