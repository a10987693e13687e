import { isUtf8 } from "node:buffer";
import { FileLineError } from "../errors";

/**
 * Decode a data file's bytes as UTF-8 text, or stop with `FILE:LINE: reason`.
 * A UTF-8 byte-order mark is accepted and dropped (Excel writes one); a UTF-16
 * mark or any invalid UTF-8 sequence is an error at the line where it occurs,
 * because decoding it leniently would silently replace characters in model text.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new FileLineError(file, 1, "UTF-16 byte-order mark: file must be UTF-8");
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body);
    throw new FileLineError(file, lineAtByte(body, at), `invalid UTF-8 byte 0x${body[at].toString(16).padStart(2, "0")} at byte ${at + start}`);
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (body known to be invalid). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length) return i; // truncated sequence at end of file
    let cp = c & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

/** 1-based line number of a byte offset (counts LF bytes before it). */
export function lineAtByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** Counts lines forward through a string, so row start offsets map to line numbers in O(total length). */
export class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  /** 1-based line of `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    let i = this.text.indexOf("\n", this.pos);
    while (i !== -1 && i < offset) {
      this.line++;
      i = this.text.indexOf("\n", i + 1);
    }
    this.pos = Math.max(this.pos, offset);
    return this.line;
  }
}
