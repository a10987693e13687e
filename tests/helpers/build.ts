import { join } from "node:path";
import { ROOT } from "./cli";

/**
 * Bring dist/ up to date (scripts/build.mjs: ~0.05 s when nothing changed), so
 * that a test using the compiled library (notebooks, `vag` from dist/) never
 * runs a stale build, also when its file is run alone with `node --import tsx --test`.
 */
export function buildLibrary(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require(join(ROOT, "scripts", "build.mjs")) as { build: (o?: { log?: (s: string) => void }) => string };
  build();
}
