import { join, resolve } from "node:path";
import type { Country, Topic } from "../catalog/index";
import { VALUES } from "../catalog/index";
import { slug } from "../figures/figure";
import { parseVariants, type Scope } from "../pipeline/scope";
import { runTask, type RunOutcome } from "../pipeline/run";
import type { Protocol } from "../protocol";
import type { TaskName } from "../runs/records";
import type { NotebookEndpoint } from "./endpoint";
import { withRunLock } from "./runLock";

/**
 * The small study the notebooks share: 3 countries x 2 topics x all 56
 * values (6 scenarios: enough for grouped cross-validation in 05), so the
 * suite stays fast on the simulator and cheap on a real endpoint: generation
 * 672 calls (both polarities), Task 1 6 scenarios x 8 variants = 48 calls,
 * Task 2 336 pairs x 2 option orders = 672 calls. Widen it with `scope`.
 */
export const NOTEBOOK_COUNTRIES: Country[] = ["United States", "Nigeria", "India"];
export const NOTEBOOK_TOPICS: Topic[] = ["Politics", "Health and Health Care"];

/** Variants per task: generation and Task 2 use the paper's variant 5, Task 1 all eight. */
export const NOTEBOOK_VARIANTS: Record<TaskName, string> = { generate: "5", task1: "0-7", task2: "5" };

export function notebookScope(task: TaskName, over: Partial<Scope> = {}): Scope {
  return {
    countries: NOTEBOOK_COUNTRIES,
    topics: NOTEBOOK_TOPICS,
    values: [...VALUES],
    variants: parseVariants(NOTEBOOK_VARIANTS[task]),
    order: "counterbalanced",
    replicates: 1,
    ...over,
  };
}

/**
 * The run directory of a study: `VAG_RUNS_DIR` (default runs/notebooks) /
 * name / model (a run directory holds one model). The notebooks share the
 * study "study": the first notebook pays for the calls, the others resume
 * and find everything done.
 */
export function notebookRunDir(name: string, model: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.VAG_RUNS_DIR?.trim() || join("runs", "notebooks"), slug(name), slug(model));
}

export interface StudyOptions {
  endpoint: NotebookEndpoint;
  /** Study name, the run directory's (default "study", shared by the notebooks). Use another name for another scope. */
  name?: string;
  /** Tasks to run, in this order (default all three). Task 2 needs generate: it is added when missing. */
  tasks?: TaskName[];
  protocol?: Protocol;
  /** Overrides of the notebook scope (same for every task, except the variants). */
  scope?: Partial<Omit<Scope, "variants">>;
  /** Per-task variants, e.g. { task2: "0-7" }. */
  variants?: Partial<Record<TaskName, string>>;
  seed?: number;
  /** LLM response cache (default `VAG_CACHE_DIR`, else the llm layer's .cache/llm); unused for the simulator. */
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface Study {
  runDir: string;
  outcomes: RunOutcome[];
  simulated: boolean;
}

/**
 * Run (or resume: finished items are skipped and answers are cached) the
 * notebook study through the same pipeline as `vag run`: prompts -> endpoint
 * -> parsers -> records under the run directory, with a manifest.
 */
export async function runStudy(o: StudyOptions): Promise<Study> {
  const asked = o.tasks ?? ["generate", "task1", "task2"];
  const tasks = (["generate", "task1", "task2"] as const).filter((t) => asked.includes(t) || (t === "generate" && asked.includes("task2")));
  const runDir = notebookRunDir(o.name ?? "study", o.endpoint.model);
  const outcomes: RunOutcome[] = [];
  await withRunLock(runDir, async () => {
    for (const task of tasks) {
      const variants = o.variants?.[task] ?? NOTEBOOK_VARIANTS[task];
      outcomes.push(
        await runTask({
          task,
          model: o.endpoint.model,
          runDir,
          baseUrl: o.endpoint.baseUrl,
          protocol: o.protocol ?? "robust",
          seed: o.seed ?? 7,
          scope: { ...notebookScope(task, o.scope), variants: parseVariants(variants) },
          actions: task === "task2" ? runDir : undefined,
          concurrency: 16,
          // The simulator is deterministic and local: caching its answers (keyed by its random port) only grows the cache.
          noCache: o.endpoint.simulated,
          cacheDir: o.cacheDir ?? (process.env.VAG_CACHE_DIR?.trim() || undefined),
          yes: true,
          progress: false,
          log: o.log ?? ((s) => console.log(s)),
        }),
      );
    }
  });
  const simulated = o.endpoint.simulated || outcomes.some((x) => x.manifest?.simulated === true);
  return { runDir, outcomes, simulated };
}
