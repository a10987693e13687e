import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { COUNTRIES, TOPICS, VALUES } from "../src/catalog";
import { exportBatch, importBatch } from "../src/pipeline/batch";
import { fetchBatches, submitBatches } from "../src/pipeline/batchProvider";
import { runTask, type RunOptions } from "../src/pipeline/run";
import type { Scope } from "../src/pipeline/scope";
import { loadavg } from "node:os";
import { ROOT, report, startSimProcess, time } from "./lib";

/** Wall and CPU (user + system, this process) of one step. */
async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t = await time(f);
  const c = process.cpuUsage(c0);
  return { ...t, cpuMs: (c.user + c.system) / 1000 };
}

/**
 * Issue 14: batch export and import throughput for a full Task 2 (12
 * countries x 11 topics x 56 values, both option orders, 2 replicates: about
 * 29,568 calls). Action pairs come from the published dataset CSV when it is
 * at hand (VAL_DATA_DIR or ../shared/via), else from a simulated generate run.
 * Export is timed in-process; then the file goes through the simulator's
 * Batch API (its own process) with the openai SDK: upload, completion,
 * download and import; the downloaded output is then imported once more into
 * a second run directory to time the import alone.
 */
async function main() {
  const work = mkdtempSync(join(tmpdir(), "vag-bench-batch-"));
  const sim = await startSimProcess(["--seed", "1", "--batch-ms", "0"]);
  const quiet = () => {};
  const load0 = loadavg()[0].toFixed(1);
  try {
    const scope: Scope = { countries: [...COUNTRIES], topics: [...TOPICS], values: [...VALUES], variants: [5], order: "counterbalanced", replicates: 2 };
    const dataDir = [process.env.VAL_DATA_DIR, resolve(ROOT, "../shared/via")].find((d) => d && existsSync(join(d, "dataset", "value_action_gap_full_data_generation.csv")));
    let actions: string;
    let actionsNote: string;
    if (dataDir) {
      actions = join(dataDir, "dataset", "value_action_gap_full_data_generation.csv");
      actionsNote = "action pairs from the published dataset CSV";
    } else {
      actions = join(work, "actions");
      await runTask({ task: "generate", model: "sim-respondent", runDir: actions, baseUrl: sim.url, protocol: "robust", scope: { ...scope, replicates: 1 }, cacheDir: join(work, "gen-cache"), concurrency: 32, yes: true, log: quiet, progress: false });
      actionsNote = "action pairs from a simulated generate run";
    }
    const o = (runDir: string, cacheDir: string): RunOptions => ({ task: "task2", model: "sim-respondent", runDir, baseUrl: sim.url, protocol: "robust", seed: 1, scope, actions, cacheDir, log: quiet });

    const a = join(work, "a");
    const exp = await timed(() => exportBatch({ ...o(a, join(work, "cache-a")), out: join(work, "a-in.jsonl") }));
    const n = exp.value.requests;
    const bytes = exp.value.files.reduce((s, f) => s + statSync(f).size, 0);
    const submit = await time(() => submitBatches(a, { log: quiet }));
    const fetched = await time(() => fetchBatches(a, { log: quiet, wait: true, pollMs: 200 }));
    const output = readdirSync(join(a, "batches")).map((f) => join(a, "batches", f));

    const b = join(work, "b");
    exportBatch({ ...o(b, join(work, "cache-b")), out: join(work, "b-in.jsonl") });
    const imp = await timed(() => importBatch(b, output, { log: quiet }));
    const imported = Object.values(imp.value.tasks).reduce((s, t) => s + t.records, 0);
    const peak = process.resourceUsage().maxRSS / 1024;
    report("batch", [
      { label: `batch export, task2 ${n} calls (12 x 11 x 56 values, both orders, 2 replicates; ${actionsNote})`, value: n / (exp.ms / 1000), unit: "records/s", note: `${(exp.ms / 1000).toFixed(2)} s wall, ${(exp.cpuMs / 1000).toFixed(2)} s CPU (planning the items incl. reading the action pairs), ${exp.value.files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB; load ${load0}` },
      { label: `batch import, task2 ${imported} output lines into a fresh run (parse, records, cache, manifest)`, value: imported / (imp.ms / 1000), unit: "records/s", note: `${(imp.ms / 1000).toFixed(2)} s wall, ${(imp.cpuMs / 1000).toFixed(2)} s CPU; load ${loadavg()[0].toFixed(1)}` },
      { label: "vag batch submit through the SDK to the simulator (upload + batches.create)", value: submit.ms / 1000, unit: "s" },
      { label: "vag batch fetch --wait (simulator answers the batch, download, import)", value: fetched.ms / 1000, unit: "s" },
      { label: "batch bench peak memory (client process)", value: peak, unit: "MB" },
    ]);
  } finally {
    await sim.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
