import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticMatrices, syntheticMisaligned, syntheticResults } from "../helpers/figureData";

// The real CLI in a child process, as a user runs it.
const root = join(__dirname, "..", "..");
function vag(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function reproduceDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "vag-cli-fig-")), "reproduce");
  mkdirSync(dir);
  writeFileSync(join(dir, "results.json"), JSON.stringify(syntheticResults({ simulated: true })));
  writeFileSync(join(dir, "matrices.json"), JSON.stringify(syntheticMatrices()));
  writeFileSync(join(dir, "misaligned.json"), JSON.stringify(syntheticMisaligned(10)));
  return dir;
}

test("vag figures --format none: counts per model, figures.html written, simulated said", { timeout: 60_000 }, async () => {
  const dir = reproduceDir();
  const out = join(mkdtempSync(join(tmpdir(), "vag-cli-out-")), "figs");
  const r = await vag("figures", "--from", dir, "--out", out, "--format", "none", "--model", "model-a");
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^38 figures, 0 files \(no images\) in [\d.]+ s \[SIMULATED data\]\n/);
  assert.match(r.stdout, /\n  model-a: 30\n  across models: 8\n/);
  // the model filter reaches the across-model charts too
  assert.doesNotMatch(readFileSync(join(out, "figures.html"), "utf8"), /model-b/);
  assert.ok(existsSync(join(out, "figures.html")));
  assert.match(readFileSync(join(out, "figures.html"), "utf8"), /SIMULATED results/);
});

test("vag figures / report: bad input is one line with exit code 2 and no output", { timeout: 60_000 }, async () => {
  const dir = reproduceDir();
  writeFileSync(join(dir, "results.json"), '{"models": {"m": {"inconsistency": {"stated_disagree_acted_agree": 1, "stated_agree_acted_disagree": 2, "total": "many", "share": 0.1}}}}');
  const out = join(mkdtempSync(join(tmpdir(), "vag-cli-out-")), "figs");
  const r = await vag("figures", "--from", dir, "--out", out, "--format", "none");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^vag: .*results\.json:1: models\.m\.inconsistency\.total: .*\n$/);
  assert.equal(existsSync(out), false);
  const missing = await vag("report", "--from", join(dir, "nope"), "--out", out);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^vag: .*nope: no such directory\n$/);
  const fmt = await vag("figures", "--from", dir, "--out", out, "--format", "gif");
  assert.equal(fmt.code, 2);
  assert.equal(fmt.stderr, 'vag: --format: unknown format "gif" (use png, svg or none)\n');
});

test("vag report writes index.html and prints what it holds", { timeout: 60_000 }, async () => {
  const dir = reproduceDir();
  const out = join(mkdtempSync(join(tmpdir(), "vag-cli-out-")), "report");
  const r = await vag("report", "--from", dir, "--out", out);
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  assert.match(r.stdout, new RegExp(`^report: ${join(out, "index.html").replace(/[.]/g, "\\.")}\n  2 model\\(s\\), \\d+ chart\\(s\\), 10 misaligned example\\(s\\)`));
  assert.match(r.stdout, /SIMULATED results/);
  assert.ok(existsSync(join(out, "index.html")));
});
