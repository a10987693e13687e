/** The report layer's public API as one module (src/report has no index.ts yet; src/index.ts exposes this as `report`). */
export * from "../report/clientScript";
export * from "../report/misaligned";
export * from "../report/page";
export * from "../report/publish";
export * from "../report/runExamples";
export * from "../report/summary";
export * from "../report/tables";
export * from "../report/write";
