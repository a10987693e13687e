/**
 * The compiled CLI side by side (issue 13 item 5), all in one run with
 * `farm-bench` (paired A/B runs: A B A B ..., the ratio taken pair by pair, so
 * a drifting machine load moves both sides alike; medians quoted):
 *  1. `vag --help`: compiled JS (dist/) vs the same command through tsx (src/);
 *  2. a cold `vag reproduce` end to end on compiled JS vs the vectorised pandas
 *     implementation (bench/pandas_reproduce.py, Debian's python3-pandas);
 *  3. the floor: a fresh node process that only reads and CSV-parses the same
 *     30 files with the library's reader (compiled), vs the compiled reproduce;
 *  4. danfojs on the full 7,392-cell frame of one model (published GPT-4o-mini
 *     V and A): building the frame, a query and a two-key groupby mean.
 * Wall times on a shared machine include waiting for other processes; CPU
 * (user + system of the whole process tree) does not. Both are reported.
 *
 *   npx tsx bench/compiled.ts   (builds dist/ first; needs ../shared/via or VAL_DATA_DIR, farm-bench on PATH)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { viaDir } from "../tests/helpers/data";
import { report, ROOT, type Metric } from "./lib";

const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Side {
  cpu: number;
  wall: number;
  peak: number;
}
interface Pair {
  a: Side;
  b: Side | null;
  ratioCpu: number | null;
  ratioWall: number | null;
}

/** Run farm-bench and read the medians of its table. */
function farmBench(a: string[], b: string[] | null, timeoutSec = 600): Pair {
  const args = ["-n", String(RUNS), "--timeout", String(timeoutSec), ...(b ? ["--vs", b.join(" ")] : []), "--", ...a];
  const r = spawnSync("farm-bench", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 16 << 20 });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`farm-bench ${args.join(" ")} failed:\n${out}`);
  for (const side of ["A", ...(b ? ["B"] : [])]) {
    const m = new RegExp(`^${side} exit 0 \\((\\d+) of (\\d+)\\)`, "m").exec(out);
    if (!m || m[1] !== m[2]) throw new Error(`farm-bench: ${side} did not exit 0 in every run:\n${out}`);
  }
  const median = (row: string): number => {
    const m = new RegExp(`^${row.replace("/", "\\/")}\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`, "m").exec(out);
    if (!m) throw new Error(`farm-bench output has no row "${row}":\n${out}`);
    return Number(m[2]);
  };
  const side = (s: string): Side => ({ cpu: median(`${s} cpu s`), wall: median(`${s} wall s`), peak: median(`${s} peak MiB`) });
  return { a: side("A"), b: b ? side("B") : null, ratioCpu: b ? median("A/B cpu") : null, ratioWall: b ? median("A/B wall") : null };
}

const secs = (x: number) => `${x.toFixed(2)} s`;

