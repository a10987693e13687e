/** The reproduction of the paper's tables (src/index.ts exposes it as `reproduce`): orchestration above via/, analysis/ and gap/. */
export * from "./comparison";
export * from "./paperNumbers";
export * from "./reproduce";
export * from "./reproductionOutputs";
export * from "./reproductionReport";
export * from "./tableComparison";
