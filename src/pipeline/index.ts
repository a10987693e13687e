/** The pipeline layer's public API as one module (src/pipeline has no index.ts yet; src/index.ts exposes this as `pipeline`). */
export * from "../pipeline/actions";
export * from "../pipeline/demo";
export * from "../pipeline/execute";
export * from "../pipeline/items";
export * from "../pipeline/progress";
export * from "../pipeline/records";
export * from "../pipeline/run";
export * from "../pipeline/scope";
