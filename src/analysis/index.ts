/** The analysis layer: pure functions over the 132 × 56 matrices (design.md §6, method.md §4–§7). */
export * from "./matrix";
export * from "./aggregate";
export * from "./classification";
export * from "./stated";
export * from "./acted";
export * from "./binarize";
export * from "./alignmentRate";
export * from "./alignmentRateCI";
export * from "./distance";
export * from "./ranking";
export * from "./inconsistency";
export * from "./promptAgreement";
export * from "./misaligned";
export * from "./risk";
export * from "./random";
export * from "./bootstrap";
export * from "./permutation";
