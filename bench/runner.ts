import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COUNTRIES, TOPICS, VALUES } from "../src/catalog";
import { runTask } from "../src/pipeline/run";
import type { Scope } from "../src/pipeline/scope";
import { report, startSimProcess, time } from "./lib";

/**
 * Issue 3 benchmark: Task 2 on 2,000 pairs against the simulator (its own
 * process) with 100 ms latency and concurrency 32. Ideal = 32 / 0.1 s = 320
 * requests/s; target >= 90% of it. Then a warm-cache re-run of the same pairs
 * into a fresh run directory (every answer from the cache): target < 2 s.
 * Peak memory (this process) target < 300 MB.
 */
async function main() {
  const LATENCY = 100;
  const CONCURRENCY = 32;
  const sim = await startSimProcess(["--latency-ms", String(LATENCY), "--seed", "1"]);
  const work = mkdtempSync(join(tmpdir(), "vag-bench-runner-"));
  try {
    const actionsDir = join(work, "actions");
    // 2,000 pairs: 36 scenarios x 56 values = 2,016 pairs, trimmed to the first 2,000 by value list per scenario
    const scenarios = COUNTRIES.slice(0, 4).flatMap((c) => TOPICS.slice(0, 9).map((t) => [c, t] as const));
    const scope: Scope = { countries: [...COUNTRIES.slice(0, 4)], topics: [...TOPICS.slice(0, 9)], values: [...VALUES], variants: [5], order: "paper", replicates: 1 };
    const quiet = () => {};
    const gen = await startSimProcess(["--latency-ms", "0", "--seed", "1"]);
    await runTask({ task: "generate", model: "sim-respondent", runDir: actionsDir, baseUrl: gen.url, protocol: "robust", scope, cacheDir: join(work, "gen-cache"), concurrency: 32, yes: true, log: quiet, progress: false });
    await gen.stop();

    const cacheDir = join(work, "cache");
    const cold = await time(() =>
      runTask({ task: "task2", model: "sim-respondent", runDir: join(work, "cold"), baseUrl: sim.url, protocol: "robust", scope, actions: actionsDir, cacheDir, concurrency: CONCURRENCY, yes: true, log: quiet, progress: false }),
    );
    const pairs = cold.value.stats!.attempted;
    const rate = pairs / (cold.ms / 1000);
    const ideal = CONCURRENCY / (LATENCY / 1000);
    const warm = await time(() =>
      runTask({ task: "task2", model: "sim-respondent", runDir: join(work, "warm"), baseUrl: sim.url, protocol: "robust", scope, actions: actionsDir, cacheDir, concurrency: CONCURRENCY, yes: true, log: quiet, progress: false }),
    );
    const peak = process.resourceUsage().maxRSS / 1024;
    report("runner", [
      { label: `task2 ${pairs} pairs (${scenarios.length} scenarios x 56 values), ${LATENCY} ms latency, concurrency ${CONCURRENCY}`, value: rate, unit: "req/s", target: `>= ${(0.9 * ideal).toFixed(0)} (90% of ideal ${ideal})`, ok: rate >= 0.9 * ideal, note: `${(rate / ideal * 100).toFixed(0)}% of ideal, ${(cold.ms / 1000).toFixed(2)} s` },
      { label: `task2 warm-cache re-run of the same ${warm.value.stats!.attempted} pairs`, value: warm.ms / 1000, unit: "s", target: "< 2 s", ok: warm.ms < 2000, note: `${warm.value.stats!.cacheHits} cache hits` },
      { label: "runner peak memory (client process)", value: peak, unit: "MB", target: "< 300 MB", ok: peak < 300 },
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
