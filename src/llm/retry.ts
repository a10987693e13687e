import type { ClientLayer } from "./types";

/**
 * Retry policy: which failures are retried (by kind), how long to wait.
 *
 * Delay before retry n (0-based), without Retry-After:
 *   d = min(maxDelayMs, baseDelayMs * 2^n);  wait = d/2 + U(0,1) * d/2
 * ("equal jitter": spread out, never zero). With Retry-After (or OpenAI's
 * retry-after-ms) the server's wait is honoured, plus up to 10% jitter, capped
 * at maxRetryAfterMs so a bogus header cannot stall a run for hours.
 */

/** Kinds of retried failures, as counted in stats and manifests. */
export const RETRY_KINDS = ["429", "500", "502", "503", "5xx", "timeout", "reset", "connect", "bad-body", "empty-choices"] as const;
export type RetryKind = (typeof RETRY_KINDS)[number];

export interface RetryPolicy {
  /** Retries after the first attempt (so maxRetries + 1 attempts in all). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Retry-After as milliseconds: delta-seconds ("2", "0.5") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT", counted from `nowMs`). Null when absent
 * or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === "") return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // An HTTP date always names a month; this keeps Date.parse from reading "-3" as a year.
  const t = /[a-z]{3}/i.test(v) ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? null : Math.max(0, t - nowMs);
}

/** How long to wait before retry `n` (0-based). */
export function retryDelay(n: number, retryAfterMs: number | null, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  if (retryAfterMs !== null) {
    const base = Math.min(policy.maxRetryAfterMs, Math.max(0, retryAfterMs));
    return base + policy.random() * 0.1 * base;
  }
  const d = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
  return d / 2 + (policy.random() * d) / 2;
}

/** The kind of an HTTP status that is worth retrying, or null. */
export function statusKind(status: number): RetryKind | null {
  if (status === 429) return "429";
  if (status === 500 || status === 502 || status === 503) return String(status) as RetryKind;
  if (status === 408) return "timeout";
  if (status > 500 && status < 600) return "5xx";
  return null;
}

/**
 * The retry layer: a failed result whose `failure.kind` is retryable is asked
 * again after `retryDelay`, at most `policy.maxRetries` times; retries are
 * counted by kind in the result. Latency covers every attempt and every wait.
 * The final failure says how many attempts it took.
 */
export function withRetry(policy: RetryPolicy = DEFAULT_RETRY_POLICY): ClientLayer {
  return (inner) => ({
    async complete(req) {
      const retries: Record<string, number> = {};
      let latencyMs = 0;
      for (let n = 0; ; n++) {
        const r = await inner.complete(req);
        latencyMs += r.latencyMs;
        for (const [k, c] of Object.entries(r.retries)) retries[k] = (retries[k] ?? 0) + c;
        const kind = r.failure?.kind ?? null;
        if (r.error === null || kind === null || n >= policy.maxRetries) {
          const tries = n + 1;
          const error = r.error !== null && kind !== null ? `${r.error} (gave up after ${tries} attempt${tries > 1 ? "s" : ""})` : r.error;
          return { ...r, error, latencyMs, retries };
        }
        retries[kind] = (retries[kind] ?? 0) + 1;
        const t = performance.now();
        await policy.sleep(retryDelay(n, r.failure?.retryAfterMs ?? null, policy));
        latencyMs += performance.now() - t;
      }
    },
  });
}
