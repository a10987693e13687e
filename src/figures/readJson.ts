import { existsSync, readFileSync } from "node:fs";
import type { z } from "zod";
import { FileLineError, UserError } from "../errors";
import { zodReason } from "../runs/zodReason";

/**
 * Read a JSON file and check it against a (tolerant) zod schema. Malformed
 * input gives one line `FILE:LINE: reason` (exit code 2): the line of a JSON
 * syntax error, or for a schema complaint the line where the offending key
 * first appears (line 1 when it cannot be found).
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  if (!existsSync(file)) throw new UserError(`${file}: no such file`, 2);
  const text = readFileSync(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0];
    const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? NaN);
    const lineCol = /line (\d+) column/.exec(msg);
    const line = lineCol ? Number(lineCol[1]) : Number.isFinite(pos) ? text.slice(0, pos).split("\n").length : 1;
    throw new FileLineError(file, line, `invalid JSON (${msg})`);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const path = r.error.issues[0]?.path ?? [];
    throw new FileLineError(file, lineOfPath(text, path), zodReason(r.error));
  }
  return r.data;
}

/** 1-based line of the deepest string key of `path` (searched in order), else 1. */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  let from = 0;
  let found = -1;
  for (const key of path) {
    if (typeof key !== "string") continue;
    const at = text.indexOf(JSON.stringify(key), from);
    if (at < 0) break;
    found = at;
    from = at;
  }
  return found < 0 ? 1 : text.slice(0, found).split("\n").length;
}
