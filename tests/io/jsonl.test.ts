import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendJsonLines, JsonlAppender, repairTail, splitJsonl, tryParseJson } from "../../src/io/jsonl";

const tmpFile = (name = "x.jsonl") => join(mkdtempSync(join(tmpdir(), "vag-jsonl-")), name);

test("splitJsonl: 1-based line numbers, blank lines and CR skipped, a BOM dropped, the unterminated last line is the tail", () => {
  const { lines, tail } = splitJsonl('\ufeff{"a":1}\r\n\n  \n{"b":2}\n{"c":');
  assert.deepEqual(lines, [
    { line: 1, text: '{"a":1}' },
    { line: 4, text: '{"b":2}' },
  ]);
  assert.deepEqual(tail, { line: 5, text: '{"c":' });
  assert.deepEqual(splitJsonl('{"a":1}\n'), { lines: [{ line: 1, text: '{"a":1}' }], tail: null });
  assert.deepEqual(splitJsonl(""), { lines: [], tail: null });
});

test("tryParseJson returns a reason instead of throwing", () => {
  assert.deepEqual(tryParseJson('{"a": [1]}'), { ok: true, value: { a: [1] } });
  const bad = tryParseJson('{"a": ');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.reason, /^invalid JSON \(/);
});

test("repairTail cut: a torn last line is removed and returned; earlier lines are untouched", () => {
  const f = tmpFile();
  writeFileSync(f, '{"id":1}\n{"id":2}\n{"id":3, "te');
  assert.equal(repairTail(f), '{"id":3, "te');
  assert.equal(readFileSync(f, "utf8"), '{"id":1}\n{"id":2}\n');
  // a file that already ends at a line boundary is left alone
  assert.equal(repairTail(f), null);
  assert.equal(readFileSync(f, "utf8"), '{"id":1}\n{"id":2}\n');
});

test("repairTail: a complete JSON last line only lacks its newline and gets one; a torn single line empties the file", () => {
  const f = tmpFile();
  writeFileSync(f, '{"id":1}\n{"id":2}');
  assert.equal(repairTail(f), null);
  assert.equal(readFileSync(f, "utf8"), '{"id":1}\n{"id":2}\n');
  const g = tmpFile();
  writeFileSync(g, '{"id":');
  assert.equal(repairTail(g), '{"id":');
  assert.equal(readFileSync(g, "utf8"), "");
});

test("repairTail newline mode never truncates: the torn line is ended so the next append starts fresh", () => {
  const f = tmpFile();
  writeFileSync(f, '{"id":1}\n{"id":2, "torn');
  assert.equal(repairTail(f, "newline"), null);
  assert.equal(readFileSync(f, "utf8"), '{"id":1}\n{"id":2, "torn\n');
});

test("repairTail: missing and empty files need no repair", () => {
  assert.equal(repairTail(tmpFile()), null);
  const f = tmpFile();
  writeFileSync(f, "");
  assert.equal(repairTail(f), null);
});

test("repairTail finds the last newline beyond one 64 KiB read chunk", () => {
  const f = tmpFile();
  const long = JSON.stringify({ text: "x".repeat(70_000) });
  writeFileSync(f, long + "\n" + long.slice(0, 69_999));
  assert.equal(repairTail(f), long.slice(0, 69_999));
  assert.equal(readFileSync(f, "utf8"), long + "\n");
});

test("appendJsonLines: one value per line (newlines inside strings escaped), never glued onto a torn line", () => {
  const f = join(tmpFile(), "..", "sub", "r.jsonl");
  appendJsonLines(f, [{ id: 1, text: "two\nlines" }]);
  appendFileSync(f, '{"id": 2, "to');
  appendJsonLines(f, [{ id: 3 }, { id: 4 }]);
  const { lines, tail } = splitJsonl(readFileSync(f, "utf8"));
  assert.equal(tail, null);
  assert.deepEqual(
    lines.map((l) => JSON.parse(l.text)),
    [{ id: 1, text: "two\nlines" }, { id: 3 }, { id: 4 }],
  );
  appendJsonLines(f, []);
  assert.equal(splitJsonl(readFileSync(f, "utf8")).lines.length, 3);
});

test("JsonlAppender repairs the tail once, then appends whole lines; close is idempotent", () => {
  const f = tmpFile();
  writeFileSync(f, '{"id":1}\n{"id":');
  const a = new JsonlAppender(f);
  a.append([]);
  assert.equal(readFileSync(f, "utf8"), '{"id":1}\n{"id":', "nothing to append: the file is not touched");
  a.append([{ id: 2 }]);
  a.append([{ id: 3 }, { id: 4 }]);
  a.close();
  a.close();
  assert.equal(readFileSync(f, "utf8"), '{"id":1}\n{"id":2}\n{"id":3}\n{"id":4}\n');
  const c = new JsonlAppender(f, "newline");
  appendFileSync(f, '{"id":5');
  c.append([{ id: 6 }]);
  c.close();
  assert.equal(readFileSync(f, "utf8").split("\n").slice(-3).join("\n"), '{"id":5\n{"id":6}\n');
});
