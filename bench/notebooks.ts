/**
 * Wall time of the whole notebook suite (issue 6 target: under 3 min),
 * executed headlessly exactly as `npm run notebooks` does (same runner, 2 at
 * a time), on the simulator, from a cold study (fresh runs/figures/cache in a
 * temp dir, so the first notebook makes all model calls). Also the slowest
 * notebook and the load average, since the kernels' start-up dominates and
 * shared machines vary a lot.
 *
 *   npx tsx bench/notebooks.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { chromiumMissing } from "../src/figures/render";
import { jupyterMissing, listNotebooks, runNotebooks } from "../scripts/notebooks";
import { report, time } from "./lib";

async function main(): Promise<void> {
  const missing = jupyterMissing() ?? chromiumMissing();
  if (missing) {
    process.stderr.write(`bench notebooks: skipped: ${missing}\n`);
    report("notebooks", [{ label: "whole notebook suite", value: NaN, unit: "s", note: missing }]);
    return;
  }
  const base = mkdtempSync(join(tmpdir(), "vag-bench-nb-"));
  const env: NodeJS.ProcessEnv = { ...process.env, VAG_FIGURES_DIR: join(base, "figures"), VAG_RUNS_DIR: join(base, "runs"), VAG_CACHE_DIR: join(base, "cache") };
  for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "VAG_BASE_URL", "VAG_MODEL"]) delete env[k];
  const before = loadavg()[0];
  try {
    const notebooks = listNotebooks();
    const run = await time(() => runNotebooks({ notebooks, outDir: join(base, "out"), env, jobs: 2, timeoutSec: 600 }));
    const failed = run.value.filter((r) => !r.ok).map((r) => basename(r.notebook));
    const slowest = run.value.reduce((a, b) => (b.ms > a.ms ? b : a));
    const seconds = run.ms / 1000;
    const load = `load average ${before.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`;
    process.stderr.write(`notebooks: ${notebooks.length} in ${seconds.toFixed(1)} s (${load})${failed.length ? `; FAILED: ${failed.join(", ")}` : ""}\n`);
    report("notebooks", [
      {
        label: `whole suite: ${notebooks.length} notebooks, 2 at a time, cold study on the simulator`,
        value: seconds,
        unit: "s",
        target: "< 180 s",
        ok: seconds < 180 && failed.length === 0,
        note: failed.length ? `FAILED: ${failed.join(", ")}; ${load}` : load,
      },
      { label: `slowest notebook (${basename(slowest.notebook, ".ipynb")})`, value: slowest.ms / 1000, unit: "s" },
    ]);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

void main();