function main(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(ROOT, "scripts", "build.mjs")).build();
  const dir = viaDir();
  const have = (bin: string) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
  if (!have("farm-bench")) {
    process.stderr.write("bench/compiled: farm-bench not on PATH; nothing measured\n");
    report("compiled", []);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), "vag-bench-compiled-"));
  const node = process.execPath;
  const metrics: Metric[] = [];
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const load0 = loadavg()[0];

  const help = farmBench([node, "--enable-source-maps", "dist/cli/main.js", "--help"], [node, "--import", "tsx", "src/cli/main.ts", "--help"]);
  metrics.push({
    label: "`vag --help` on compiled JS (node --enable-source-maps dist/cli/main.js)",
    value: help.a.wall,
    unit: "s",
    note: `CPU ${secs(help.a.cpu)}, peak ${help.a.peak.toFixed(0)} MiB; through tsx (src/): wall ${secs(help.b!.wall)}, CPU ${secs(help.b!.cpu)}; compiled/tsx CPU ${help.ratioCpu!.toFixed(2)}`,
  });

  if (!dir) {
    process.stderr.write("bench/compiled: published data not found (VAL_DATA_DIR or ../shared/via): reproduce not measured\n");
  } else {
    const reproduce = [node, "--enable-source-maps", "dist/cli/main.js", "reproduce", "--data-dir", dir, "--out", join(tmp, "out")];
    const pandasOk = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import pandas, numpy"]).status === 0;
    if (pandasOk) {
      const vs = farmBench(reproduce, [PYTHON, join(ROOT, "bench", "pandas_reproduce.py"), dir, join(tmp, "pandas")], 900);
      metrics.push({
        label: "`vag reproduce` cold, end to end, compiled JS (node start, modules, all 30 files, bootstrap, outputs)",
        value: vs.a.wall,
        unit: "s",
        target: "< 2 s",
        ok: vs.a.wall < 2,
        note: `CPU ${secs(vs.a.cpu)}, peak ${vs.a.peak.toFixed(0)} MiB`,
      });
      metrics.push({ label: "pandas vectorised (bench/pandas_reproduce.py), process end to end", value: vs.b!.wall, unit: "s", note: `CPU ${secs(vs.b!.cpu)}, peak ${vs.b!.peak.toFixed(0)} MiB` });
      metrics.push({
        label: "speed-up of compiled `vag reproduce` over pandas vectorised (paired median)",
        value: 1 / vs.ratioWall!,
        unit: "x",
        target: ">= 4x",
        ok: 1 / vs.ratioWall! >= 4,
        note: `wall; CPU ${(1 / vs.ratioCpu!).toFixed(2)}x`,
      });
    } else {
      process.stderr.write(`bench/compiled: ${PYTHON} cannot import pandas (apt-get install python3-pandas): pandas not measured\n`);
    }
    // The floor: only read + CSV-parse the files reproduce reads, in a fresh compiled process.
    const floorJs = join(tmp, "floor.js");
    writeFileSync(
      floorJs,
      `const { join } = require("node:path");
const { readCsvFile } = require(${JSON.stringify(join(ROOT, "dist", "via", "csv.js"))});
const { requiredFiles } = require(${JSON.stringify(join(ROOT, "dist", "reproduce", "reproduce.js"))});
let rows = 0;
for (const f of requiredFiles()) rows += readCsvFile(join(${JSON.stringify(dir)}, f), { columns: [] }).rows.length;
if (rows < 40000) process.exit(3);
`,
    );
    const floor = farmBench([node, floorJs], reproduce);
    metrics.push({
      label: "floor: a fresh node process that only reads + CSV-parses the 30 files (compiled reader)",
      value: floor.a.wall,
      unit: "s",
      note: `CPU ${secs(floor.a.cpu)}; compiled reproduce in the same paired run: wall ${secs(floor.b!.wall)}, CPU ${secs(floor.b!.cpu)} = ${(1 / floor.ratioCpu!).toFixed(2)}x the floor's CPU`,
    });

    // danfojs on the full frame of one model (7,392 cells).
    const danfoJs = join(tmp, "danfo.js");
    writeFileSync(
      danfoJs,
      `const vag = require(${JSON.stringify(join(ROOT, "dist", "index.js"))});
const t = [performance.now()];
const dir = ${JSON.stringify(dir)};
const m = {
  V: vag.analysis.statedMatrix(vag.via.importTask1(dir, vag.via.TASK1_FILES["gpt-4o-mini"], "gpt-4o-mini", "paper").records, "paper").matrix,
  A: vag.analysis.actedMatrix(vag.via.importTask2(dir, "gpt-4o-mini", vag.via.TASK2_FILES["gpt-4o-mini"]).records, "paper").matrix,
};
t.push(performance.now());
require(require.resolve("danfojs", { paths: [${JSON.stringify(ROOT)}] }));
t.push(performance.now());
const df = vag.notebook.frame({ V: m.V, A: m.A, rows: [...Array(132).keys()], protocol: "paper", simulated: false });
t.push(performance.now());
const decided = df.dropNa({ axis: 1 });
const g = decided.groupby(["group", "country"]).col(["gap"]).mean();
t.push(performance.now());
const q = df.query(df["group"].eq("Power"));
t.push(performance.now());
console.log("DANFO " + JSON.stringify({ cells: df.shape[0], groups: g.shape[0], power: q.shape[0], load: t[2] - t[1], frame: t[3] - t[2], groupby: t[4] - t[3], query: t[5] - t[4] }));
`,
    );
    const d = spawnSync(node, [danfoJs], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 << 20 });
    const line = (d.stdout ?? "").split("\n").find((l) => l.startsWith("DANFO "));
    if (d.status === 0 && line) {
      const x = JSON.parse(line.slice(6)) as { cells: number; groups: number; power: number; load: number; frame: number; groupby: number; query: number };
      metrics.push({ label: `danfojs: load the package (tfjs included)`, value: x.load / 1000, unit: "s" });
      metrics.push({ label: `danfojs: nb.frame of ${x.cells} cells (GPT-4o-mini, published data)`, value: x.frame / 1000, unit: "s", target: "well under 1 s", ok: x.frame < 1000 });
      metrics.push({
        label: `danfojs: dropNa + groupby(["group","country"]).col(["gap"]).mean() on ${x.cells} cells (${x.groups} groups)`,
        value: x.groupby / 1000,
        unit: "s",
        target: "well under 1 s",
        ok: x.groupby < 1000,
      });
      metrics.push({ label: `danfojs: query one value group (${x.power} cells)`, value: x.query / 1000, unit: "s", target: "well under 1 s", ok: x.query < 1000 });
    } else process.stderr.write(`bench/compiled: danfojs measurement failed: ${d.stderr}\n`);
  }
  for (const m of metrics) m.note = [m.note, `commit ${commit}, load ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}, ${RUNS} paired runs`].filter(Boolean).join("; ");
  report("compiled", metrics);
}

main();
