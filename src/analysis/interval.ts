/**
 * How an interval was resampled (design.md §8). The study's 132 scenarios are
 * a crossed design (12 countries × 11 topics), so the unit resampled depends
 * on the aggregate:
 *  - `crossed`: countries and topics resampled independently (overall figures);
 *  - `topics`: a country's 11 topics (per-country figures);
 *  - `countries`: a topic's 12 countries (per-topic figures);
 *  - `items`: independent items (Table 8 Task 2: the 50 pairs);
 *  - `items-paired`: the same item draws across settings (Table 14);
 *  - `scenarios-paired`: the same scenario draws for both sides of a comparison;
 *  - `scenarios`: the 132 scenarios as if independent (kept only to show how
 *    much narrower that older interval is).
 */
export type ResampleScheme = "crossed" | "topics" | "countries" | "items" | "items-paired" | "scenarios-paired" | "scenarios";

export const RESAMPLE_SCHEMES: readonly ResampleScheme[] = [
  "crossed",
  "topics",
  "countries",
  "items",
  "items-paired",
  "scenarios-paired",
  "scenarios",
];

/** A 95% (or `level`) percentile interval with what produced it. */
export interface Interval95 {
  ci95: [number, number];
  scheme: ResampleScheme;
  seed: number;
  resamples: number;
}
