import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sha256Hex } from "../runs/id";
import { JsonlAppender, splitJsonl, tryParseJson } from "../io/jsonl";
import type { TokenLogprob } from "../parse/answerProbability";
import type { Usage } from "../runs/records";
import { redactUrl } from "../secrets";
import { withoutResponseFormat } from "./responseFormat";
import type { CompletionRequest, LlmClient } from "./types";

/**
 * Response cache: append-only JSONL (`<dir>/responses.jsonl`, default dir
 * `.cache/llm`), one successful response per line, loaded once per process
 * into a Map. Failures are never stored, so a failed call is retried next time.
 * A torn last line (a killed process) is ignored on load; the next append
 * starts on a new line after it, and later loads skip it as a damaged line
 * (never truncating: another process may be appending). A later line for the
 * same key wins (`refresh`).
 *
 * Cache key = sha256 of the canonical JSON (sorted keys) of
 *   { v: 1, endpoint, model, messages: [{role, content}], temperature, maxTokens, seed, replicate }
 * where `endpoint` is the base URL without credentials, query or trailing
 * slash, absent sampling parameters are null (not sending a temperature is a
 * different request from sending the default) and replicate defaults to 0.
 * A request asking for logprobs adds `logprobs: true, topLogprobs` (absent
 * otherwise, so earlier keys stay valid), and its entry keeps the tokens.
 * A request with a response format (structured outputs) adds the whole
 * `responseFormat` (absent otherwise, same reason); an answer the transport
 * got by dropping a rejected format is stored under the plain request's key,
 * since that is the request it answers.
 * An answer that came with a separate reasoning text keeps it (`reasoning`);
 * entries written before that field, or without reasoning, have none.
 * The API key is not part of the key and is never stored.
 */

export const DEFAULT_CACHE_DIR = ".cache/llm";
export const CACHE_FILE = "responses.jsonl";

export interface CacheEntry {
  key: string;
  createdAt: string;
  endpoint: string;
  model: string;
  output: string;
  usage: Usage | null;
  /** The response came from the built-in simulator. */
  simulated: boolean;
  /** Token log probabilities, for requests that asked for them. */
  logprobs?: TokenLogprob[] | null;
  /** The simulator's seed, for simulated answers. */
  simulatorSeed?: number;
  /** The provider's separate reasoning text, when it sent one (entries without it load as "none sent"). */
  reasoning?: string | null;
}

/** The endpoint as it enters cache keys and entries. */
export function normalizeEndpoint(baseUrl: string): string {
  return redactUrl(baseUrl);
}

export function cacheKey(baseUrl: string, req: CompletionRequest): string {
  return sha256Hex({
    v: 1,
    endpoint: normalizeEndpoint(baseUrl),
    model: req.model,
    messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
    temperature: req.temperature ?? null,
    maxTokens: req.maxTokens ?? null,
    seed: req.seed ?? null,
    replicate: req.replicate ?? 0,
    ...(req.logprobs ? { logprobs: true, topLogprobs: req.topLogprobs ?? null } : {}),
    ...(req.responseFormat ? { responseFormat: req.responseFormat } : {}),
  });
}

const KEY_PREFIX = '{"key":"';

export class ResponseCache {
  readonly file: string;
  /** key -> raw line (parsed lazily on first get) or the parsed entry. */
  private readonly entries = new Map<string, string | CacheEntry>();
  /** Lines that were not valid entries (a torn tail, a damaged line): skipped, never fatal. */
  skippedLines = 0;

  /** Kept open for the process's lifetime (closed by the OS at exit): one write per stored answer. */
  private readonly appender: JsonlAppender;

  constructor(dir: string) {
    this.file = join(dir, CACHE_FILE);
    this.appender = new JsonlAppender(this.file, "newline");
    this.load();
  }

