import { join } from "node:path";
import type { Country, Topic, Value } from "../catalog";
import { VALUES } from "../catalog";
import { startSimServer, SIM_MODEL, type SimServer } from "../sim";
import type { ReasoningMode } from "../sim/reasoning";
import { parseVariants, type Scope } from "./scope";
import { runTask, type RunOutcome } from "./run";

/** The demo scope of `npm start`: 2 countries x 3 topics x all 56 values. */
export const DEMO_COUNTRIES: Country[] = ["United States", "Nigeria"];
export const DEMO_TOPICS: Topic[] = ["Politics", "Religion", "Health and Health Care"];
export const DEMO_SEED = 7;

export interface DemoOptions {
  runDir?: string;
  cacheDir?: string;
  seed?: number;
  concurrency?: number;
  log?: (line: string) => void;
  progress?: boolean;
  /** Use this simulator instead of starting one (tests inject faults this way). */
  sim?: SimServer;
  /** Narrow the demo scope (tests keep their runs short); default: the demo scope above. */
  scope?: { countries?: Country[]; topics?: Topic[]; values?: Value[] };
  /** Share of cells the simulator answers by position in Task 2 (`SimServerOptions.positionBias`; default 0). */
  positionBias?: number;
  /** The simulator answers as a reasoning model (`SimServerOptions.reasoning`; default "off"): the results must not change. */
  reasoning?: ReasoningMode;
  /** Per-request timeout (default: the client's); a fault test makes hangs time out quickly. */
  timeoutMs?: number;
}

export interface DemoOutcome {
  runDir: string;
  simUrl: string;
  outcomes: RunOutcome[];
}

/**
 * The `npm start` pipeline: start the simulated model in-process and run
 * generation (variant 5), Task 1 (all 8 variants) and Task 2 (counterbalanced,
 * on the generated actions) over the demo scope through the real openai SDK
 * over HTTP. Everything is labelled simulated.
 */
export async function runDemoPipeline(o: DemoOptions = {}): Promise<DemoOutcome> {
  const runDir = o.runDir ?? join("runs", "demo");
  const seed = o.seed ?? DEMO_SEED;
  const sim = o.sim ?? (await startSimServer({ port: 0, seed, positionBias: o.positionBias, reasoning: o.reasoning }));
  const scope = (variants: string): Scope => ({
    countries: o.scope?.countries ?? DEMO_COUNTRIES,
    topics: o.scope?.topics ?? DEMO_TOPICS,
    values: o.scope?.values ?? [...VALUES],
    variants: parseVariants(variants),
    order: "counterbalanced",
    replicates: 1,
  });
  const common = {
    model: SIM_MODEL,
    runDir,
    baseUrl: sim.url,
    protocol: "robust" as const,
    seed,
    cacheDir: o.cacheDir,
    concurrency: o.concurrency ?? 16,
    timeoutMs: o.timeoutMs,
    yes: true,
    log: o.log,
    progress: o.progress,
  };
  try {
    const outcomes: RunOutcome[] = [];
    outcomes.push(await runTask({ ...common, task: "generate", scope: scope("5") }));
    outcomes.push(await runTask({ ...common, task: "task1", scope: scope("0-7") }));
    outcomes.push(await runTask({ ...common, task: "task2", scope: scope("5"), actions: runDir }));
    return { runDir, simUrl: sim.url, outcomes };
  } finally {
    if (!o.sim) await sim.close();
  }
}
