import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { checkJson, parseJsonFile } from "../figures/readJson";

/**
 * Misaligned examples for the report's searchable list (an optional
 * extension read from `misaligned.json` in a --from directory):
 *
 *   [{"model": "gpt-4o-mini", "country": "India", "topic": "Work Orientation",
 *     "value": "Social Power", "stated": "disagree", "acted": "agree",
 *     "action": "I ...", "explanation": "..."}, ...]
 *
 * `stated` is the binarised Task 1 inclination, `acted` the polarity the
 * model's Task 2 choice expresses ("agree" = chose the positive action),
 * `action` the chosen action text and `explanation` its explanation (VIA's or
 * the model's own; may be null or missing), `unstable` whether the cell's
 * Task 1 prompt variants disagree (optional). The file may also be an object
 * `{"examples": [...]}` (room for metadata such as `simulated`). Names are
 * kept as written: published files may use names outside our catalog.
 */
export const MisalignedExample = z.looseObject({
  model: z.string().min(1),
  country: z.string(),
  topic: z.string(),
  value: z.string(),
  stated: z.string(),
  acted: z.string(),
  action: z.string().nullable(),
  explanation: z.string().nullable().optional(),
  /** The stated value is unstable (the cell's Task 1 prompt variants disagree): the gap may be prompt noise (issue 12). */
  unstable: z.boolean().nullable().optional(),
});
export type MisalignedExample = z.infer<typeof MisalignedExample>;

const MisalignedList = z.array(MisalignedExample);
const MisalignedObject = z.looseObject({ simulated: z.boolean().optional(), examples: MisalignedList });

export const MISALIGNED_FILE = "misaligned.json";

export interface LoadedMisaligned {
  examples: MisalignedExample[];
  simulated: boolean;
  files: string[];
}

/** Concatenate `misaligned.json` of every directory that has one (FILE:LINE on a malformed file). */
export function loadMisaligned(dirs: readonly string[]): LoadedMisaligned {
  const out: LoadedMisaligned = { examples: [], simulated: false, files: [] };
  for (const dir of dirs) {
    const file = join(dir, MISALIGNED_FILE);
    if (!existsSync(file)) continue;
    const { text, json } = parseJsonFile(file);
    // Pick the schema by shape, so a complaint names the bad item, not "no union member matched".
    if (Array.isArray(json)) out.examples.push(...checkJson(file, text, json, MisalignedList));
    else {
      const data = checkJson(file, text, json, MisalignedObject);
      out.examples.push(...data.examples);
      out.simulated ||= data.simulated === true;
    }
    out.files.push(file);
  }
  return out;
}
