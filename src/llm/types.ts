import type { TokenLogprob } from "../parse/answerProbability";
import type { ResponseFormat } from "../prompts/responseSchemas";
import type { Message, Usage } from "../runs/records";

export type { ResponseFormat } from "../prompts/responseSchemas";

/**
 * One chat-completion request. Sampling parameters left undefined are not sent
 * (the paper protocol's Task 1 passes no temperature).
 */
export interface CompletionRequest {
  model: string;
  messages: Message[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  /** Replicate index: part of the cache key so repeated samples are distinct entries. */
  replicate?: number;
  /** Ask for the log probability of every output token (`logprobs: true`); costs no extra call or token. */
  logprobs?: boolean;
  /** With logprobs: how many alternatives per token (`top_logprobs`, 0..20). */
  topLogprobs?: number;
  /** Structured outputs (`response_format`, robust protocol): absent = plain text, nothing sent. */
  responseFormat?: ResponseFormat;
}

/**
 * The result of a completion: errors are values (promptfoo's provider habit),
 * the pipeline never sees a thrown error from the LLM layer.
 */
export interface CompletionResult {
  output: string | null;
  error: string | null;
  usage: Usage | null;
  costUsd: number | null;
  cached: boolean;
  /** From the first attempt (time queued in the limiter excluded) to the end, retries and backoff included. */
  latencyMs: number;
  /** Retries spent on this call, by kind (e.g. "429", "500", "timeout", "reset", "bad-body"). */
  retries: Record<string, number>;
  /**
   * True when the answer came from the built-in simulator (its responses carry
   * `system_fingerprint: "vag-sim-<seed>"`): such results are never about a real model.
   */
  simulated: boolean;
  /** The simulator's seed (from `system_fingerprint: "vag-sim-<seed>"`), so an analysis can find its ground truth. */
  simulatorSeed?: number;
  /** The tokens with their log probabilities, when the request asked for logprobs and the endpoint returned them. */
  logprobs?: TokenLogprob[] | null;
  /**
   * The provider's separate reasoning text (`message.reasoning_content` from
   * DeepSeek and vLLM's reasoning parsers, `message.reasoning` from OpenRouter,
   * Ollama and Groq), kept verbatim and never parsed: `output` stays the content
   * alone. Absent when the provider sent none.
   */
  reasoning?: string | null;
  /**
   * Set by the transport on a failed attempt: the retry kind (null = not worth
   * retrying, e.g. a 400) and the server's requested wait. The retry layer reads it.
   */
  failure?: { kind: string | null; retryAfterMs: number | null };
  /**
   * Set by the transport when the endpoint refused the request's response_format:
   * "rejected" = this call failed for it; "dropped" = it was sent again without
   * one (--response-format-fallback), so the answer is a plain-text one.
   */
  responseFormatOutcome?: "rejected" | "dropped";
}

export interface LlmClient {
  complete(request: CompletionRequest): Promise<CompletionResult>;
}

/** A layer of the client (limiter, retry, cache): a client in, a client out. */
export type ClientLayer = (inner: LlmClient) => LlmClient;
