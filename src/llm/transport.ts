import OpenAI from "openai";
import type { TokenLogprob } from "../parse/answerProbability";
import type { Usage } from "../runs/records";
import { scrubSecrets, secretsFromEnv } from "../secrets";
import { classifyError, type AttemptFailure } from "./classify";
import { callCost, type Price } from "./cost";
import { chatRequestBody, type MaxTokensField } from "./request";
import { isResponseFormatRejection, rejectionMessage, withoutResponseFormat } from "./responseFormat";
import type { CompletionRequest, CompletionResult, LlmClient } from "./types";

/**
 * The bottom layer: ONE attempt of one request through the official `openai`
 * SDK (its own retries off), with our timeout covering the body too, and the
 * body checked by hand. Never throws: a failed attempt is a result with
 * `error` and `failure.kind` (what the retry layer decides on).
 */

export interface TransportOptions {
  baseUrl: string;
  /** Handed to the SDK only; never stored, logged or returned. Local servers need none. */
  apiKey?: string;
  /** Per attempt, covering headers and body (default 60 s). */
  timeoutMs?: number;
  price?: Price | null;
  /** After the first rejection of a response_format, send every request without one (else each such call fails at once). */
  responseFormatFallback?: boolean;
}

export interface Transport extends LlmClient {
  /** HTTP attempts made so far. */
  readonly attempts: number;
}

/** Key of the per-request fetch option through which the SDK tells us the request is leaving. */
const ON_FETCH = "vagOnFetch";

/** The global fetch, calling the request's start hook (and not passing it on). */
const startSignallingFetch = (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const { [ON_FETCH]: onFetch, ...rest } = (init ?? {}) as RequestInit & { [ON_FETCH]?: () => void };
  onFetch?.();
  return fetch(url, rest);
};

export type Attempt =
  | { ok: true; output: string; usage: Usage | null; simulated: boolean; simulatorSeed?: number; logprobs?: TokenLogprob[] | null; reasoning?: string }
  | ({ ok: false } & AttemptFailure);

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const apiKey = options.apiKey || "local-no-key";
  const secrets = [apiKey, ...secretsFromEnv()];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const price = options.price ?? null;
  // baseURL and apiKey are always explicit so the SDK never falls back to its own env reading;
  // its logger is off because debug logs would print request details.
  const sdk = new OpenAI({ apiKey, baseURL: baseUrl, maxRetries: 0, timeout: timeoutMs, logLevel: "off", fetch: startSignallingFetch });
  let attempts = 0;
  // On the 400 that asks for max_completion_tokens the transport switches once, for good.
  let maxTokensField: MaxTokensField = "max_tokens";
  // The endpoint's refusal of response_format, once seen: it holds for good, like the field switch above.
  let responseFormatRejection: string | null = null;

  async function send(req: CompletionRequest): Promise<Attempt> {
    const controller = new AbortController();
    // Our own timer covers the body too (the SDK's timeout stops at the headers). It starts
    // when the request goes on the wire, so the SDK's one-time start-up (a few hundred ms in
    // a fresh process) never counts against the endpoint; a backstop covers a stuck SDK.
    let timer: NodeJS.Timeout | null = null;
    const startTimer = () => {
      if (timer === null) timer = setTimeout(() => controller.abort(), timeoutMs);
    };
    const backstop = setTimeout(() => controller.abort(), 2 * timeoutMs + 5000);
    attempts++;
    try {
      const resp: unknown = await sdk.chat.completions.create(chatRequestBody(req, maxTokensField), {
        signal: controller.signal,
        maxRetries: 0,
        timeout: timeoutMs + 1000, // our timer (above) is the one meant to fire
        fetchOptions: { [ON_FETCH]: startTimer } as object,
      });
      return interpret(resp);
    } catch (e) {
      if (controller.signal.aborted || e instanceof OpenAI.APIConnectionTimeoutError) {
        return { ok: false, kind: "timeout", message: `no complete response within ${timeoutMs} ms`, retryAfterMs: null };
      }
      return { ok: false, ...classifyError(e) };
    } finally {
      if (timer !== null) clearTimeout(timer);
      clearTimeout(backstop);
    }
  }

  async function attempt(req: CompletionRequest): Promise<Attempt> {
    let a = await send(req);
    if (!a.ok && a.kind === null && maxTokensField === "max_tokens" && req.maxTokens !== undefined && /max_completion_tokens/.test(a.message)) {
      maxTokensField = "max_completion_tokens";
      a = await send(req);
    }
    return a;
  }

  async function complete(req: CompletionRequest): Promise<CompletionResult> {
    const t0 = performance.now();
    if (!req.responseFormat) return attemptResult(await attempt(req), performance.now() - t0, price, secrets);
    // Structured outputs: one rejection decides for the rest of the run (no call is sent
    // with a format the endpoint refused; with the fallback, none carries one any more).
    const rejected = (message: string): CompletionResult => ({
      ...attemptResult({ ok: false, kind: null, message: rejectionMessage(message), retryAfterMs: null }, performance.now() - t0, price, secrets),
      responseFormatOutcome: "rejected",
    });
    const dropped = async (): Promise<CompletionResult> => ({
      ...attemptResult(await attempt(withoutResponseFormat(req)), performance.now() - t0, price, secrets),
      responseFormatOutcome: "dropped",
    });
    if (responseFormatRejection !== null) return options.responseFormatFallback ? dropped() : rejected(responseFormatRejection);
    const a = await attempt(req);
    if (a.ok || a.kind !== null || !isResponseFormatRejection(a.message)) return attemptResult(a, performance.now() - t0, price, secrets);
    responseFormatRejection = a.message;
    return options.responseFormatFallback ? dropped() : rejected(a.message);
  }

  return {
    complete,
    get attempts() {
      return attempts;
    },
  };
}

