import OpenAI from "openai";
import type { Usage } from "../runs/records";
import { scrubSecrets, secretsFromEnv } from "../secrets";
import { cacheKey, DEFAULT_CACHE_DIR, normalizeEndpoint, openCache, type ResponseCache } from "./cache";
import { classifyError, type AttemptFailure } from "./classify";
import { callCost, type Price } from "./cost";
import { estimateRun, type RunEstimate } from "./estimate";
import { createLimiter } from "./limiter";
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from "./retry";
import type { CompletionRequest, CompletionResult, LlmClient } from "./types";
import type { LlmConfig } from "./config";

/**
 * The one LLM client: the official `openai` SDK against any OpenAI-compatible
 * endpoint, wrapped with the response cache, the limiter and OUR retries (the
 * SDK's maxRetries is 0, so every retry is counted by kind). `complete` never
 * throws: a call that finally fails returns `{ output: null, error }`.
 */

export interface LlmClientOptions {
  baseUrl: string;
  /** Handed to the SDK only; never stored, logged or returned. Local servers need none. */
  apiKey?: string;
  /** Per attempt, covering headers and body (default 60 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 6). */
  maxRetries?: number;
  concurrency?: number;
  requestsPerMinute?: number;
  price?: Price | null;
  cacheDir?: string;
  /** Neither read nor write the cache. */
  noCache?: boolean;
  /** Ignore cached answers but store the fresh ones (the later line wins). */
  refresh?: boolean;
  /** Backoff parameters and injectable sleep/random (tests). */
  retry?: Partial<Omit<RetryPolicy, "maxRetries">>;
}

/** Totals for one client (one run). Tokens and cost count fresh calls only: cache hits spend nothing. */
export interface LlmStats {
  calls: number;
  cacheHits: number;
  /** HTTP attempts made (first tries and retries). */
  requests: number;
  /** Calls that finally failed. */
  failures: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  retries: Record<string, number>;
  /** Answers (fresh or cached) that came from the simulator. */
  simulated: number;
  /** Sum of per-call latencies, for a mean. */
  latencyMsTotal: number;
}

export interface LlmClientWithStats extends LlmClient {
  readonly baseUrl: string;
  stats(): LlmStats;
  cacheKey(request: CompletionRequest): string;
  isCached(request: CompletionRequest): boolean;
  /** Dry-run estimate: calls, cache hits, tokens and cost; sends nothing. */
  estimate(requests: Iterable<CompletionRequest>, options?: { completionTokens?: number }): RunEstimate;
}

/** Key of the per-request fetch option through which the SDK tells us the request is leaving. */
const ON_FETCH = "vagOnFetch";

/** The global fetch, calling the request's start hook (and not passing it on). */
const startSignallingFetch = (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const { [ON_FETCH]: onFetch, ...rest } = (init ?? {}) as RequestInit & { [ON_FETCH]?: () => void };
  onFetch?.();
  return fetch(url, rest);
};

type Attempt = { ok: true; output: string; usage: Usage | null; simulated: boolean } | ({ ok: false } & AttemptFailure);

