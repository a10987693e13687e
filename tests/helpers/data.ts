import { existsSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Where the published data lives for tests: VAL_DATA_DIR, else ../shared/via
 * beside the project. Returns null when absent, so tests can skip with a reason.
 */
export function viaDir(): string | null {
  const candidates = [process.env.VAL_DATA_DIR, resolve(__dirname, "../../../shared/via")].filter(
    (p): p is string => Boolean(p),
  );
  return candidates.find((p) => existsSync(resolve(p, "MANIFEST.md")) || existsSync(resolve(p, "dataset"))) ?? null;
}

/** The node:test `skip` option: false when data exists, else a one-line reason. */
export function skipWithoutData(): false | string {
  return viaDir() === null ? "published data not found (set VAL_DATA_DIR or put it at ../shared/via)" : false;
}