  private load(): void {
    if (!existsSync(this.file)) return;
    const { lines, tail } = splitJsonl(readFileSync(this.file, "utf8"));
    if (tail) lines.push(tail);
    for (const { text } of lines) {
      // We write the key first, so most lines are indexed without a JSON parse.
      if (text.startsWith(KEY_PREFIX) && text.charAt(KEY_PREFIX.length + 64) === '"' && text.endsWith("}")) {
        this.entries.set(text.slice(KEY_PREFIX.length, KEY_PREFIX.length + 64), text);
        continue;
      }
      const j = tryParseJson(text);
      const key = j.ok ? (j.value as { key?: unknown } | null)?.key : undefined;
      if (typeof key === "string") this.entries.set(key, text);
      else this.skippedLines++;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (e === undefined || typeof e !== "string") return e;
    const j = tryParseJson(e);
    const entry = j.ok ? (j.value as CacheEntry) : null;
    if (!entry || typeof entry.output !== "string") {
      this.entries.delete(key);
      this.skippedLines++;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  /** Store a successful response (one appended line). */
  put(entry: CacheEntry): void {
    const ordered: CacheEntry = {
      key: entry.key,
      createdAt: entry.createdAt,
      endpoint: entry.endpoint,
      model: entry.model,
      output: entry.output,
      usage: entry.usage,
      simulated: entry.simulated,
      ...(entry.logprobs ? { logprobs: entry.logprobs } : {}),
      ...(entry.simulatorSeed !== undefined ? { simulatorSeed: entry.simulatorSeed } : {}),
      ...(typeof entry.reasoning === "string" ? { reasoning: entry.reasoning } : {}),
    };
    this.appender.append([ordered]);
    this.entries.set(entry.key, ordered);
  }
}

const opened = new Map<string, ResponseCache>();

/**
 * The cache for `dir`, loaded once per process and shared by every client
 * using that dir. `reload` forces a fresh read (another process wrote to it).
 */
export function openCache(dir: string = DEFAULT_CACHE_DIR, options: { reload?: boolean } = {}): ResponseCache {
  const abs = resolve(dir);
  let c = opened.get(abs);
  if (!c || options.reload) {
    c = new ResponseCache(abs);
    opened.set(abs, c);
  }
  return c;
}

/** A client with the cache on top: it can say, without a call, whether a request would be a hit. */
export interface CachedClient extends LlmClient {
  cacheKey(request: CompletionRequest): string;
  isCached(request: CompletionRequest): boolean;
}

export interface CacheLayerOptions {
  /** Serve hits (false = `refresh`: ask anyway, store the fresh answer). Default true. */
  read?: boolean;
}

/**
 * The cache layer, outermost: a hit is answered at once (no limiter slot, no
 * retry, cost 0, `cached: true`); a miss goes to `inner` and a success is
 * stored. Failures are never stored. `cache` null = neither read nor write.
 * Batch import puts its own client under this layer, so its answers land in
 * the same cache a live run reads.
 */
export function withCache(cache: ResponseCache | null, baseUrl: string, options: CacheLayerOptions = {}): (inner: LlmClient) => CachedClient {
  const endpoint = normalizeEndpoint(baseUrl);
  const read = cache !== null && options.read !== false;
  // Once a call of this client fell back to plain text (the endpoint rejected the response format),
  // a request with a format is answered by its plain request's entry: that is what the endpoint gives it.
  let fellBack = false;
  const plainHit = (req: CompletionRequest) => (fellBack && req.responseFormat ? cache!.get(cacheKey(baseUrl, withoutResponseFormat(req))) : undefined);
  return (inner) => ({
    cacheKey: (req) => cacheKey(baseUrl, req),
    isCached: (req) => read && cache!.has(cacheKey(baseUrl, req)),
    async complete(req) {
      const t0 = performance.now();
      const key = cache === null ? "" : cacheKey(baseUrl, req);
      if (read) {
        const exact = cache!.get(key);
        const hit = exact ?? plainHit(req);
        if (hit)
          return {
            output: hit.output,
            error: null,
            usage: hit.usage,
            costUsd: 0,
            cached: true,
            latencyMs: performance.now() - t0,
            retries: {},
            simulated: hit.simulated,
            ...(hit.simulatorSeed !== undefined ? { simulatorSeed: hit.simulatorSeed } : {}),
            ...(req.logprobs ? { logprobs: hit.logprobs ?? null } : {}),
            ...(exact ? {} : { responseFormatOutcome: "dropped" as const }),
            ...(typeof hit.reasoning === "string" ? { reasoning: hit.reasoning } : {}),
          };
      }
      const r = await inner.complete(req);
      if (cache !== null && r.error === null && r.output !== null) {
        if (r.responseFormatOutcome === "dropped") fellBack = true;
        const stored = r.responseFormatOutcome === "dropped" ? cacheKey(baseUrl, withoutResponseFormat(req)) : key;
        cache.put({ key: stored, createdAt: new Date().toISOString(), endpoint, model: req.model, output: r.output, usage: r.usage, simulated: r.simulated, logprobs: r.logprobs, simulatorSeed: r.simulatorSeed, reasoning: r.reasoning });
      }
      return r;
    },
  });
}
