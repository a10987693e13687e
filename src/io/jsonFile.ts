import { existsSync, readFileSync } from "node:fs";
import { FileLineError, UserError } from "../errors";
import { decodeUtf8 } from "./text";

/**
 * Read a JSON file a user hands us (results.json, matrices.json,
 * misaligned.json, manifest.json, a models file), syntax only. Every defect
 * is one `FILE:LINE: reason` (exit code 2):
 *  - not UTF-8 (a UTF-16 byte-order mark, an invalid byte: its line), since a
 *    lenient decode would silently replace characters;
 *  - empty file;
 *  - invalid JSON at the line of the error; a file that ends early (a torn
 *    write: "Unexpected end of JSON input" carries no position) at its last line.
 */
export function readJsonText(file: string): { text: string; json: unknown } {
  if (!existsSync(file)) throw new UserError(`${file}: no such file`, 2);
  const text = decodeUtf8(readFileSync(file), file);
  if (text.trim() === "") throw new FileLineError(file, 1, "empty file");
  try {
    return { text, json: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0];
    throw new FileLineError(file, jsonErrorLine(text, msg), `invalid JSON (${msg})`);
  }
}

/** The 1-based line a JSON.parse message points at (V8 gives a character position, sometimes a line). */
export function jsonErrorLine(text: string, message: string): number {
  const lineCol = /line (\d+) column/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return text.slice(0, Number(pos[1])).split("\n").length;
  // The text ended inside a value: the damage is at the end.
  return text.trimEnd().split("\n").length;
}

/**
 * 1-based line of the first `"key":` in JSON text (1 when absent): where a
 * schema complaint about that field points, for files whose keys are unique
 * enough (a manifest, a models file).
 */
export function lineOfKey(text: string, key: string): number {
  const i = text.search(new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`));
  return i < 0 ? 1 : text.slice(0, i).split("\n").length;
}
