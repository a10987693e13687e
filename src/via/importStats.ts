import type { Protocol } from "../protocol";
import type { ParseInfo } from "../runs/records";
/**
 * What an importer did with a file: rows read, how the model text parsed, and
 * what was skipped and why (reason -> count). Printed by `vag reproduce` and
 * written into REPRODUCTION.md so nothing is dropped silently.
 */
export interface ImportStats {
  file: string;
  rowsRead: number;
  parsed: { ok: number; repaired: number; failed: number };
  skipped: Record<string, number>;
}

export function newStats(file: string): ImportStats {
  return { file, rowsRead: 0, parsed: { ok: 0, repaired: 0, failed: 0 }, skipped: {} };
}

export function countSkip(stats: ImportStats, reason: string, n = 1): void {
  stats.skipped[reason] = (stats.skipped[reason] ?? 0) + n;
}

/** An importer's result: validated records plus what happened on the way. */
export interface Imported<T> {
  records: T[];
  stats: ImportStats;
}

/**
 * `createdAt` of imported records: the date of the authors' snapshot
 * (HEAD 3c5e013, 2025-09-18), so re-imports are byte-identical.
 */
export const IMPORT_CREATED_AT = "2025-09-18T00:00:00.000Z";

/**
 * The fields every imported record shares, in the record schemas' key order
 * (spread it first, then the task's own fields), so imported JSON is
 * byte-identical to what zod's output had.
 */
export function importedCommon(o: { id: string; model: string; protocol: Protocol; variant: number; response: string | null; parse: ParseInfo }) {
  return {
    id: o.id,
    model: o.model,
    source: "import" as const,
    protocol: o.protocol,
    variant: o.variant,
    replicate: 0,
    prompt: [],
    response: o.response,
    usage: null,
    parse: o.parse,
    error: null,
    latencyMs: null,
    cached: false,
    createdAt: IMPORT_CREATED_AT,
  };
}
