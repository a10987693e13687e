/** The report layer's public API (src/index.ts exposes it as `report`). */
export * from "./clientScript";
export * from "./misaligned";
export * from "./page";
export * from "./publish";
export * from "./runExamples";
export * from "./summary";
export * from "./tables";
export * from "./write";
