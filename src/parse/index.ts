export * from "./result";
export * from "./lenientJson";
export * from "./refusal";
export * from "./action";
export * from "./likert";
export * from "./valueName";
export * from "./task1";
export * from "./task2";
