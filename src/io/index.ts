/** Plain file I/O, the ground floor (src/index.ts exposes it as `io`). */
export * from "./atomic";
export * from "./jsonFile";
export * from "./jsonl";
export * from "./readBytes";
export * from "./text";
