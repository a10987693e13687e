import { z } from "zod";
import { zodReason } from "../runs/zodReason";
import { scrubSecrets } from "../secrets";
import type { Price } from "./cost";
import { attemptResult, interpret } from "./transport";
import type { CompletionRequest, CompletionResult, LlmClient } from "./types";

/**
 * Provider batch files (OpenAI's Batch API; vLLM's `run-batch` reads and
 * writes the same format). Input: one request per line,
 *   {"custom_id": ID, "method": "POST", "url": "/v1/chat/completions", "body": <chat request>}
 * Output: one result per line, in any order,
 *   {"id", "custom_id", "response": {"status_code", "request_id", "body"} | null, "error": {"code", "message"} | null}
 * Output files come from elsewhere: every field we read is checked with zod
 * before it becomes a result.
 */

/** The provider's per-file limits (OpenAI: 50,000 requests, 200 MB). */
export const BATCH_LIMITS = { requests: 50_000, bytes: 200 * 1024 * 1024 } as const;
export const BATCH_URL = "/v1/chat/completions";

export const BatchInputLine = z
  .object({
    custom_id: z.string().min(1),
    method: z.literal("POST"),
    url: z.literal(BATCH_URL),
    body: z.object({ model: z.string().min(1), messages: z.array(z.object({ role: z.string(), content: z.string() })) }).passthrough(),
  })
  .strict();
export type BatchInputLine = z.infer<typeof BatchInputLine>;

/** One input line (with its newline). */
export function batchInputLine(customId: string, body: object): string {
  return JSON.stringify({ custom_id: customId, method: "POST", url: BATCH_URL, body }) + "\n";
}

/** Group lines into files within the limits, in order; a single line over the byte limit is refused. */
export function splitBatchLines(lines: readonly string[], limits: { requests: number; bytes: number } = BATCH_LIMITS): string[][] {
  const parts: string[][] = [];
  let cur: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const n = Buffer.byteLength(line, "utf8");
    if (n > limits.bytes) throw new Error(`one batch request is ${n} bytes, over the per-file limit of ${limits.bytes}`);
    if (cur.length > 0 && (cur.length >= limits.requests || bytes + n > limits.bytes)) {
      parts.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(line);
    bytes += n;
  }
  if (cur.length > 0) parts.push(cur);
  return parts;
}

export const BatchOutputLine = z
  .object({
    id: z.string().nullable().optional(),
    custom_id: z.string().min(1),
    response: z
      .object({
        status_code: z.number().int().min(100).max(599),
        request_id: z.string().nullable().optional(),
        body: z.unknown().optional(),
      })
      .nullable(),
    // OpenAI sends {code, message}; vLLM's run-batch sends the message as a string.
    error: z.union([z.string(), z.object({ code: z.string().nullable().optional(), message: z.string().nullable().optional() })]).nullable().optional(),
  })
  .refine((l) => l.response !== null || (l.error !== null && l.error !== undefined), { message: "neither a response nor an error" });
export type BatchOutputLine = z.infer<typeof BatchOutputLine>;

/** The parts of a chat completion we read, as an untrusted body must have them. */
const ChatCompletionBody = z.object({
  choices: z.array(
    z.object({
      // reasoning_content / reasoning: a reasoning model's separate deliberation (vLLM, DeepSeek, OpenRouter), kept by
      // interpret when it is text and dropped otherwise (some gateways send an object), as on a live call.
      message: z
        .object({
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
          reasoning_content: z.unknown().optional(),
          reasoning: z.unknown().optional(),
        })
        .nullable()
        .optional(),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullable().optional(),
  system_fingerprint: z.string().nullable().optional(),
});

const ErrorBody = z.object({ error: z.object({ message: z.string() }) });

const failed = (message: string): CompletionResult => ({
  output: null,
  error: scrubSecrets(message.replace(/\s+/g, " ").trim()).slice(0, 500),
  usage: null,
  costUsd: null,
  cached: false,
  latencyMs: 0,
  retries: {},
  simulated: false,
});

/**
 * One output line as the result of a call: a 200 with a usable completion is
 * an answer (cost at the batch price); a non-200, an `error` or an unusable
 * body is a failed call, which the next export includes again.
 */
export function batchResult(line: BatchOutputLine, batchPrice: Price | null): CompletionResult {
  const r = line.response;
  if (r === null || r === undefined || line.error) {
    const e = typeof line.error === "string" ? { code: null, message: line.error } : line.error;
    return failed(`batch error${e?.code ? ` ${e.code}` : ""}${r ? ` (HTTP ${r.status_code})` : ""}: ${e?.message ?? "no response"}`);
  }
  if (r.status_code !== 200) {
    const eb = ErrorBody.safeParse(r.body);
    return failed(`HTTP ${r.status_code} (batch)${eb.success ? `: ${eb.data.error.message}` : ""}`);
  }
  const body = ChatCompletionBody.safeParse(r.body);
  if (!body.success) return failed(`batch response body: ${zodReason(body.error)}`);
  const a = interpret(r.body);
  const result = attemptResult(a, 0, batchPrice);
  const { failure: _kind, ...rest } = result;
  return rest;
}

/** Batch price from the live price: each per-token price x (1 - discount). */
export function batchPrice(price: Price | null, discount: number): Price | null {
  return price ? { input: price.input * (1 - discount), output: price.output * (1 - discount) } : null;
}

/**
 * The bottom layer of a batch import: answers each request from the output
 * lines already read, found by `keyOf(request)`, so the records are built by
 * the same path as a live call and the answers land in the cache above it.
 */
export function batchReplay<K>(results: ReadonlyMap<K, CompletionResult>, keyOf: (req: CompletionRequest) => K): LlmClient {
  return {
    async complete(req) {
      return results.get(keyOf(req)) ?? failed("no line for this request in the batch output");
    },
  };
}
