import { test } from "node:test";
import assert from "node:assert/strict";
import { makeZip } from "./makeZip";
import { unzipFile, zipEntries, ZipError } from "../../src/via/zip";
import { BATCH_ROWS, concatIndexToRow, GPT4O_MINI_FILE_ORDER, rebuildTask2Csv, releasedOffset } from "../../src/via/rebuildTask2";
import { parseTask2Log } from "../../src/via/task2Log";
import { FileLineError } from "../../src/errors";

test("zip: takes the named entry out of deflated and stored archives, ignoring __MACOSX", () => {
  const csv = Buffer.from("a,b\n1,2\n".repeat(1000));
  const zip = makeZip([
    { name: "__MACOSX/._data.csv", data: Buffer.from("resource fork") },
    { name: "folder/data.csv", data: csv },
    { name: "readme.txt", data: Buffer.from("hi"), store: true },
  ]);
  assert.equal(zipEntries(zip).length, 3);
  assert.deepEqual(unzipFile(zip, "data.csv"), csv);
  assert.deepEqual(unzipFile(zip, "readme.txt"), Buffer.from("hi"));
});

test("zip: corrupt or foreign input fails with a clear ZipError", () => {
  assert.throws(() => unzipFile(Buffer.from("not a zip at all, just text".repeat(3)), "x.csv"), ZipError);
  const zip = makeZip([{ name: "data.csv", data: Buffer.from("hello hello hello") }]);
  assert.throws(() => unzipFile(zip, "other.csv"), /no entry named other\.csv/);
  const bad = Buffer.from(zip);
  const cdStart = bad.readUInt32LE(bad.length - 22 + 16);
  bad.writeUInt32LE(0xdeadbeef, cdStart + 16);
  assert.throws(() => unzipFile(bad, "data.csv"), /CRC-32 mismatch/);
});

test("rebuild: batch offsets of the released CSV (1212 then 1217, countries in catalog order)", () => {
  assert.equal(releasedOffset("1212", "United States"), 0);
  assert.equal(releasedOffset("1212", "India"), 220);
  assert.equal(releasedOffset("1217", "United States"), 2640);
  assert.equal(releasedOffset("1217", "Australia"), 2640 + 11 * 990);
  // the recovered order covers the 24 files of the two batches exactly once
  assert.equal(GPT4O_MINI_FILE_ORDER.length, 24);
  assert.equal(new Set(GPT4O_MINI_FILE_ORDER.map(([b, c]) => `${b}${c}`)).size, 24);
  const rowOf = concatIndexToRow(GPT4O_MINI_FILE_ORDER);
  assert.equal(rowOf(0), releasedOffset("1217", "Australia")); // first file: 1217 Australia
  assert.equal(rowOf(990), releasedOffset("1212", "Uganda")); // second: 1212 Uganda
  assert.equal(rowOf(990 + 219), releasedOffset("1212", "Uganda") + 219);
  const total = GPT4O_MINI_FILE_ORDER.reduce((s, [b]) => s + BATCH_ROWS[b], 0);
  assert.equal(total, 12 * 220 + 12 * 990);
  assert.equal(rowOf(total), undefined);
});

test("rebuild: CSV sorted by dataset row, model_choice kept as logged", () => {
  const dataset = [
    { country: "Egypt", topic: "Religion", value: "Wealth", polarity: "positive" },
    { country: "Egypt", topic: "Religion", value: "Wealth", polarity: "negative" },
  ];
  const log = parseTask2Log(
    '{"index": 1, "model_choice": true, "prompt_index": "5"}\n{"index": 0, "model_choice": false, "prompt_index": "5"}\n',
    "log.jsonl",
  );
  assert.equal(
    rebuildTask2Csv(log, dataset, (i) => i),
    "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n" +
      "0,Egypt,Religion,Wealth,positive,False,5\n1,Egypt,Religion,Wealth,negative,True,5\n",
  );
  assert.throws(() => rebuildTask2Csv(log, dataset, (i) => i + 5), RangeError);
});

test("task2 log: malformed lines are FILE:LINE", () => {
  const bad = (text: string, line: number, reason: RegExp) =>
    assert.throws(() => parseTask2Log(text, "l.jsonl"), (e: unknown) => e instanceof FileLineError && e.line === line && reason.test(e.reason));
  bad('{"index": 0, "model_choice": true, "prompt_index": "5"}\n{"index": 1, "model_choice": "yes", "prompt_index": "5"}\n', 2, /model_choice/);
  bad('{"index": 0, "model_choice": true, "prompt_index": "5"}\n{"index": 0, "model_choice": false, "prompt_index": "5"}\n', 2, /duplicate index 0 \(first at line 1\)/);
  bad('{"index": 0, "model_choice": true, "prompt_index": "5"}\n{"index": 1, "model_ch', 2, /torn last line/);
  bad("", 1, /empty file/);
});
