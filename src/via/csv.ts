import { FileLineError } from "../errors";
import { isCountry, isTopic, isValue } from "../catalog";
import { CsvScanner } from "./csvScan";
import { readInputBytes } from "../io/readBytes";
import { decodeUtf8, LineCounter } from "../io/text";

/**
 * A strict CSV reader (tokenizer: csvScan.ts) for the published files (and any file a
 * user hands us in the same layout). Every defect stops the read with one
 * `FILE:LINE: reason` (FileLineError, exit code 2) and nothing is returned, so
 * callers never act on a partial file:
 *  empty file, no data rows, invalid UTF-8 / UTF-16, missing or duplicate
 *  header columns, wrong field count, bad quoting, torn last line, unknown
 *  country/topic/value names, duplicate rows (by the caller's key).
 * Line numbers are physical lines (1 = header), pointing at where the row starts.
 */
export interface CsvOptions {
  /** Columns that must be in the header (others are allowed unless `exact`). */
  columns: readonly string[];
  /** When true the header must be exactly `columns`, in order. */
  exact?: boolean;
  /** Columns whose cells must be catalog names. */
  countryColumn?: string;
  topicColumn?: string;
  valueColumn?: string;
  /** Rows with equal keys are duplicates; the reason names the key. */
  key?: (row: CsvRow) => string;
}

export type CsvRow = Record<string, string>;

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
  /** Physical line where each row starts (1-based, header = 1). */
  lines: number[];
}

export function readCsvFile(path: string, options: CsvOptions, displayName: string = path): CsvTable {
  const bytes = readInputBytes(path, displayName);
  return parseCsv(bytes, displayName, options);
}

export function parseCsv(input: Uint8Array | string, file: string, options: CsvOptions): CsvTable {
  const text = typeof input === "string" ? input : decodeUtf8(input, file);
  const scanned = checkedRows(text, file, "header");
  const header = scanned.next().value!.fields;
  checkHeader(file, header, options);

  // Rows are checked as they are scanned, so the first problem in file order is the one reported.
  const rows: CsvRow[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of scanned) {
    const row: CsvRow = {};
    for (let c = 0; c < header.length; c++) row[header[c]] = fields[c];
    checkNames(file, line, row, options);
    if (options.key) {
      const key = options.key(row);
      const first = seen.get(key);
      if (first !== undefined) throw new FileLineError(file, line, `duplicate row ${key} (first at line ${first})`);
      seen.set(key, line);
    }
    rows.push(row);
    lines.push(line);
  }
  if (rows.length === 0) throw new FileLineError(file, 2, "no data rows after the header");
  return { file, header, rows, lines };
}

/** A CSV read as positional rows, for sheets whose header is not on line 1 or repeats column names. */
export interface CsvGrid {
  file: string;
  /** Every row, the first included; all as wide as the first. */
  rows: string[][];
  /** Physical line where each row starts (1-based). */
  lines: number[];
}

/** The same checks as {@link readCsvFile} (encoding, quoting, torn or blank lines, equal field counts) without a header. */
export function readCsvGrid(path: string, displayName: string = path): CsvGrid {
  const text = decodeUtf8(readInputBytes(path, displayName), displayName);
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const { fields, line } of checkedRows(text, displayName, "first row")) {
    rows.push(fields);
    lines.push(line);
  }
  return { file: displayName, rows, lines };
}

/**
 * The rows of `text` with every structural defect turned into `FILE:LINE:
 * reason`; the first row sets the width. A generator, so callers that check
 * more per row still report the first problem in file order.
 */
