export * from "./variant";
export * from "./options";
export * from "./switches";
export * from "./generation";
export * from "./task1";
export * from "./task2";
export * from "./fewshot";
export * from "./pythonRepr";
// responseSchemas.ts is imported by path: it loads zod, and the CLI loads this index at start-up.
