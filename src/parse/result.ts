/**
 * What every parser of model text returns. Parsers never throw on model text:
 * a usable answer is `ok: true` (with `repaired` when leniency was needed),
 * anything else is `ok: false` with a short reason.
 */
export type ParseResult<T> = { ok: true; value: T; repaired: boolean } | { ok: false; reason: string };

export const parsed = <T>(value: T, repaired = false): ParseResult<T> => ({ ok: true, value, repaired });
export const failed = <T = never>(reason: string): ParseResult<T> => ({ ok: false, reason });

/** The parse status stored on a record. */
export type ParseStatus = "ok" | "repaired" | "failed";

export function parseStatus(r: ParseResult<unknown>): ParseStatus {
  return r.ok ? (r.repaired ? "repaired" : "ok") : "failed";
}
