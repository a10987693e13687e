/** The via layer's public API (src/index.ts exposes it as `via`): importers of the published files only. */
export * from "./csv";
export * from "./fetch";
export * from "./files";
export * from "./importDataset";
export * from "./importFewShot";
export * from "./importMisaligned";
export * from "./importPromptAgreement";
export * from "./importStats";
export * from "./importTask1";
export * from "./importTask2";
export * from "./models";
export * from "./pythonLiteral";
export * from "./rebuildTask2";
export * from "./task2Log";
export * from "./zip";
