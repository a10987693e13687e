import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendRecords } from "../../src/runs/store";
import { task1Record, task2Record } from "../helpers/records";

const root = join(__dirname, "../..");

/** `npx tsx src/cli/main.ts validate ...`, with the tsx CLI called directly to spare npx's start-up. */
function vag(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/cli/main.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("validate prints counts per task and status, latest record per id", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-validate-"));
  const f = join(dir, "mixed.jsonl");
  appendRecords(f, [
    task2Record(0, { error: "timeout", response: null, choice: null, chosenPolarity: null, parse: { status: "failed", reason: "no response" } }),
    task2Record(1, { parse: { status: "repaired" } }),
    task2Record(2, { choice: null, chosenPolarity: null, parse: { status: "failed", reason: "no option" } }),
    task1Record(3),
    task2Record(0), // the retry of id 0 succeeded
  ]);
  const j = vag("validate", f, "--json");
  assert.equal(j.code, 0, j.stderr);
  const out = JSON.parse(j.stdout);
  assert.equal(out.lines, 5);
  assert.equal(out.ids, 4);
  assert.deepEqual(out.counts, {
    task2: { records: 3, ok: 1, repaired: 1, failed: 1, error: 0 },
    task1: { records: 1, ok: 1, repaired: 0, failed: 0, error: 0 },
  });
  const t = vag("validate", f);
  assert.equal(t.code, 0);
  assert.match(t.stdout, /5 records, 4 ids \(1 superseded/);
  assert.match(t.stdout, /^task2\s+3\s+1\s+1\s+1\s+0$/m);
});

test("validate: a bad line is one FILE:LINE error with exit code 2, no stack trace, no output", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-validate-"));
  const f = join(dir, "bad.jsonl");
  appendRecords(f, [task2Record(0), task2Record(1)]);
  appendFileSync(f, "not json\n");
  appendRecords(f, [task2Record(2)]);
  const r = vag("validate", f);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, new RegExp(`^vag: ${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: invalid JSON`));
  assert.equal(r.stderr.trim().split("\n").length, 1);
});

test("validate: a torn last line is a warning, not an error", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-validate-"));
  const f = join(dir, "torn.jsonl");
  appendRecords(f, [task2Record(0)]);
  appendFileSync(f, JSON.stringify(task2Record(1)).slice(0, 30));
  const r = vag("validate", f, "--json");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: .*torn\.jsonl:2: torn last line/);
  assert.equal(JSON.parse(r.stdout).counts.task2.records, 1);
});

test("validate: empty and missing files are one-line errors with exit code 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-validate-"));
  const empty = join(dir, "empty.jsonl");
  writeFileSync(empty, "");
  const e = vag("validate", empty);
  assert.equal(e.code, 2);
  assert.equal(e.stderr, `vag: ${empty}:1: empty file (no records)\n`);
  const m = vag("validate", join(dir, "missing.jsonl"));
  assert.equal(m.code, 2);
  assert.equal(m.stderr.trim().split("\n").length, 1);
});
