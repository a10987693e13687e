import type OpenAI from "openai";
import type { CompletionRequest } from "./types";

/** Newer OpenAI models refuse `max_tokens` and take `max_completion_tokens` (same meaning). */
export type MaxTokensField = "max_tokens" | "max_completion_tokens";

/**
 * The chat-completion body of a request: the ONE place a request becomes what
 * goes on the wire, so a live call and a batch file line send the same bytes.
 * Sampling parameters left undefined are not sent (the paper protocol's
 * Task 1 passes no temperature); the replicate index is ours and never sent
 * (it reaches the model only through seed + replicate). A response format
 * is sent only when the request has one (old bodies are byte-identical).
 */
export function chatRequestBody(req: CompletionRequest, maxTokensField: MaxTokensField = "max_tokens"): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming {
  const body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = { model: req.model, messages: req.messages };
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.maxTokens !== undefined) body[maxTokensField] = req.maxTokens;
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.logprobs) {
    body.logprobs = true;
    if (req.topLogprobs !== undefined) body.top_logprobs = req.topLogprobs;
  }
  if (req.responseFormat) body.response_format = req.responseFormat;
  return body;
}
