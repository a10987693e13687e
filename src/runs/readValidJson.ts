import type { z } from "zod";
import { FileLineError } from "../errors";
import { lineOfKey, readJsonText } from "../io/jsonFile";
import { zodReason } from "./zodReason";

/** A JSON file of ours (manifest, batch state) read and validated; a defect is `FILE:LINE: reason` at the offending key's line. */
export function readValidJson<T>(file: string, schema: z.ZodType<T>): T {
  const { text, json } = readJsonText(file);
  const r = schema.safeParse(json);
  if (!r.success) {
    const key = r.error.issues[0]?.path.at(-1);
    throw new FileLineError(file, typeof key === "string" ? lineOfKey(text, key) : 1, zodReason(r.error));
  }
  return r.data;
}
