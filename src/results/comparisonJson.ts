import { benjaminiHochberg } from "../analysis/multipleTesting";
import type { PairedResult } from "../analysis/paired";
import type { ComparisonJson } from "./schema";

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** One paired test (analysis/paired.ts) as a `comparisons` entry of results.json; a number nobody could compute is null. */
export function comparisonJson(kind: ComparisonJson["kind"], measure: string, a: string, b: string, r: PairedResult): ComparisonJson {
  return {
    kind,
    measure,
    a,
    b,
    diff: finiteOrNull(r.diff),
    ci95: [finiteOrNull(r.ci95[0]), finiteOrNull(r.ci95[1])],
    p: finiteOrNull(r.p),
    scheme: r.scheme,
    seed: r.seed,
    resamples: r.resamples,
    permutations: r.permutations,
    n: r.n,
  };
}

/** The same entries with their Benjamini-Hochberg q over the list (a test without p is left out of the count, q null). */
export function withBhQ(list: readonly ComparisonJson[]): ComparisonJson[] {
  const q = benjaminiHochberg(list.map((c) => (c.p === null ? NaN : c.p)));
  return list.map((c, i) => ({ ...c, q: q[i] }));
}
