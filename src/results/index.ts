/** The results layer: one model's entry of results.json (modelResults) and the one schema of that file. */
export * from "./schema";
export * from "./modelResults";
export * from "./countryComparisons";
export * from "./confidence";
