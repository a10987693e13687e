import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scope } from "../../src/pipeline/scope";

export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `vag-${prefix}-`));

/** A small scope: 1 country x 2 topics x 4 values. */
export const smallScope = (variants: number[]): Scope => ({
  countries: ["Nigeria"],
  topics: ["Politics", "Religion"],
  values: ["Social Power", "Honest", "Obedient", "Wealth"],
  variants: variants as Scope["variants"],
  order: "counterbalanced",
  replicates: 1,
});

export interface Line {
  id: string;
  [k: string]: unknown;
}

export function readLines(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Line);
}

/** What must be equal between two runs of the same items: everything but timing, cache provenance and the (temp) actions path. */
export function essence(lines: Line[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const l of lines) {
    const { createdAt: _c, latencyMs: _l, cached: _k, usage: _u, actionsSource: _a, ...rest } = l;
    out[l.id] = rest;
  }
  return out;
}
