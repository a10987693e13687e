import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { writeFileAtomic } from "../../src/io/atomic";
import { appendRecords, compactRecords, finishedIds, latestById, readRecords } from "../../src/runs/store";
import { FileLineError, UserError } from "../../src/errors";
import { Task2Record } from "../../src/runs/records";
import { task1Record, task2Record } from "../helpers/records";

const tmp = () => mkdtempSync(join(tmpdir(), "vag-store-"));

test("records round-trip, one JSON object per line", () => {
  const f = join(tmp(), "task2.jsonl");
  const recs = [task2Record(0), task2Record(1), task1Record(2)];
  appendRecords(f, recs.slice(0, 2));
  appendRecords(f, recs.slice(2));
  const text = readFileSync(f, "utf8");
  assert.equal(text.split("\n").length, 4);
  assert.ok(text.endsWith("\n"));
  const { records, torn } = readRecords(f);
  assert.equal(torn, null);
  assert.deepEqual(records, recs);
});

test("a torn last line is ignored and reported; the next append starts on a fresh line", () => {
  const f = join(tmp(), "task2.jsonl");
  appendRecords(f, [task2Record(0), task2Record(1)]);
  const full = JSON.stringify(task2Record(2));
  appendFileSync(f, full.slice(0, 40));
  const r1 = readRecords(f);
  assert.equal(r1.records.length, 2);
  assert.deepEqual(r1.torn, { line: 3, text: full.slice(0, 40) });
  appendRecords(f, [task2Record(2), task2Record(3)]);
  const r2 = readRecords(f);
  assert.equal(r2.torn, null);
  assert.deepEqual(r2.records.map((r) => r.id), [0, 1, 2, 3].map((i) => task2Record(i).id));
});

test("a complete last record without its newline is kept, and appending does not glue onto it", () => {
  const f = join(tmp(), "task2.jsonl");
  writeFileSync(f, JSON.stringify(task2Record(0)));
  assert.equal(readRecords(f).records.length, 1);
  appendRecords(f, [task2Record(1)]);
  assert.deepEqual(readRecords(f).records.map((r) => r.id), [task2Record(0).id, task2Record(1).id]);
});

