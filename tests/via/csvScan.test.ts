import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { CsvScanner } from "../../src/via/csvScan";
import { parseCsv } from "../../src/via/csv";
import { VIA_FILES } from "../../src/via/files";
import { skipWithoutData, viaDir } from "../helpers/data";

/**
 * The hand-written tokenizer replaced papaparse inside csv.ts. These tests hold
 * it to RFC 4180 (round trip) and to papaparse itself (still installed, used
 * here as an oracle) on random text and on every published CSV.
 */

function scan(text: string, lineBreak: "\r\n" | "\n") {
  const s = new CsvScanner(text, lineBreak);
  const rows: string[][] = [];
  for (let r = s.next(); r !== null; r = s.next()) {
    if (r.error) return { rows, error: r.error, errorRow: rows.length };
    rows.push(r.fields);
  }
  return { rows };
}

/** papaparse's rows as csv.ts used to read them (first error and its row; the final line break's empty row dropped). */
function papa(text: string, lineBreak: "\r\n" | "\n") {
  const rows: string[][] = [];
  let error: string | undefined;
  let errorRow = -1;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    newline: lineBreak,
    step: (r) => {
      if (error) return;
      if (r.errors.length > 0) {
        error = r.errors[0].code === "MissingQuotes" ? "unterminated quoted field" : "malformed quoting (text after a closing quote)";
        errorRow = rows.length;
        return;
      }
      rows.push(r.data);
    },
  });
  if (error) return { rows, error, errorRow };
  if (text.endsWith(lineBreak) || text === "") rows.pop(); // papaparse's empty row after the final line break
  return { rows };
}

const serialize = (rows: string[][], lineBreak: string, finalBreak: boolean) =>
  rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replaceAll('"', '""')}"` : f)).join(",")).join(lineBreak) + (finalBreak ? lineBreak : "");

test("csvScan: any table written per RFC 4180 reads back field for field", () => {
  const field = fc.string({ unit: fc.constantFrom("a", "é", " ", ",", '"', "\n", "\r", "\r\n", "{", "😀"), maxLength: 12 });
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(field, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), (cols, table, crlf, finalBreak) => {
      const rows = table.map((r) => r.slice(0, cols));
      const lineBreak = crlf ? "\r\n" : "\n";
      assert.deepEqual(scan(serialize(rows, lineBreak, finalBreak), lineBreak), { rows });
    }),
    { numRuns: 3000, seed: 4 },
  );
});

test("csvScan: same rows and same first error as papaparse on random text (its leniencies included)", () => {
  const piece = fc.constantFrom("a", "b", ",", '"', '""', "\n", "\r\n", "\r", " ", "\t", "é", "x,y");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, crlf) => {
      const text = parts.join("");
      const lineBreak = crlf ? "\r\n" : "\n";
      const want = papa(text, lineBreak);
      // A last line of only `"` or `""` (no final break): papaparse gave the empty
      // row csv.ts then mistook for the final line break; the scanner reports it.
      if (/(^|\n)""?$/.test(text)) return;
      assert.deepEqual(scan(text, lineBreak), want, JSON.stringify(text));
    }),
    { numRuns: 20000, seed: 7 },
  );
});

test("csvScan: quoting details (doubled quotes, spaces after a closing quote, quotes inside bare fields)", () => {
  assert.deepEqual(scan('a,"b ""c"", d",e\n', "\n").rows, [["a", 'b "c", d', "e"]]);
  assert.deepEqual(scan('"x"  ,y\n', "\n").rows, [["x", "y"]]); // papaparse drops spaces before the comma
  assert.deepEqual(scan('ab"c,d\n', "\n").rows, [['ab"c', "d"]]); // a quote inside a bare field is text
  assert.deepEqual(scan("a,b\r\nc,d", "\r\n").rows, [["a", "b"], ["c", "d"]]);
  assert.deepEqual(scan("a,b\r\n", "\n").rows, [["a", "b\r"]]); // one line break per file, as papaparse
  assert.equal(scan('"x"y,z\n', "\n").error, "malformed quoting (text after a closing quote)");
  assert.equal(scan('a,"open\n', "\n").error, "unterminated quoted field");
});

test("csvScan: every published CSV reads exactly as papaparse read it", { skip: skipWithoutData() }, () => {
  const dir = viaDir()!;
  let files = 0;
  for (const f of VIA_FILES) {
    if (!f.path.endsWith(".csv")) continue;
    const text = readFileSync(join(dir, f.path), "utf8").replace(/^\ufeff/, "");
    const i = text.indexOf("\n");
    const lineBreak = i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
    const got = scan(text, lineBreak);
    assert.equal(got.error, undefined, f.path);
    assert.deepEqual(got, papa(text, lineBreak), f.path);
    files++;
  }
  assert.ok(files >= 36, `${files} CSV files`);
  // and through csv.ts, with physical line numbers
  const t = parseCsv(readFileSync(join(dir, "t1/gpt-4o-mini_t1.csv")), "t1.csv", { columns: ["response"] });
  assert.equal(t.rows.length, 1056);
  assert.equal(t.lines[1] - t.lines[0], t.rows[0].response.split("\n").length);
});
