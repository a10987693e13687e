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
