import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeManifest } from "../../src/runs/manifest";
import { openRun } from "../../src/runs/openRun";
import { appendRecords } from "../../src/runs/store";
import { FileLineError, UserError } from "../../src/errors";
import { emptyManifest, task1Record, task2Record } from "../helpers/records";

const tmp = () => mkdtempSync(join(tmpdir(), "vag-openrun-"));

function manifestIn(dir: string) {
  return writeManifest(dir, emptyManifest("fake-model", "paper"));
}

test("openRun: the latest record per id wins, in order of first appearance; a missing task file is no records", () => {
  const dir = tmp();
  const written = manifestIn(dir);
  const failed = task2Record(0, { error: "HTTP 500", choice: null, chosenPolarity: null });
  const retried = task2Record(0);
  appendRecords(join(dir, "task2.jsonl"), [failed, task2Record(1)]);
  appendRecords(join(dir, "task2.jsonl"), [retried]);
  const run = openRun(dir);
  assert.equal(run.dir, dir);
  assert.deepEqual(run.manifest, written);
  assert.deepEqual(run.task2(), [retried, task2Record(1)]);
  assert.deepEqual(run.records("task2"), run.task2());
  assert.deepEqual(run.task1(), []);
  assert.deepEqual(run.generate(), []);
});

test("openRun reads each file once: later appends are not seen by the same Run, a new Run sees them", () => {
  const dir = tmp();
  const file = join(dir, "task1.jsonl");
  appendRecords(file, [task1Record(0)]);
  const run = openRun(dir);
  const first = run.task1();
  appendRecords(file, [task1Record(1)]);
  assert.equal(run.task1(), first, "memoised: the same array");
  assert.equal(first.length, 1);
  assert.equal(openRun(dir).task1().length, 2);
});

test("openRun: records need no manifest; asking for the missing manifest is a user error; a bad line is FILE:LINE", () => {
  const dir = tmp();
  appendRecords(join(dir, "task2.jsonl"), [task2Record(0)]);
  const run = openRun(dir);
  assert.equal(run.task2().length, 1);
  assert.throws(() => run.manifest, UserError);
  writeFileSync(join(dir, "task1.jsonl"), JSON.stringify(task1Record(0)) + "\n");
  appendFileSync(join(dir, "task1.jsonl"), '{"id": "x", "task": "task1"}\n');
  assert.throws(
    () => openRun(dir).task1(),
    (e: unknown) => e instanceof FileLineError && e.message.startsWith(`${join(dir, "task1.jsonl")}:2:`),
  );
});
