import type { TaskName } from "./records";

/** Outcome of one record: the call failed (`error`), else its parse status. */
export type RecordStatus = "ok" | "repaired" | "failed" | "error";

export interface StatusCounts {
  records: number;
  ok: number;
  repaired: number;
  failed: number;
  error: number;
}

export function emptyCounts(): StatusCounts {
  return { records: 0, ok: 0, repaired: 0, failed: 0, error: 0 };
}

export function recordStatus(r: { error?: string | null; parse: { status: "ok" | "repaired" | "failed" } }): RecordStatus {
  return r.error != null ? "error" : r.parse.status;
}

/**
 * Counts per task and status. A record whose call finally failed counts as
 * `error` (not `failed`, which means the model answered but unusably).
 */
export function summarizeRecords(
  records: Iterable<{ task: TaskName | string; error?: string | null; parse: { status: "ok" | "repaired" | "failed" } }>,
): Record<string, StatusCounts> {
  const out: Record<string, StatusCounts> = {};
  for (const r of records) {
    const c = (out[r.task] ??= emptyCounts());
    c.records++;
    c[recordStatus(r)]++;
  }
  return out;
}
