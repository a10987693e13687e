import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { withRunLock } from "../../src/notebook/runLock";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("two holders of one run lock never overlap", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "vag-lock-")), "run");
  const events: string[] = [];
  const job = (name: string) =>
    withRunLock(dir, async () => {
      events.push(`${name} in`);
      await sleep(300);
      events.push(`${name} out`);
    });
  await Promise.all([job("a"), job("b")]);
  assert.equal(events.length, 4);
  assert.equal(events[0].split(" ")[0], events[1].split(" ")[0]);
  assert.ok(!existsSync(`${dir}.lock`));
});

test("a lock left by a dead process is taken over; the lock is released when fn throws", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "vag-lock-")), "run");
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
  mkdirSync(`${dir}.lock`, { recursive: true });
  writeFileSync(join(`${dir}.lock`, "pid"), dead);
  assert.equal(await withRunLock(dir, async () => 42, 5000), 42);
  await assert.rejects(withRunLock(dir, async () => Promise.reject(new Error("boom"))), /boom/);
  assert.ok(!existsSync(`${dir}.lock`));
  rmSync(join(dir, ".."), { recursive: true, force: true });
});
