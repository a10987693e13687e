/** The pipeline layer's public API (src/index.ts exposes it as `pipeline`). */
export * from "./actions";
export * from "./demo";
export * from "./execute";
export * from "./items";
export * from "./progress";
export * from "./records";
export * from "./run";
export * from "./scope";
