#!/usr/bin/env node
// Runs every tests/**/*.test.ts with node's own test runner (through tsx), so
// the closing "# pass N / # fail N" summary is printed. Arguments filter files
// by substring: `npm test -- parse` runs only files whose path contains "parse".
import { readdirSync, statSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { build } from "./build.mjs";

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === "fixtures" || f === "node_modules") return [];
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}
const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const files = walk("tests")
  .sort()
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
// Tests that use the compiled library (notebooks, `vag` from dist/) must never see a stale dist/.
try {
  build();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
// spec for people on stdout; TAP to a file, from which the closing line is taken.
const tapDir = join(tmpdir(), `vag-test-${process.pid}`);
mkdirSync(tapDir, { recursive: true });
const tap = join(tapDir, "report.tap");
const r = spawnSync(
  process.execPath,
  [
    "--import", "tsx", "--test", "--test-concurrency=2",
    "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=tap", `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: "inherit", env: { ...process.env, VAG_TEST: "1" } },
);
let summary = "";
try {
  const text = readFileSync(tap, "utf8");
  const n = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, "m")) || [])[1] ?? 0);
  summary = `tests: ${n("pass")} passed, ${n("fail") + n("cancelled")} failed, ${n("skipped")} skipped`;
} catch {
  summary = "tests: 0 passed, 1 failed (no report written)";
}
rmSync(tapDir, { recursive: true, force: true });
console.log(summary);
process.exit(r.status ?? 1);
