import OpenAI from "openai";
import { parseRetryAfter, statusKind, type RetryKind } from "./retry";

/** One failed attempt: `kind` null means not worth retrying (e.g. 400, 401, 404). */
export interface AttemptFailure {
  kind: RetryKind | null;
  message: string;
  retryAfterMs: number | null;
}

const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** The first `code` along an error's `cause` chain (undici nests the socket error). */
export function errorCode(e: unknown): string | null {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined, i = 0; x && i < 8; x = x.cause as typeof x, i++) {
    if (typeof x.code === "string") return x.code;
  }
  return null;
}

function header(e: InstanceType<typeof OpenAI.APIError>, name: string): string | null {
  const h = e.headers as Headers | undefined;
  return typeof h?.get === "function" ? h.get(name) : null;
}

/**
 * Classify an error thrown by the SDK (with its own retries off) or by reading
 * the body. Retry-After is read on every retryable status (503s carry it too);
 * OpenAI's `retry-after-ms` takes precedence when present.
 */
export function classifyError(e: unknown): AttemptFailure {
  if (e instanceof OpenAI.APIConnectionTimeoutError) return { kind: "timeout", message: "request timed out", retryAfterMs: null };
  if (e instanceof OpenAI.APIConnectionError) {
    const code = errorCode(e);
    const kind = code && CONNECT_CODES.has(code) ? "connect" : "reset";
    return { kind, message: `connection ${kind === "connect" ? "failed" : "lost"}${code ? ` (${code})` : ""}`, retryAfterMs: null };
  }
  if (e instanceof OpenAI.APIError && typeof e.status === "number") {
    const kind = statusKind(e.status);
    const ms = header(e, "retry-after-ms");
    const retryAfterMs = ms !== null && /^\d+(\.\d+)?$/.test(ms.trim()) ? Number(ms) : parseRetryAfter(header(e, "retry-after"));
    // The SDK's message opens with the status again ("400 Invalid parameter ..."): said once.
    return { kind, message: `HTTP ${e.status}: ${e.message.replace(new RegExp(`^${e.status}\\s+`), "")}`, retryAfterMs };
  }
  if (e instanceof SyntaxError) return { kind: "bad-body", message: `unparseable response body (${e.message})`, retryAfterMs: null };
  const code = errorCode(e);
  if (code && CONNECT_CODES.has(code)) return { kind: "connect", message: `connection failed (${code})`, retryAfterMs: null };
  if (code || /terminated|socket|ECONNRESET|other side closed/i.test(String((e as Error)?.message))) {
    return { kind: "reset", message: `connection lost${code ? ` (${code})` : ""}`, retryAfterMs: null };
  }
  return { kind: null, message: e instanceof Error ? e.message : String(e), retryAfterMs: null };
}
