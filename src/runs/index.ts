export * from "./records";
export * from "./id";
export * from "./store";
export * from "./summary";
export * from "./manifest";
export * from "./openRun";