/** An attempt as a result: cost from the price, the error scrubbed of secrets and kept short. */
export function attemptResult(a: Attempt, latencyMs: number, price: Price | null, secrets?: readonly string[]): CompletionResult {
  if (a.ok)
    return {
      output: a.output,
      error: null,
      usage: a.usage,
      costUsd: callCost(a.usage, price),
      cached: false,
      latencyMs,
      retries: {},
      simulated: a.simulated,
      ...(a.simulatorSeed !== undefined ? { simulatorSeed: a.simulatorSeed } : {}),
      ...(a.logprobs !== undefined ? { logprobs: a.logprobs } : {}),
      ...(a.reasoning !== undefined ? { reasoning: a.reasoning } : {}),
    };
  return {
    output: null,
    error: scrubSecrets(a.message.replace(/\s+/g, " ").trim(), secrets ?? secretsFromEnv()).slice(0, 450),
    usage: null,
    costUsd: null,
    cached: false,
    latencyMs,
    retries: {},
    simulated: false,
    failure: { kind: a.kind, retryAfterMs: a.retryAfterMs },
  };
}

/**
 * A response the SDK accepted, checked by hand: some servers answer 200 with
 * a text body, an `error` object, no or empty `choices`, or a null content.
 */
export function interpret(resp: unknown): Attempt {
  if (resp === null || typeof resp !== "object") {
    return { ok: false, kind: "bad-body", message: "response body is not a JSON object", retryAfterMs: null };
  }
  const r = resp as {
    choices?: unknown;
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
    system_fingerprint?: unknown;
    error?: { message?: unknown };
  };
  if (!Array.isArray(r.choices)) {
    const why = typeof r.error?.message === "string" ? `: ${r.error.message}` : "";
    return { ok: false, kind: "bad-body", message: `response has no choices${why}`, retryAfterMs: null };
  }
  if (r.choices.length === 0) return { ok: false, kind: "empty-choices", message: "response has empty choices", retryAfterMs: null };
  const choice = r.choices[0] as { message?: { content?: unknown; refusal?: unknown; reasoning_content?: unknown; reasoning?: unknown }; logprobs?: { content?: unknown } | null } | null;
  const msg = choice?.message;
  const reasoning = reasoningField(msg);
  // A reasoning model cut off by max_tokens sends its reasoning and no content: an answer
  // of "" (the parse then fails and is recorded) rather than a bad body retried forever.
  const output = typeof msg?.content === "string" ? msg.content : typeof msg?.refusal === "string" ? msg.refusal : reasoning !== null ? "" : null;
  if (output === null) return { ok: false, kind: "bad-body", message: "response has no message content", retryAfterMs: null };
  const int = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? Math.round(x) : 0);
  const usage = r.usage && typeof r.usage === "object" ? { promptTokens: int(r.usage.prompt_tokens), completionTokens: int(r.usage.completion_tokens) } : null;
  const simulated = typeof r.system_fingerprint === "string" && r.system_fingerprint.startsWith("vag-sim");
  const logprobs = tokenLogprobs(choice?.logprobs?.content);
  const seed = simulated ? /^vag-sim-(\d+)/.exec(r.system_fingerprint as string) : null;
  return {
    ok: true,
    output,
    usage,
    simulated,
    ...(seed ? { simulatorSeed: Number(seed[1]) } : {}),
    ...(logprobs ? { logprobs } : {}),
    ...(reasoning !== null ? { reasoning } : {}),
  };
}

/**
 * The provider's separate reasoning text: `reasoning_content` (DeepSeek API,
 * vLLM with a reasoning parser) or `reasoning` (OpenRouter, Ollama's OpenAI
 * endpoint, Groq with reasoning_format=parsed); both joined by a blank line
 * when a server sends two different ones. Empty strings count as none.
 */
function reasoningField(msg: { reasoning_content?: unknown; reasoning?: unknown } | null | undefined): string | null {
  const parts = [msg?.reasoning_content, msg?.reasoning].filter((x): x is string => typeof x === "string" && x.trim() !== "");
  const distinct = parts.filter((x, i) => parts.indexOf(x) === i);
  return distinct.length > 0 ? distinct.join("\n\n") : null;
}

/** `choices[0].logprobs.content` checked entry by entry (a malformed list is dropped, never fatal). */
function tokenLogprobs(content: unknown): TokenLogprob[] | null {
  if (!Array.isArray(content) || content.length === 0) return null;
  const out: TokenLogprob[] = [];
  for (const t of content as Array<{ token?: unknown; logprob?: unknown; top_logprobs?: unknown }>) {
    if (typeof t?.token !== "string" || typeof t.logprob !== "number" || !Number.isFinite(t.logprob)) return null;
    const top = Array.isArray(t.top_logprobs)
      ? (t.top_logprobs as Array<{ token?: unknown; logprob?: unknown }>)
          .filter((a) => typeof a?.token === "string" && typeof a.logprob === "number" && Number.isFinite(a.logprob))
          .map((a) => ({ token: a.token as string, logprob: a.logprob as number }))
      : [];
    out.push({ token: t.token, logprob: t.logprob, top_logprobs: top });
  }
  return out;
}
