import { readFileSync } from "node:fs";
import { FileLineError } from "../errors";

/** Read a file's bytes; a missing or unreadable file is `FILE:0: reason` (exit 2). */
export function readInputBytes(path: string, displayName: string = path): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileLineError(displayName, 0, code === "ENOENT" ? "file not found" : `cannot read (${code ?? String(e)})`);
  }
}
