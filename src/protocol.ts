/**
 * The two protocols (design.md §4). `paper` reproduces the authors' behaviour
 * wherever it determines published numbers; `robust` is the default for new runs.
 */
export const PROTOCOLS = ["paper", "robust"] as const;
export type Protocol = (typeof PROTOCOLS)[number];