test("a bad line that is not the last throws FILE:LINE: reason", () => {
  const dir = tmp();
  const f = join(dir, "task2.jsonl");
  appendRecords(f, [task2Record(0)]);
  appendFileSync(f, '{"id": "x", oops}\n');
  appendRecords(f, [task2Record(1)]);
  assert.throws(() => readRecords(f), (e: unknown) => {
    assert.ok(e instanceof FileLineError);
    assert.equal(e.line, 2);
    assert.equal(e.exitCode, 2);
    assert.match(e.message, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: invalid JSON`));
    assert.ok(!e.message.includes("\n"));
    return true;
  });
});

test("a schema violation names the field in one line", () => {
  const f = join(tmp(), "task2.jsonl");
  appendRecords(f, [task2Record(0), { ...task2Record(1), choice: 3 }]);
  assert.throws(() => readRecords(f), (e: unknown) => e instanceof FileLineError && e.line === 2 && /choice/.test(e.reason) && !e.message.includes("\n"));
  const g = join(tmp(), "x.jsonl");
  appendRecords(g, [{ ...task2Record(0), country: "Atlantis" }]);
  assert.throws(() => readRecords(g), (e: unknown) => e instanceof FileLineError && e.line === 1 && /^country: /.test(e.reason));
});

test("a custom schema is honoured and a missing file is a user error unless missingOk", () => {
  const f = join(tmp(), "task2.jsonl");
  appendRecords(f, [task1Record(0)]);
  assert.throws(() => readRecords(f, { schema: Task2Record }), FileLineError);
  assert.throws(() => readRecords(join(tmp(), "none.jsonl")), UserError);
  assert.deepEqual(readRecords(join(tmp(), "none.jsonl"), { missingOk: true }), { records: [], torn: null });
});

test("a line that is not UTF-8 is reported with its line number", () => {
  const f = join(tmp(), "task2.jsonl");
  appendRecords(f, [task2Record(0)]);
  appendFileSync(f, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a])); // {"é"} in Latin-1
  assert.throws(() => readRecords(f), (e: unknown) => e instanceof FileLineError && e.line === 2 && /UTF-8/.test(e.reason));
});

test("resume semantics: the last record per id wins; failed ids are not finished", () => {
  const a = task2Record(0, { error: "HTTP 500 (gave up after 7 attempts)", response: null, choice: null, chosenPolarity: null, parse: { status: "failed", reason: "no response" } });
  const b = task2Record(1);
  const a2 = task2Record(0);
  const c = task2Record(2, { error: "timeout" });
  const latest = latestById([a, b, a2, c]);
  assert.deepEqual([...latest.keys()], [a.id, b.id, c.id]);
  assert.equal(latest.get(a.id), a2);
  assert.deepEqual(finishedIds([a, b, a2, c]), new Set([a.id, b.id]));
});

test("compactRecords leaves each id once (its latest record) and drops a torn tail", () => {
  const f = join(tmp(), "task2.jsonl");
  const failedFirst = task2Record(0, { error: "timeout", choice: null, chosenPolarity: null });
  appendRecords(f, [failedFirst, task2Record(1)]);
  appendRecords(f, [task2Record(0)]);
  appendFileSync(f, '{"id":"torn');
  const r = compactRecords(f);
  assert.deepEqual({ before: r.before, after: r.after, tornLine: r.torn?.line }, { before: 3, after: 2, tornLine: 4 });
  const back = readRecords(f);
  assert.equal(back.torn, null);
  assert.deepEqual(back.records, [task2Record(0), task2Record(1)]);
});

test("writeFileAtomic replaces the file and leaves no temp file; a failed write leaves the old content", () => {
  const dir = tmp();
  const f = join(dir, "out.json");
  writeFileAtomic(f, "old\n");
  writeFileAtomic(f, "new\n");
  assert.equal(readFileSync(f, "utf8"), "new\n");
  assert.deepEqual(readdirSync(dir), ["out.json"]);
  // Renaming a file over a non-empty directory fails: the target stays, no temp is left behind.
  const target = join(dir, "adir");
  mkdirSync(target);
  writeFileSync(join(target, "keep"), "x");
  assert.throws(() => writeFileAtomic(target, "data"));
  assert.deepEqual(readdirSync(dir).sort(), ["adir", "out.json"]);
  assert.equal(readFileSync(join(target, "keep"), "utf8"), "x");
});

/** Run a child that loops forever doing `code`, kill it with SIGKILL after `ms`. */
async function killAfter(code: string, ms: number, onTick?: () => void): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "-e", code], { cwd: join(__dirname, "../.."), stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  const exited = new Promise((r) => child.once("exit", r));
  try {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      onTick?.();
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
}

test("SIGKILL during appends: every line but possibly the last is whole, and appending resumes cleanly", async () => {
  const f = join(tmp(), "task2.jsonl");
  const code = `
    const { appendRecords } = require("./src/runs/store");
    const { task2Record } = require("./tests/helpers/records");
    const big = "x".repeat(200000);
    let i = 0; process.stdout.write("go\\n");
    for (;;) { appendRecords(${JSON.stringify(f)}, [task2Record(i, { explanation: big }), task2Record(i + 1)]); i += 2; }`;
  await killAfter(code, 400);
  const { records } = readRecords(f); // throws if any line but the last were damaged
  assert.ok(records.length > 0);
  appendRecords(f, [task2Record(999999)]);
  const after = readRecords(f);
  assert.equal(after.torn, null);
  assert.equal(after.records.at(-1)!.id, task2Record(999999).id);
  assert.equal(after.records.length, records.length + 1);
});

test("SIGKILL during atomic rewrites: a reader only ever sees a whole old or whole new file", async () => {
  const dir = tmp();
  const f = join(dir, "out.txt");
  const A = "A".repeat(300000);
  const B = "B".repeat(300001);
  writeFileAtomic(f, A);
  const code = `
    const { writeFileAtomic } = require("./src/io/atomic");
    const A = "A".repeat(300000), B = "B".repeat(300001);
    process.stdout.write("go\\n");
    for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(f)}, i % 2 ? A : B);`;
  let reads = 0;
  await killAfter(code, 400, () => {
    const t = readFileSync(f, "utf8");
    assert.ok(t === A || t === B, `torn read of length ${t.length}`);
    reads++;
  });
  const t = readFileSync(f, "utf8");
  assert.ok(t === A || t === B);
  assert.ok(reads > 10);
});
