import { scrubSecrets, secretsFromEnv } from "../secrets";
import { DEFAULT_CACHE_DIR, normalizeEndpoint, openCache, withCache, type CachedClient } from "./cache";
import type { Price } from "./cost";
import { estimateRun, type RunEstimate } from "./estimate";
import { createLimiter, withLimiter } from "./limiter";
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from "./retry";
import { createTransport } from "./transport";
import type { CompletionRequest, CompletionResult, LlmClient } from "./types";
import type { LlmConfig } from "./config";

export { interpret } from "./transport";

/**
 * The one LLM client, as layers (design.md §5), each a client turned into a client:
 *
 *   cache( retry( limiter( transport ) ) )
 *
 * transport = one attempt through the official `openai` SDK (timeouts, body
 * checks); the limiter bounds concurrency and requests per minute per attempt;
 * OUR retries (the SDK's are off) are counted by kind; the cache is outermost
 * so a hit skips the limiter. Batch import puts its own bottom layer under the
 * same cache (`clientOver`). `complete` never throws: a call that finally
 * fails returns `{ output: null, error }`.
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
  /** After the endpoint rejects a response_format, send requests without one (see transport). */
  responseFormatFallback?: boolean;
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

export interface ClientOverOptions {
  baseUrl: string;
  price?: Price | null;
  cacheDir?: string;
  noCache?: boolean;
  refresh?: boolean;
  /** Attempts the bottom layer has made (for `stats().requests`). */
  attempts?: () => number;
}

/**
 * The cache layer and the run totals over any bottom client (the retried,
 * limited transport of a live run, or the replay of a batch output file).
 */
export function clientOver(base: LlmClient, options: ClientOverOptions): LlmClientWithStats {
  const cache = options.noCache ? null : openCache(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const cached: CachedClient = withCache(cache, options.baseUrl, { read: !options.refresh })(base);
  const price = options.price ?? null;
  const secrets = secretsFromEnv();
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

  function count(r: CompletionResult): CompletionResult {
    stats.calls++;
    if (r.cached) stats.cacheHits++;
    if (r.error !== null) stats.failures++;
    if (r.usage && !r.cached) {
      stats.promptTokens += r.usage.promptTokens;
      stats.completionTokens += r.usage.completionTokens;
    }
    if (!r.cached && r.costUsd !== null && stats.costUsd !== null) stats.costUsd += r.costUsd;
    for (const [k, n] of Object.entries(r.retries)) stats.retries[k] = (stats.retries[k] ?? 0) + n;
    if (r.simulated) stats.simulated++;
    stats.latencyMsTotal += r.latencyMs;
    const { failure: _internal, ...result } = r;
    return result;
  }

  async function complete(req: CompletionRequest): Promise<CompletionResult> {
    const t0 = performance.now();
    try {
      return count(await cached.complete(req));
    } catch (e) {
      // No layer should throw; if one does (a full disk under the cache), it is still a value.
      const message = scrubSecrets((e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim(), secrets).slice(0, 500);
      return count({ output: null, error: message, usage: null, costUsd: null, cached: false, latencyMs: performance.now() - t0, retries: {}, simulated: false });
    }
  }

  return {
    baseUrl: normalizeEndpoint(options.baseUrl),
    complete,
    stats: () => ({ ...stats, requests: options.attempts?.() ?? stats.calls - stats.cacheHits, retries: { ...stats.retries } }),
    cacheKey: (req) => cached.cacheKey(req),
    isCached: (req) => cached.isCached(req),
    estimate: (requests, opts = {}) => estimateRun(requests, { isCached: (r) => cached.isCached(r), completionTokens: opts.completionTokens, price }),
  };
}

/** The live client: cache( retry( limiter( transport ) ) ). */
export function createLlmClient(options: LlmClientOptions): LlmClientWithStats {
  const transport = createTransport({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs,
    price: options.price,
    responseFormatFallback: options.responseFormatFallback,
  });
  const limiter = createLimiter({ concurrency: options.concurrency ?? 8, requestsPerMinute: options.requestsPerMinute });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry, maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries };
  const base = withRetry(policy)(withLimiter(limiter)(transport));
  return clientOver(base, {
    baseUrl: options.baseUrl,
    price: options.price,
    cacheDir: options.cacheDir,
    noCache: options.noCache,
    refresh: options.refresh,
    attempts: () => transport.attempts,
  });
}

/** The client for a resolved configuration (the key passes from the config's hidden property to the SDK only). */
export function clientFor(config: LlmConfig, options: Pick<LlmClientOptions, "responseFormatFallback"> = {}): LlmClientWithStats {
  return createLlmClient({
    ...options,
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
