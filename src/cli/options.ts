import { UserError } from "../errors";

/**
 * Integer, number and list options of every command, parsed here and nowhere
 * else: one wording of the error (exit 2) and one idea of what a list is.
 */

export interface NumberBounds {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** `raw` as a number within the bounds, or one UserError line naming the flag. */
export function parseNumber(flag: string, raw: string, b: NumberBounds = {}): number {
  const x = Number(raw);
  const min = b.min ?? -Infinity;
  const max = b.max ?? Infinity;
  if (raw.trim() === "" || !Number.isFinite(x) || x < min || x > max || (b.integer && !Number.isInteger(x))) {
    const kind = b.integer ? "an integer" : "a number";
    const range = min > -Infinity && max < Infinity ? ` between ${min} and ${max}` : min > -Infinity ? ` >= ${min}` : max < Infinity ? ` <= ${max}` : "";
    throw new UserError(`${flag} must be ${kind}${range}, got "${raw}"`, 2);
  }
  return x;
}

/** A commander argument parser for an integer option (default: non-negative). */
export const intOption = (flag: string, b: Omit<NumberBounds, "integer"> = {}) => (raw: string) => parseNumber(flag, raw, { min: 0, ...b, integer: true });

/** A commander argument parser for a number option. */
export const numberOption = (flag: string, b: Omit<NumberBounds, "integer"> = {}) => (raw: string) => parseNumber(flag, raw, b);

/** A comma-separated list: items trimmed, empty items dropped; undefined stays undefined. */
export function parseList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(",").map((s) => s.trim()).filter(Boolean);
}

/**
 * Defaults of --seed and --iterations of every resampling command (reproduce, analyze): the values of
 * results/modelResults.ts DEFAULT_RESULTS_SEED and DEFAULT_RESAMPLES, copied so that registering the
 * commands loads no analysis code (tests/cli/startup.test.ts checks they are equal).
 */
export const RESAMPLE_DEFAULTS = { seed: 20250118, iterations: 1000 };
