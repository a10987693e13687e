import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DATASET_FILE } from "../via/models";

/**
 * Where the published VIA data is, for notebook 07: `VAL_DATA_DIR`, else
 * `data/via` (where `vag data fetch` puts it), else `../shared/via` beside
 * the project. A directory counts when it holds the dataset CSV or a
 * MANIFEST.md. Null when none does: the notebook then says so and ends.
 */
export function publishedDataDir(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string | null {
  const candidates = [env.VAL_DATA_DIR?.trim(), join(root, "data", "via"), join(root, "..", "shared", "via")].filter((p): p is string => Boolean(p));
  const found = candidates.find((d) => existsSync(join(d, DATASET_FILE)) || existsSync(join(d, "MANIFEST.md")));
  return found ? resolve(found) : null;
}
