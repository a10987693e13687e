import type { z } from "zod";
import { FileLineError } from "../errors";
import { readJsonText } from "../io/jsonFile";
import { zodReason } from "../runs/zodReason";

/**
 * Read a JSON file and check it against a (tolerant) zod schema. Malformed
 * input gives one line `FILE:LINE: reason` (exit code 2): the line of a JSON
 * syntax error, or for a schema complaint the line of the deepest part of the
 * offending path that exists in the file (e.g. the list item lacking a field).
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  const { text, json } = parseJsonFile(file);
  return checkJson(file, text, json, schema);
}

/** Read and parse (syntax only). */
export function parseJsonFile(file: string): { text: string; json: unknown } {
  return readJsonText(file);
}

/** Validate parsed JSON; a complaint becomes FILE:LINE at the offending path. */
export function checkJson<T>(file: string, text: string, json: unknown, schema: z.ZodType<T>): T {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const path = r.error.issues[0]?.path ?? [];
  throw new FileLineError(file, lineOfPath(text, path), zodReason(r.error));
}

/** 1-based line where the value at `path` (or its deepest existing ancestor) starts. */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  const at = offsetOfPath(text, path);
  return text.slice(0, at).split("\n").length;
}

/**
 * Offset of the value at `path` in JSON text, descending as far as the path
 * exists. A tiny scanner (the text is known to be valid JSON): it skips
 * whitespace, strings, and nested containers by bracket depth.
 */
function offsetOfPath(text: string, path: readonly PropertyKey[]): number {
  let i = skipWs(text, 0);
  let best = i;
  for (const key of path) {
    const open = text[i];
    if (open !== "{" && open !== "[") break;
    let j = skipWs(text, i + 1);
    let index = 0;
    let hit = -1;
    while (j < text.length && text[j] !== "}" && text[j] !== "]") {
      let name: string | number = index;
      if (open === "{") {
        const end = skipString(text, j);
        name = JSON.parse(text.slice(j, end)) as string;
        j = skipWs(text, end);
        j = skipWs(text, j + 1); // past ':'
      }
      if (String(name) === String(key)) {
        hit = j;
        break;
      }
      j = skipWs(text, skipValue(text, j));
      if (text[j] === ",") j = skipWs(text, j + 1);
      index++;
    }
    if (hit < 0) break;
    i = best = hit;
  }
  return best;
}

function skipWs(t: string, i: number): number {
  while (i < t.length && /\s/.test(t[i])) i++;
  return i;
}

function skipString(t: string, i: number): number {
  i++; // opening quote
  while (i < t.length && t[i] !== '"') i += t[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipValue(t: string, i: number): number {
  if (t[i] === '"') return skipString(t, i);
  if (t[i] === "{" || t[i] === "[") {
    let depth = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === '"') {
        i = skipString(t, i);
        continue;
      }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < t.length && !/[,\]}\s]/.test(t[i])) i++;
  return i;
}