export function createLlmClient(options: LlmClientOptions): LlmClientWithStats {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const endpoint = normalizeEndpoint(baseUrl);
  const apiKey = options.apiKey || "local-no-key";
  const secrets = [apiKey, ...secretsFromEnv()];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry, maxRetries };
  const price = options.price ?? null;
  const cache: ResponseCache | null = options.noCache ? null : openCache(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const readCache = cache !== null && !options.refresh;
  const limiter = createLimiter({ concurrency: options.concurrency ?? 8, requestsPerMinute: options.requestsPerMinute });
  // baseURL and apiKey are always explicit so the SDK never falls back to its own env reading;
  // its logger is off because debug logs would print request details.
  const sdk = new OpenAI({ apiKey, baseURL: baseUrl, maxRetries: 0, timeout: timeoutMs, logLevel: "off", fetch: startSignallingFetch });
  const stats: LlmStats = {
    calls: 0,
    cacheHits: 0,
    requests: 0,
    failures: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: price ? 0 : null,
    retries: {},
    simulated: 0,
    latencyMsTotal: 0,
  };

  // Newer OpenAI models refuse `max_tokens` and ask for `max_completion_tokens` (same meaning);
  // on that 400 the client switches once, for good.
  let maxTokensField: "max_tokens" | "max_completion_tokens" = "max_tokens";

  async function attempt(req: CompletionRequest): Promise<Attempt> {
    const controller = new AbortController();
    // Our own timer covers the body too (the SDK's timeout stops at the headers). It starts
    // when the request goes on the wire, so the SDK's one-time start-up (a few hundred ms in
    // a fresh process) never counts against the endpoint; a backstop covers a stuck SDK.
    let timer: NodeJS.Timeout | null = null;
    const startTimer = () => {
      if (timer === null) timer = setTimeout(() => controller.abort(), timeoutMs);
    };
    const backstop = setTimeout(() => controller.abort(), 2 * timeoutMs + 5000);
    stats.requests++;
    try {
      const body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = { model: req.model, messages: req.messages };
      if (req.temperature !== undefined) body.temperature = req.temperature;
      if (req.maxTokens !== undefined) body[maxTokensField] = req.maxTokens;
      if (req.seed !== undefined) body.seed = req.seed;
      const resp: unknown = await sdk.chat.completions.create(body, {
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

  function finish(result: CompletionResult): CompletionResult {
    stats.latencyMsTotal += result.latencyMs;
    if (result.simulated) stats.simulated++;
    return result;
  }

  async function complete(req: CompletionRequest): Promise<CompletionResult> {
    // Latency runs from the first attempt (after the limiter admits it), retries and backoff
    // included, so it describes the endpoint rather than our own queue.
    let t0 = performance.now();
    let admitted = false;
    stats.calls++;
    const retries: Record<string, number> = {};
    try {
      const key = cacheKey(baseUrl, req);
      if (readCache) {
        const hit = cache!.get(key);
        if (hit) {
          stats.cacheHits++;
          return finish({ output: hit.output, error: null, usage: hit.usage, costUsd: 0, cached: true, latencyMs: performance.now() - t0, retries, simulated: hit.simulated });
        }
      }
      for (let n = 0; ; n++) {
        const a = await limiter.run(() => {
          if (!admitted) {
            admitted = true;
            t0 = performance.now();
          }
          return attempt(req);
        });
        if (a.ok) {
          const costUsd = callCost(a.usage, price);
          if (a.usage) {
            stats.promptTokens += a.usage.promptTokens;
            stats.completionTokens += a.usage.completionTokens;
          }
          if (costUsd !== null && stats.costUsd !== null) stats.costUsd += costUsd;
          cache?.put({ key, createdAt: new Date().toISOString(), endpoint, model: req.model, output: a.output, usage: a.usage, simulated: a.simulated });
          return finish({ output: a.output, error: null, usage: a.usage, costUsd, cached: false, latencyMs: performance.now() - t0, retries, simulated: a.simulated });
        }
        if (a.kind === null && maxTokensField === "max_tokens" && req.maxTokens !== undefined && /max_completion_tokens/.test(a.message)) {
          maxTokensField = "max_completion_tokens";
          n--;
          continue;
        }
        if (a.kind === null || n >= policy.maxRetries) {
          const tries = n + 1;
          return failure(`${a.message}${a.kind ? ` (gave up after ${tries} attempt${tries > 1 ? "s" : ""})` : ""}`, t0, retries);
        }
        retries[a.kind] = (retries[a.kind] ?? 0) + 1;
        stats.retries[a.kind] = (stats.retries[a.kind] ?? 0) + 1;
        await policy.sleep(retryDelay(n, a.retryAfterMs, policy));
      }
    } catch (e) {
      // Nothing above should throw; if it does (a full disk under the cache), it is still a value.
      return failure(e instanceof Error ? e.message : String(e), t0, retries);
    }
  }

  function failure(message: string, t0: number, retries: Record<string, number>): CompletionResult {
    stats.failures++;
    const error = scrubSecrets(message.replace(/\s+/g, " ").trim(), secrets).slice(0, 500);
    return finish({ output: null, error, usage: null, costUsd: null, cached: false, latencyMs: performance.now() - t0, retries, simulated: false });
  }

  return {
    baseUrl: endpoint,
    complete,
    stats: () => ({ ...stats, retries: { ...stats.retries } }),
    cacheKey: (req) => cacheKey(baseUrl, req),
    isCached: (req) => readCache && cache!.has(cacheKey(baseUrl, req)),
    estimate: (requests, opts = {}) =>
      estimateRun(requests, { isCached: (r) => readCache && cache!.has(cacheKey(baseUrl, r)), completionTokens: opts.completionTokens, price }),
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
  const msg = (r.choices[0] as { message?: { content?: unknown; refusal?: unknown } } | null)?.message;
  const output = typeof msg?.content === "string" ? msg.content : typeof msg?.refusal === "string" ? msg.refusal : null;
  if (output === null) return { ok: false, kind: "bad-body", message: "response has no message content", retryAfterMs: null };
  const int = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? Math.round(x) : 0);
  const usage = r.usage && typeof r.usage === "object" ? { promptTokens: int(r.usage.prompt_tokens), completionTokens: int(r.usage.completion_tokens) } : null;
  const simulated = typeof r.system_fingerprint === "string" && r.system_fingerprint.startsWith("vag-sim");
  return { ok: true, output, usage, simulated };
}

/** The client for a resolved configuration (the key passes from the config's hidden property to the SDK only). */
export function clientFor(config: LlmConfig): LlmClientWithStats {
  return createLlmClient({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    concurrency: config.concurrency,
    requestsPerMinute: config.requestsPerMinute,
    price: config.price,
    cacheDir: config.cacheDir,
    noCache: config.noCache,
    refresh: config.refresh,
  });
}
