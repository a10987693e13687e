import { appendFileSync, closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * JSON Lines primitives shared by the record store and the LLM cache.
 *
 * Crash model: every append is ONE appendFileSync of complete lines, each
 * ending in "\n". A SIGKILL (or power cut) can therefore only leave a torn
 * last line without its newline; every earlier line is complete.
 */

/** One line of a JSONL file, 1-based. */
export interface JsonlLine {
  line: number;
  text: string;
}

/**
 * Split file content into lines. Blank lines are skipped (we never write
 * them; a hand-edited file may have a trailing one). `tail` is a last line
 * that lacks its newline: a torn write, unless it happens to be complete JSON.
 */
export function splitJsonl(content: string): { lines: JsonlLine[]; tail: JsonlLine | null } {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const parts = content.split("\n");
  const last = parts.pop() ?? "";
  const lines: JsonlLine[] = [];
  parts.forEach((raw, i) => {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() !== "") lines.push({ line: i + 1, text });
  });
  const tail = last.trim() === "" ? null : { line: parts.length + 1, text: last };
  return { lines, tail };
}

/** JSON.parse that returns a short reason instead of throwing. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, reason: `invalid JSON (${(e as Error).message.split("\n")[0]})` };
  }
}

/**
 * Make sure the file ends at a line boundary before appending to it, so a new
 * line never glues onto a torn one. A tail that is complete JSON only lacks its
 * newline (it gets one); anything else is an interrupted write and is cut off
 * (`mode: "cut"`, for record files, where a bad line mid-file is fatal) or
 * just ended with a newline (`mode: "newline"`, for the shared cache, whose
 * reader skips bad lines: never truncating is safer when another process
 * might be mid-append). Returns the removed text, or null.
 */
export function repairTail(file: string, mode: "cut" | "newline" = "cut"): string | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, "r+");
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return null;
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, size - 1);
    if (one[0] === 0x0a) return null;
    const start = lastNewlineEnd(fd, size);
    const tail = Buffer.alloc(size - start);
    readSync(fd, tail, 0, tail.length, start);
    const text = tail.toString("utf8");
    if (mode === "newline" || tryParseJson(text).ok) {
      writeSync(fd, "\n", size);
      return null;
    }
    ftruncateSync(fd, start);
    return text;
  } finally {
    closeSync(fd);
  }
}

/** Offset just after the last "\n" before `size` (0 when there is none), scanning backwards in chunks. */
function lastNewlineEnd(fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - start, start);
    const i = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (i >= 0) return start + i + 1;
    end = start;
  }
  return 0;
}

/**
 * Append values as JSON lines with a single write. `JSON.stringify` escapes
 * newlines inside strings, so each value is exactly one line.
 */
export function appendJsonLines(file: string, values: readonly unknown[], tail: "cut" | "newline" = "cut"): void {
  if (values.length === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  repairTail(file, tail);
  let text = "";
  for (const v of values) text += JSON.stringify(v) + "\n";
  appendFileSync(file, text, "utf8");
}

/**
 * An open JSONL file for many appends: the directory is made and the tail
 * repaired once, then every `append` is ONE write of complete lines on an
 * O_APPEND descriptor (the same crash guarantee as appendJsonLines, without
 * re-opening and re-checking the file per record on a run's hot path).
 */
export class JsonlAppender {
  private fd: number | null = null;

  constructor(
    readonly file: string,
    private readonly tail: "cut" | "newline" = "cut",
  ) {}

  append(values: readonly unknown[]): void {
    if (values.length === 0) return;
    if (this.fd === null) {
      mkdirSync(dirname(this.file), { recursive: true });
      repairTail(this.file, this.tail);
      this.fd = openSync(this.file, "a");
    }
    let text = "";
    for (const v of values) text += JSON.stringify(v) + "\n";
    writeSync(this.fd, text);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
