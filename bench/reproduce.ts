/**
 * `vag reproduce` performance (issue 4 target: all published files in under
 * 2 s and under 500 MB on the 2-core machine), measured next to the floor:
 * merely reading and CSV-parsing the same files.
 *
 * CPU time (user + system of this process) is reported beside wall time
 * because the machine is shared: wall time includes waiting for other
 * people's processes, CPU time does not.
 *
 *   npx tsx bench/reproduce.ts   (needs the published data: VAL_DATA_DIR or ../shared/via)
 */
import { spawnSync } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { cpuUsage } from "node:process";
import { readCsvFile } from "../src/via/csv";
import { requiredFiles, reproduce } from "../src/via/reproduce";
import { reproductionOutputs } from "../src/via/reproductionOutputs";
import { viaDir } from "../tests/helpers/data";
import { report, ROOT, type Metric } from "./lib";

function measure<T>(f: () => T): { wallMs: number; cpuMs: number; value: T } {
  const c0 = cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wallMs = performance.now() - t0;
  const c = cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000, value };
}

function main() {
  const dir = viaDir();
  if (!dir) {
    process.stderr.write("bench/reproduce: published data not found (set VAL_DATA_DIR or put it at ../shared/via)\n");
    report("reproduce", []);
    return;
  }
  const load = loadavg()[0].toFixed(1);
  const files = requiredFiles();
  const floor = measure(() => files.reduce((n, f) => n + readCsvFile(join(dir, f), { columns: [] }).rows.length, 0));
  const noDataset = measure(() => reproductionOutputs(reproduce({ dataDir: dir })));
  const full = measure(() => reproductionOutputs(reproduce({ dataDir: dir, dataset: true })));
  const out = join(mkdtempSync(join(tmpdir(), "vag-bench-repro-")), "out");
  const t0 = performance.now();
  const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "reproduce", "--data-dir", dir, "--out", out], { cwd: ROOT, encoding: "utf8" });
  const cliMs = performance.now() - t0;
  if (cli.status !== 0) throw new Error(`vag reproduce failed: ${cli.stderr}`);
  const s = (ms: number) => ms / 1000;
  const metrics: Metric[] = [
    { label: `floor: read + CSV-parse the ${files.length} files (${floor.value} rows)`, value: s(floor.wallMs), unit: "s", note: `CPU ${s(floor.cpuMs).toFixed(2)} s; load ${load}` },
    { label: "reproduce in-process (default: every file a table needs)", value: s(noDataset.wallMs), unit: "s", target: "< 2 s", ok: noDataset.wallMs < 2000, note: `CPU ${s(noDataset.cpuMs).toFixed(2)} s` },
    { label: "reproduce in-process with --dataset (adds the 10 MB VIA dataset parse)", value: s(full.wallMs), unit: "s", note: `CPU ${s(full.cpuMs).toFixed(2)} s` },
    { label: "`vag reproduce` CLI end to end (process start, tsx, writing outputs)", value: s(cliMs), unit: "s", note: `load ${load}` },
  ];
  for (const m of metrics) process.stderr.write(`${m.label}: ${m.value.toFixed(2)} ${m.unit}${m.note ? ` (${m.note})` : ""}\n`);
  report("reproduce", metrics);
}

main();
