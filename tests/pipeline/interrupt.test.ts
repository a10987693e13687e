import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { startSimServer } from "../../src/sim";
import { tmp, readLines } from "./helpers";

const ROOT = resolve(__dirname, "../..");

test("Ctrl-C: calls under way finish and are written, the run says how to resume, and resuming completes it", async () => {
  const sim = await startSimServer({ port: 0, seed: 9, latencyMs: 40 });
  try {
    const runDir = tmp("sigint");
    const args = [
      "--import", "tsx", join(ROOT, "src/cli/main.ts"), "task1",
      "--model", "sim-respondent", "--run", runDir, "--base-url", sim.url, "--cache-dir", tmp("sigint-cache"),
      "--countries", "Egypt,France", "--variants", "0-7", "--concurrency", "2", "--yes",
    ];
    const file = join(runDir, "task1.jsonl");
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const poll = setInterval(() => {
        if (existsSync(file) && readFileSync(file, "utf8").split("\n").length > 4) {
          clearInterval(poll);
          child.kill("SIGINT");
        }
      }, 5);
      child.on("exit", (code) => {
        clearInterval(poll);
        done({ code, stderr });
      });
    });
    assert.equal(code, 130, stderr);
    assert.match(stderr, /resume with: npm run -s vag -- task1 /);
    const partial = readLines(file);
    assert.ok(partial.length >= 4 && partial.length < 2 * 11 * 8, `partial run: ${partial.length} records`);
    for (const r of partial) assert.equal(r.error, null, "records written after Ctrl-C are complete answers");

    const again = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    const exit = await new Promise<number | null>((r) => again.on("exit", r));
    assert.equal(exit, 0);
    const full = readLines(file);
    assert.equal(full.length, 2 * 11 * 8);
    assert.equal(new Set(full.map((l) => l.id)).size, full.length);
  } finally {
    await sim.close();
  }
});
