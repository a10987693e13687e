import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { machine, ROOT, type Metric } from "./lib";

/**
 * `npm run bench`: run every bench script in its own process, print one
 * table, and rewrite bench/RESULTS.md with the figures just measured and the
 * machine they came from. Nothing here is asserted by `npm test`.
 * `npm run bench -- runner gap` runs only the named scripts.
 */
const SCRIPTS = ["runner", "batch", "reproduce", "gap", "figures", "notebooks"];

interface BenchLine {
  name: string;
  metrics: Metric[];
  peakRssMb: number;
}

function runScript(name: string): BenchLine | { name: string; error: string } {
  const file = join(ROOT, "bench", `${name}.ts`);
  if (!existsSync(file)) return { name, error: "no bench script" };
  process.stderr.write(`bench: ${name} ...\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("BENCH "));
  if (r.status !== 0 || !line) return { name, error: `exit ${r.status ?? r.signal}${line ? "" : ", no BENCH line"}` };
  return JSON.parse(line.slice(6)) as BenchLine;
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

function main() {
  const only = process.argv.slice(2);
  const names = only.length > 0 ? only : SCRIPTS;
  const results = names.map(runScript);
  const rows: string[][] = [];
  for (const r of results) {
    if ("error" in r) {
      rows.push([r.name, "(not measured)", "", "", r.error]);
      continue;
    }
    for (const m of r.metrics)
      rows.push([r.name, m.label, `${fmt(m.value)} ${m.unit}`, m.target ? `${m.target} ${m.ok === undefined ? "" : m.ok ? "met" : "MISSED"}` : "", m.note ?? ""]);
    rows.push([r.name, "peak memory (whole bench process)", `${fmt(r.peakRssMb)} MB`, "", ""]);
  }
  const header = ["bench", "what", "measured", "target", "note"];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
  const when = new Date().toISOString();
  process.stdout.write(`\n${table}\n\nmachine: ${machine()}\n`);
  if (only.length === 0) {
    const md = readFileSync(join(ROOT, "bench", "RESULTS.md"), "utf8").split("<!-- results -->")[0];
    writeFileSync(
      join(ROOT, "bench", "RESULTS.md"),
      `${md}<!-- results -->\nMeasured ${when} on ${machine()} by \`npm run bench\` (written by bench/run.ts; do not edit by hand).\n\n${table}\n`,
    );
    process.stdout.write(`written bench/RESULTS.md\n`);
  }
}

main();
