import { join } from "node:path";
import type { z } from "zod";
import { readManifest, type Manifest } from "./manifest";
import { GenerateRecord, Task1Record, Task2Record, type TaskName } from "./records";
import { latestById, readRecords } from "./store";

/** The file of each task's records in a run directory. */
export const RECORD_FILE: Record<TaskName, string> = { generate: "generate.jsonl", task1: "task1.jsonl", task2: "task2.jsonl" };

/**
 * A run directory as its readers see it: the manifest and, per task, the
 * LATEST record of each id (a failed call retried on resume is superseded),
 * validated by the task's schema, in order of each id's first appearance.
 * A task file that does not exist reads as no records. Each file is read
 * once, on first use, and kept: one `Run` handed from the analysis to the
 * report and the demo means one read of the run. A `Run` is a snapshot of
 * a finished run; whoever appends records opens a new one.
 */
export interface Run {
  readonly dir: string;
  /** manifest.json (read on first use: a reader of records alone does not need one). */
  readonly manifest: Manifest;
  generate(): GenerateRecord[];
  task1(): Task1Record[];
  task2(): Task2Record[];
  /** The records of one task, by name (for code that loops over the tasks). */
  records(task: TaskName): GenerateRecord[] | Task1Record[] | Task2Record[];
}

export function openRun(dir: string): Run {
  const latest = <T extends { id: string }>(task: TaskName, schema: z.ZodType<T>): (() => T[]) => {
    let records: T[] | null = null;
    return () => (records ??= [...latestById(readRecords<T>(join(dir, RECORD_FILE[task]), { schema, missingOk: true }).records).values()]);
  };
  let manifest: Manifest | null = null;
  const generate = latest<GenerateRecord>("generate", GenerateRecord);
  // The Task 1 schema infers `answers` as a partial record; Task1Record (the type) pins its keys to the 56 values.
  const task1 = latest<Task1Record>("task1", Task1Record as unknown as z.ZodType<Task1Record>);
  const task2 = latest<Task2Record>("task2", Task2Record);
  return {
    dir,
    get manifest() {
      return (manifest ??= readManifest(dir));
    },
    generate,
    task1,
    task2,
    records: (task) => (task === "generate" ? generate() : task === "task1" ? task1() : task2()),
  };
}
