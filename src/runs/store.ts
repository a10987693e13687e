import { existsSync, readFileSync } from "node:fs";
import type { z } from "zod";
import { FileLineError, UserError } from "../errors";
import { decodeUtf8 } from "../io/text";
import { writeFileAtomic } from "../io/atomic";
import { appendJsonLines, splitJsonl, tryParseJson } from "../io/jsonl";
import { AnyRecord } from "./records";
import { zodReason } from "./zodReason";

/**
 * The JSONL record store (design.md §3): one record per line under
 * `runs/<run-id>/<task>.jsonl`, appended as the run proceeds.
 *
 * Resume semantics: a file may hold several records for one id (a failed call
 * retried on a later run); the LAST one wins. `compactRecords` rewrites the
 * file so every id appears once. One process writes a given file at a time.
 */

/** A torn last line (an interrupted write), ignored by readers and reported. */
export interface TornLine {
  line: number;
  text: string;
}

export interface ReadRecordsOptions<T> {
  /** zod schema each line must satisfy (default: AnyRecord). */
  schema?: z.ZodType<T>;
  /** A missing file reads as empty instead of failing (for resuming a new run). */
  missingOk?: boolean;
}

/**
 * Append records, one JSON object per line, as ONE appendFileSync of complete
 * lines: a SIGKILL mid-write can only tear the last line. A torn tail left by
 * an earlier crash is cut off first so the new lines start on a fresh line.
 */
export function appendRecords(file: string, records: readonly object[]): void {
  appendJsonLines(file, records);
}

/**
 * Read and validate every record. A torn LAST line (no newline, not valid
 * JSON) is ignored and returned in `torn`; any other bad line throws
 * FileLineError(file, line, reason): invalid UTF-8, invalid JSON, or the
 * schema's first complaint.
 */
export function readRecords<T = AnyRecord>(
  file: string,
  options: ReadRecordsOptions<T> = {},
): { records: T[]; torn: TornLine | null } {
  if (!existsSync(file)) {
    if (options.missingOk) return { records: [], torn: null };
    throw new UserError(`${file}: no such file`, 2);
  }
  const schema = (options.schema ?? AnyRecord) as z.ZodType<T>;
  const content = decodeUtf8(readFileSync(file), file);
  const { lines, tail } = splitJsonl(content);
  let torn: TornLine | null = null;
  if (tail) {
    if (tryParseJson(tail.text).ok) lines.push(tail);
    else torn = tail;
  }
  const records: T[] = [];
  for (const { line, text } of lines) {
    const json = tryParseJson(text);
    if (!json.ok) throw new FileLineError(file, line, json.reason);
    const r = schema.safeParse(json.value);
    if (!r.success) throw new FileLineError(file, line, zodReason(r.error));
    records.push(r.data);
  }
  return { records, torn };
}

/**
 * The last record per id, in order of each id's first appearance: on resume,
 * ids whose latest record has no `error` are finished and skipped; the others
 * are retried.
 */
export function latestById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const r of records) latest.set(r.id, r);
  return latest;
}

/** Ids whose latest record succeeded (no `error`): what a resumed run skips. */
export function finishedIds<T extends { id: string; error?: string | null }>(records: readonly T[]): Set<string> {
  const done = new Set<string>();
  for (const [id, r] of latestById(records)) if (r.error == null) done.add(id);
  return done;
}

/**
 * Rewrite a record file so each id appears exactly once (its latest record),
 * atomically (temp file + rename), dropping a torn last line.
 */
export function compactRecords<T extends { id: string } = AnyRecord>(
  file: string,
  options: Pick<ReadRecordsOptions<T>, "schema"> = {},
): { before: number; after: number; torn: TornLine | null } {
  const { records, torn } = readRecords<T>(file, options);
  const latest = [...latestById(records).values()];
  writeFileAtomic(file, latest.map((r) => JSON.stringify(r) + "\n").join(""));
  return { before: records.length, after: latest.length, torn };
}
