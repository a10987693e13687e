export * from "./countries";
export * from "./topics";
export * from "./values";
export * from "./scenarios";
export * from "./names";
