import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileLineError } from "../../src/errors";
import { parseCsv, readCsvFile, type CsvOptions } from "../../src/via/csv";
import { decodeUtf8, firstInvalidUtf8 } from "../../src/io/text";
import { importTask1 } from "../../src/via/importTask1";
import { importTask2 } from "../../src/via/importTask2";

// Small files written by the test itself (never copies of the published data).
const dir = mkdtempSync(join(tmpdir(), "vag-csv-"));
const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const T1: CsvOptions = { columns: ["country", "topic", "response", "prompt_index"], countryColumn: "country", topicColumn: "topic", key: (r) => `${r.country}+${r.topic}+${r.prompt_index}` };
const HEAD = "country,topic,response,prompt_index\n";

/** Expect exactly `FILE:LINE: reason…` with exit code 2. */
function expectLine(fn: () => unknown, file: string, line: number, reason: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FileLineError, `not a FileLineError: ${String(e)}`);
    assert.equal(e.exitCode, 2);
    assert.equal(e.file, file);
    assert.equal(e.line, line, e.message);
    assert.match(e.reason, reason);
    assert.equal(e.message, `${file}:${line}: ${e.reason}`);
    assert.ok(!e.message.includes("\n"), "one line");
    return true;
  });
}

test("csv: a well-formed file reads with physical line numbers across multi-line quoted fields", () => {
  const text = HEAD + 'Egypt,Religion,"{\n""Wealth"": ""1""\n}",0\r\nEgypt,Religion,plain,1\n';
  const t = parseCsv(text, "t.csv", T1);
  assert.equal(t.rows.length, 2);
  assert.equal(t.rows[0].response, '{\n"Wealth": "1"\n}');
  assert.deepEqual(t.lines, [2, 5]);
});

test("csv: a last line without a final newline is accepted when complete (the Gemma file ends so)", () => {
  const t = parseCsv(HEAD + "Egypt,Religion,x,0", "t.csv", T1);
  assert.equal(t.rows.length, 1);
});

test("csv: empty file, header only", () => {
  expectLine(() => parseCsv("", "e.csv", T1), "e.csv", 1, /^empty file$/);
  expectLine(() => parseCsv("\n\n", "e.csv", T1), "e.csv", 1, /^empty file$/);
  expectLine(() => parseCsv(HEAD, "h.csv", T1), "h.csv", 2, /no data rows/);
});

test("csv: wrong columns (missing, exact order, duplicate)", () => {
  expectLine(() => parseCsv("country,topic,answer,prompt_index\nEgypt,Religion,x,0\n", "w.csv", T1), "w.csv", 1, /missing "response"/);
  expectLine(() => parseCsv("b,a\n1,2\n", "x.csv", { columns: ["a", "b"], exact: true }), "x.csv", 1, /wrong columns: expected "a","b", found "b","a"/);
  expectLine(() => parseCsv("a,a\n1,2\n", "d.csv", { columns: ["a"] }), "d.csv", 1, /duplicate column "a"/);
});

test("csv: wrong field count names the line", () => {
  expectLine(() => parseCsv(HEAD + "Egypt,Religion,x,0\nEgypt,Religion,x,1,extra\n", "f.csv", T1), "f.csv", 3, /expected 4 fields, found 5/);
});

test("csv: bad quoting and an unterminated quote", () => {
  expectLine(() => parseCsv(HEAD + 'Egypt,Religion,"x"y,0\nEgypt,Religion,z,1\n', "q.csv", T1), "q.csv", 2, /malformed quoting/);
  // An opened quote in the middle swallows the rest of the file: reported where it opened.
  expectLine(() => parseCsv(HEAD + 'Egypt,Religion,"open,0\nEgypt,Religion,z,1\n', "u.csv", T1), "u.csv", 2, /^unterminated quoted field \(opened here, runs to the end of the file\)$/);
});

test("csv: torn last line (cut inside a quoted field, or short of fields without a newline)", () => {
  expectLine(() => parseCsv(HEAD + "Egypt,Religion,x,0\nEgypt,Religion,\"{\"\"Weal", "t.csv", T1), "t.csv", 3, /^torn last line: unterminated/);
  expectLine(() => parseCsv(HEAD + "Egypt,Religion,x,0\nEgypt,Relig", "t2.csv", T1), "t2.csv", 3, /^torn last line: expected 4 fields, found 2/);
});

test("csv: unknown country / topic / value names", () => {
  expectLine(() => parseCsv(HEAD + "Egypt,Religion,x,0\nEgyptt,Religion,x,1\n", "n.csv", T1), "n.csv", 3, /unknown country "Egyptt"/);
  expectLine(() => parseCsv(HEAD + "Egypt,Sports,x,1\n", "n.csv", T1), "n.csv", 2, /unknown topic "Sports"/);
  expectLine(
    () => parseCsv("country,topic,value\nEgypt,Religion,Wealthy\n", "v.csv", { columns: ["value"], valueColumn: "value" }),
    "v.csv",
    2,
    /unknown value "Wealthy"/,
  );
});

