/**
 * The CSV tokenizer under csv.ts: splits text into rows of fields, one row
 * per call, and says what is wrong with a row instead of guessing. csv.ts
 * turns every problem into `FILE:LINE: reason`.
 *
 * Grammar (RFC 4180, with the two leniencies papaparse had, so that every
 * file it read reads the same):
 *   row    = field *("," field) (linebreak | end of text)
 *   field  = quoted | bare
 *   quoted = '"' *(any char except '"' | '""') '"' [whitespace]   ('""' stands for '"')
 *   bare   = any chars up to the next "," or line break ('"' inside is literal)
 * - `linebreak` is ONE sequence per file (the header's: "\r\n" or "\n"); with
 *   "\n", a bare field keeps a preceding "\r" (as papaparse did).
 * - whitespace (JavaScript `\s`) between a closing quote and the next "," or
 *   line break is dropped (papaparse's leniency); anything else there is
 *   "malformed quoting", and a quote that never closes is "unterminated".
 * - the end of text right after a line break ends the table: the final line
 *   break does not start an empty row.
 *
 * It works with indexOf over the string (native memchr-style scans) and
 * slices, which V8 shares with the file's text instead of copying.
 */
export interface ScannedRow {
  fields: string[];
  /** Offset of the row's first character. */
  start: number;
  /** True when the row ended at the end of the text rather than at a line break. */
  atEnd: boolean;
  /** Set when the row is malformed; `fields` then holds what was read before the problem. */
  error?: "unterminated quoted field" | "malformed quoting (text after a closing quote)";
}

const QUOTE = 34; // "
const COMMA = 44; // ,

export class CsvScanner {
  private pos = 0;
  private nextComma = -1;
  private nextBreak = -1;
  private readonly breakCode: number;

  constructor(
    private readonly text: string,
    private readonly lineBreak: "\r\n" | "\n",
  ) {
    this.breakCode = lineBreak.charCodeAt(0);
    this.nextComma = text.indexOf(",");
    this.nextBreak = text.indexOf(lineBreak);
  }

  /** The next row, or null at the end of the text. */
  next(): ScannedRow | null {
    const { text, lineBreak } = this;
    const len = text.length;
    if (this.pos >= len) return null;
    const start = this.pos;
    const fields: string[] = [];
    let p = start;
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        // Quoted field: find the closing quote, skipping doubled ones.
        let q = p + 1;
        let doubled = false;
        for (;;) {
          q = text.indexOf('"', q);
          if (q === -1) return this.stop({ fields, start, atEnd: true, error: "unterminated quoted field" });
          if (q === len - 1) break;
          if (text.charCodeAt(q + 1) !== QUOTE) break;
          doubled = true;
          q += 2;
        }
        const raw = text.slice(p + 1, q);
        fields.push(doubled ? raw.split('""').join('"') : raw);
        let j = q + 1;
        if (j === len) return this.end({ fields, start, atEnd: true }, len);
        while (j < len && text.charCodeAt(j) !== COMMA && !this.breaksAt(j) && isSpace(text.charCodeAt(j))) j++;
        if (j < len && text.charCodeAt(j) === COMMA) {
          p = j + 1;
          continue;
        }
        if (j < len && this.breaksAt(j)) return this.end({ fields, start, atEnd: false }, j + lineBreak.length);
        return this.stop({ fields, start, atEnd: false, error: "malformed quoting (text after a closing quote)" });
      }
      // Bare field: up to the next comma or line break, whichever comes first.
      if (this.nextComma !== -1 && this.nextComma < p) this.nextComma = text.indexOf(",", p);
      if (this.nextBreak !== -1 && this.nextBreak < p) this.nextBreak = text.indexOf(lineBreak, p);
      const c = this.nextComma;
      const b = this.nextBreak;
      if (c !== -1 && (b === -1 || c < b)) {
        fields.push(text.slice(p, c));
        p = c + 1;
        continue;
      }
      if (b !== -1) {
        fields.push(text.slice(p, b));
        return this.end({ fields, start, atEnd: false }, b + lineBreak.length);
      }
      fields.push(text.slice(p));
      return this.end({ fields, start, atEnd: true }, len);
    }
  }

  private breaksAt(j: number): boolean {
    return this.text.charCodeAt(j) === this.breakCode && (this.lineBreak === "\n" || this.text.charCodeAt(j + 1) === 10);
  }

  private end(row: ScannedRow, next: number): ScannedRow {
    this.pos = next;
    return row;
  }

  /** A malformed row: nothing after it is read. */
  private stop(row: ScannedRow): ScannedRow {
    this.pos = this.text.length;
    return row;
  }
}

/** JavaScript's `\s` (what String.prototype.trim removes), as papaparse tested it. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
