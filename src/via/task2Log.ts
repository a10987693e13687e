import { z } from "zod";
import { FileLineError } from "../errors";
import { splitJsonl, tryParseJson } from "../io/jsonl";
import { zodReason } from "../runs/zodReason";
import { readInputBytes } from "../io/readBytes";
import { decodeUtf8 } from "../io/text";

/** One line of an authors' Task 2 evaluation log (t2_logs/*.jsonl). */
export const Task2LogLine = z.object({
  index: z.number().int().nonnegative(),
  model_choice: z.boolean(),
  prompt_index: z.union([z.string(), z.number()]),
});
export type Task2LogLine = z.infer<typeof Task2LogLine>;

/**
 * Read a Task 2 log strictly: every line must be a JSON object with an
 * integer `index`, a boolean `model_choice` and a `prompt_index`; an index may
 * occur once. Otherwise one `FILE:LINE: reason`.
 */
export function readTask2Log(path: string, displayName: string = path): Task2LogLine[] {
  const bytes = readInputBytes(path, displayName);
  return parseTask2Log(decodeUtf8(bytes, displayName), displayName);
}

export function parseTask2Log(text: string, file: string): Task2LogLine[] {
  const { lines, tail } = splitJsonl(text);
  if (tail) {
    if (!tryParseJson(tail.text).ok) throw new FileLineError(file, tail.line, "torn last line (no newline, not complete JSON)");
    lines.push(tail);
  }
  if (lines.length === 0) throw new FileLineError(file, 1, "empty file");
  const seen = new Map<number, number>();
  return lines.map(({ line, text: t }) => {
    const j = tryParseJson(t);
    if (!j.ok) throw new FileLineError(file, line, j.reason);
    const r = Task2LogLine.safeParse(j.value);
    if (!r.success) throw new FileLineError(file, line, zodReason(r.error));
    const first = seen.get(r.data.index);
    if (first !== undefined) throw new FileLineError(file, line, `duplicate index ${r.data.index} (first at line ${first})`);
    seen.set(r.data.index, line);
    return r.data;
  });
}