test("csv: duplicate rows point at the first occurrence", () => {
  expectLine(() => parseCsv(HEAD + "Egypt,Religion,x,0\nEgypt,Religion,y,1\nEgypt,Religion,z,0\n", "d.csv", T1), "d.csv", 4, /duplicate row Egypt\+Religion\+0 \(first at line 2\)/);
});

test("csv: a blank line inside the data is an error, the final line break is not", () => {
  expectLine(() => parseCsv(HEAD + "Egypt,Religion,x,0\n\nEgypt,Religion,y,1\n", "b.csv", T1), "b.csv", 3, /blank line/);
});

test("encoding: UTF-8 BOM accepted, UTF-16 and invalid UTF-8 rejected at their line", () => {
  const ok = readCsvFile(write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEAD + "Egypt,Religion,x,0\n")])), T1, "bom.csv");
  assert.equal(ok.header[0], "country");
  const utf16 = Buffer.from("\ufeff" + HEAD, "utf16le");
  expectLine(() => readCsvFile(write("u16.csv", utf16), T1, "u16.csv"), "u16.csv", 1, /UTF-16/);
  const latin1 = Buffer.concat([Buffer.from(HEAD + "Egypt,Religion,x,0\nEgypt,Religion,caf"), Buffer.from([0xe9]), Buffer.from(",1\n")]);
  expectLine(() => readCsvFile(write("l1.csv", latin1), T1, "l1.csv"), "l1.csv", 3, /invalid UTF-8 byte 0xe9/);
});

test("encoding: firstInvalidUtf8 finds overlongs, surrogates and truncated sequences", () => {
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1); // overlong
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1); // UTF-16 surrogate
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82])), 2); // cut at the end
  assert.equal(firstInvalidUtf8(Buffer.from("héllo €", "utf8")), 10); // valid: its byte length
  assert.equal(decodeUtf8(Buffer.from("héllo", "utf8"), "x"), "héllo");
});

test("importers: a missing file and a malformed cell are one FILE:LINE line", () => {
  expectLine(() => importTask1(dir, "nope.csv", "gpt-4o"), join(dir, "nope.csv"), 0, /file not found/);
  write("t1.csv", HEAD + "Egypt,Religion,{},0\nEgypt,Religion,{},9\n");
  expectLine(() => importTask1(dir, "t1.csv", "gpt-4o"), join(dir, "t1.csv"), 3, /prompt_index.*0\.\.7/);
  write("t2.csv", "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n0,Egypt,Religion,Wealth,positive,True,5\n1,Egypt,Religion,Wealth,negative,Maybe,5\n");
  expectLine(() => importTask2(dir, "gpt-4o-mini", { path: "t2.csv", invertedChoice: false }), join(dir, "t2.csv"), 3, /model_choice.*True or False.*"Maybe"/);
});

test("importTask2: chosen polarity, inversion for the pre-fix GPT-4o-mini file, unusable pairs", () => {
  const H = "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n";
  write(
    "pairs.csv",
    H +
      "0,Egypt,Religion,Wealth,positive,False,5\n1,Egypt,Religion,Wealth,negative,True,5\n" +
      "2,Egypt,Religion,Daring,positive,True,5\n3,Egypt,Religion,Daring,negative,False,5\n" +
      "4,Egypt,Religion,Humble,positive,True,5\n5,Egypt,Religion,Humble,negative,True,5\n" +
      "6,Egypt,Religion,Clean,positive,True,5\n",
  );
  const plain = importTask2(dir, "claude-sonnet-4", { path: "pairs.csv", invertedChoice: false });
  const by = Object.fromEntries(plain.records.map((r) => [r.value, r]));
  assert.equal(by.Wealth.chosenPolarity, "negative");
  assert.equal(by.Wealth.choice, 1); // negative action is Option 1 in the paper's prompt
  assert.equal(by.Daring.chosenPolarity, "positive");
  assert.equal(by.Daring.choice, 2);
  assert.equal(by.Humble.chosenPolarity, null);
  assert.equal(by.Humble.parse.status, "failed");
  assert.equal(by.Clean.chosenPolarity, null);
  assert.deepEqual(plain.stats.parsed, { ok: 2, repaired: 0, failed: 2 });
  assert.equal(plain.stats.rowsRead, 7);
  assert.equal(plain.stats.skipped["model_choice is True on both rows"], 1);
  assert.equal(plain.stats.skipped["only the positive row is present"], 1);
  const inv = importTask2(dir, "gpt-4o-mini", { path: "pairs.csv", invertedChoice: true });
  const byInv = Object.fromEntries(inv.records.map((r) => [r.value, r]));
  assert.equal(byInv.Wealth.chosenPolarity, "positive");
  assert.equal(byInv.Daring.chosenPolarity, "negative");
  assert.ok(inv.records.every((r) => r.source === "import" && r.protocol === "paper" && r.variant === 5));
});
