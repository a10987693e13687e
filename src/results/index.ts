/** The results layer: one model's entry of results.json (modelResults), the one schema of that file, runs analysed into it, and the sentences that report it. */
export * from "./schema";
export * from "./modelResults";
export * from "./countryComparisons";
export * from "./confidence";
export * from "./runResults";
export * from "./describe";
