import type { CompletionRequest } from "./types";

/**
 * An endpoint that does not do structured outputs answers a request with
 * `response_format` by a non-retryable 400 (OpenAI: "Invalid parameter:
 * 'response_format' of type 'json_schema' is not supported with this model";
 * vLLM / llama.cpp / Ollama word it their own way, some with 422). Told
 * apart from other 400s by naming the parameter, so "temperature is not
 * supported" never counts: only the message of an attempt that carried a
 * response format is tested.
 */
export function isResponseFormatRejection(message: string): boolean {
  return /^HTTP (400|422)\b/.test(message) && /response[_ ]?format|json[_ ]?schema|structured[_ ]outputs?|guided[_ ]decoding/i.test(message);
}

/** A rejection error, as the transport writes it (for the pipeline, which stops the run on it). */
export const REJECTION_PREFIX = "endpoint rejected response_format";

/** The one line a rejected call's error carries (the provider's message is scrubbed of secrets later, with every error). */
export function rejectionMessage(providerMessage: string): string {
  return `${REJECTION_PREFIX} json_schema (${providerMessage})`;
}

/** The same request as plain text (what --response-format-fallback sends after a rejection). */
export function withoutResponseFormat(req: CompletionRequest): CompletionRequest {
  const { responseFormat: _dropped, ...plain } = req;
  return plain;
}