function* checkedRows(text: string, file: string, firstRow: string): Generator<{ fields: string[]; line: number }> {
  if (!/\S/.test(text)) throw new FileLineError(file, 1, "empty file");
  const counter = new LineCounter(text);
  const endsWithNewline = text.endsWith("\n");
  const scanner = new CsvScanner(text, lineBreakOf(text));
  const head = scanner.next()!;
  if (head.error) throw new FileLineError(file, 1, `${firstRow}: ${head.error}`);
  const width = head.fields.length;
  yield { fields: head.fields, line: 1 };
  for (let r = scanner.next(); r !== null; r = scanner.next()) {
    const { fields, error } = r;
    const line = counter.lineAt(r.start);
    if (error) {
      // An open quote swallows the rest of the file. Without a final line break
      // that is a write cut short; with one, a quote opened here was never closed.
      const unterminated = error.startsWith("unterminated");
      if (unterminated && !endsWithNewline) throw new FileLineError(file, line, `torn last line: ${error}`);
      throw new FileLineError(file, line, unterminated ? `${error} (opened here, runs to the end of the file)` : error);
    }
    // (The final line break ends the table; it does not start an empty row.)
    const blank = fields.length === 1 && fields[0] === "" && text.charCodeAt(r.start) !== 34; // not a quoted ""
    if (blank && width > 1) throw new FileLineError(file, line, "blank line inside the data");
    if (fields.length !== width) {
      const torn = r.atEnd && !endsWithNewline && fields.length < width;
      const what = `expected ${width} fields, found ${fields.length}`;
      throw new FileLineError(file, line, torn ? `torn last line: ${what}` : what);
    }
    yield { fields, line };
  }
}

/**
 * The row separator, from the end of the first row (outside quotes: the
 * annotation sheets open with a quoted multi-line instruction cell): "\r\n"
 * when it ends so (the Gemma file), else "\n".
 */
function lineBreakOf(text: string): "\r\n" | "\n" {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) return i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
  }
  return "\n";
}

function checkHeader(file: string, header: string[], o: CsvOptions): void {
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw new FileLineError(file, 1, `duplicate column ${JSON.stringify(dup)}`);
  const shown = header.map((h) => JSON.stringify(h)).join(",");
  if (o.exact && (header.length !== o.columns.length || header.some((h, i) => h !== o.columns[i]))) {
    throw new FileLineError(file, 1, `wrong columns: expected ${o.columns.map((c) => JSON.stringify(c)).join(",")}, found ${shown}`);
  }
  const missing = o.columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new FileLineError(file, 1, `wrong columns: missing ${missing.map((c) => JSON.stringify(c)).join(", ")} (found ${shown})`);
  }
}

function checkNames(file: string, line: number, row: CsvRow, o: CsvOptions): void {
  if (o.countryColumn !== undefined && !isCountry(row[o.countryColumn])) {
    throw new FileLineError(file, line, `unknown country ${JSON.stringify(row[o.countryColumn])}`);
  }
  if (o.topicColumn !== undefined && !isTopic(row[o.topicColumn])) {
    throw new FileLineError(file, line, `unknown topic ${JSON.stringify(row[o.topicColumn])}`);
  }
  if (o.valueColumn !== undefined && !isValue(row[o.valueColumn])) {
    throw new FileLineError(file, line, `unknown value ${JSON.stringify(row[o.valueColumn])}`);
  }
}

/** A cell that must be one of `allowed`; otherwise FILE:LINE names the column. */
export function cellOneOf<T extends string>(file: string, line: number, row: CsvRow, column: string, allowed: readonly T[]): T {
  const v = row[column];
  if (!(allowed as readonly string[]).includes(v)) {
    throw new FileLineError(file, line, `column ${JSON.stringify(column)}: expected ${allowed.join(" or ")}, found ${JSON.stringify(v)}`);
  }
  return v as T;
}

/** A cell that must be a non-negative integer. */
export function cellInt(file: string, line: number, row: CsvRow, column: string): number {
  const v = row[column];
  if (!/^\d+$/.test(v)) throw new FileLineError(file, line, `column ${JSON.stringify(column)}: expected an integer, found ${JSON.stringify(v)}`);
  return Number(v);
}

/** Parse a gold label cell as the published CSVs store it ("True"/"False", also 1/0 and booleans). */
export function parseLabel(cell: unknown): boolean | null {
  if (cell === true || cell === false) return cell;
  const s = String(cell).trim().toLowerCase();
  if (s === "true" || s === "1") return true;
  if (s === "false" || s === "0") return false;
  return null;
}
