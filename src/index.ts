/**
 * The library entry point: what notebooks and other programs import.
 *
 * Every layer is a namespace, so names never clash across layers
 * (`vag.analysis.alignmentRate`, `vag.figures.figureSet`, `vag.gap.Scores`
 * vs `vag.figures.Scores`). Each layer is gathered in
 * src/<layer>/index.ts. The shared basics (errors, protocol, secrets) are also
 * re-exported at the top level.
 *
 * In a tslab notebook (kernel cwd = project root) load it with
 * `const vag = require("./notebooks/vag.cjs");` — notebooks/vag.cjs says why
 * not `import * as vag from "./src"`. Elsewhere: `import * as vag from "./src"`.
 */
export * as io from "./io/index";
export * as catalog from "./catalog/index";
export * as prompts from "./prompts/index";
export * as parse from "./parse/index";
export * as runs from "./runs/index";
export * as llm from "./llm/index";
export * as sim from "./sim/index";
export * as analysis from "./analysis/index";
export * as results from "./results/index";
export * as pipeline from "./pipeline/index";
export * as via from "./via/index";
export * as gap from "./gap/index";
export * as reproduce from "./reproduce/index";
export * as figures from "./figures/index";
export * as report from "./report/index";
export * as notebook from "./notebook/index";

export { UserError, FileLineError } from "./errors";
export type { Protocol } from "./protocol";
export { secretsFromEnv, scrubSecrets, containsSecret, redactUrl } from "./secrets";
