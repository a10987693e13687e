import type { Command } from "commander";
import { FileLineError } from "../../errors";
import type { StatusCounts } from "../../runs/summary";

/**
 * `vag validate FILE.jsonl`: check every record against its schema and print
 * counts per task and status (latest record per id, as a resumed run sees
 * them). A bad line is one `FILE:LINE: reason` and exit 2; a torn last line
 * (interrupted write) is only a warning.
 */
export function register(program: Command): void {
  program
    .command("validate")
    .description("check a run's JSONL records and print counts per task and parse status")
    .argument("<file>", "a records file (generate.jsonl, task1.jsonl, task2.jsonl)")
    .option("--json", "print the counts as one JSON object")
    .action((file: string, opts: { json?: boolean }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { latestById, readRecords } = require("../../runs/store") as typeof import("../../runs/store");
      const { summarizeRecords } = require("../../runs/summary") as typeof import("../../runs/summary");
      const { records, torn } = readRecords(file);
      if (torn) {
        process.stderr.write(`vag: warning: ${file}:${torn.line}: torn last line ignored (an interrupted write)\n`);
      }
      if (records.length === 0 && !torn) throw new FileLineError(file, 1, "empty file (no records)");
      const latest = [...latestById(records).values()];
      const counts = summarizeRecords(latest);
      if (opts.json) {
        const out = { file, lines: records.length, ids: latest.length, torn: torn ? torn.line : null, counts };
        process.stdout.write(JSON.stringify(out) + "\n");
        return;
      }
      process.stdout.write(`${file}: ${records.length} records, ${latest.length} ids` +
        (records.length > latest.length ? ` (${records.length - latest.length} superseded by later records)` : "") + "\n");
      process.stdout.write(table(counts));
    });
}

function table(counts: Record<string, StatusCounts>): string {
  const cols = ["records", "ok", "repaired", "failed", "error"] as const;
  const rows = [["task", ...cols], ...Object.entries(counts).map(([t, c]) => [t, ...cols.map((k) => String(c[k]))])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n") + "\n";
}
