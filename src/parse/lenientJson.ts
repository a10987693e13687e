import { failed, parsed, type ParseResult } from "./result";

/**
 * A tolerant JSON reader for model text.
 *
 * Models wrap JSON in code fences and prose, write Python dicts
 * (`{'a': 'it's', 'b': True}`), leave trailing commas, put raw newlines in
 * strings, use smart quotes and get cut off mid-answer. This is a small
 * hand-written recursive-descent parser that accepts all of that:
 *
 * - strings quoted with `"`, `'`, `“…”` or `‘…’`; a quote inside a string
 *   only closes it when what follows fits the structure (`:` after a key;
 *   `,` + next key/value, `}` or `]` after a value; the end of the text), so
 *   apostrophes and unescaped inner quotes (`'India's'`, `"the "x" value"`)
 *   stay part of the text;
 * - Python escapes (`\'`, `\xhh`), unknown escapes kept verbatim, raw control
 *   characters inside strings;
 * - `True`/`False`/`None`, trailing or doubled commas, a missing comma
 *   between two quoted members, `//` and `/* *\/` comments, unquoted keys,
 *   unquoted member values up to the end of the line (`"a": Option 2,`);
 * - truncation: an unclosed string, array or object is closed at the end of
 *   the text (or at a closing code fence); a key without a value is dropped;
 * - an object without its braces: `"key": value` lines in a fence (or as
 *   the whole text), when nothing else is found (findBracelessObject).
 *
 * It never throws. Nesting deeper than {@link MAX_DEPTH} fails.
 */

/** Deeper structures are refused rather than risking the call stack. */
export const MAX_DEPTH = 200;

/** One JSON value found in a text. `repaired` = plain JSON.parse of text[start, end) fails. */
export interface FoundJson {
  value: unknown;
  start: number;
  end: number;
  repaired: boolean;
  /**
   * When the text ended inside a string or number: the member holding it.
   * Its value may be a prefix of what the model meant ("not like me" of
   * "not like me at all", "Option 1" of "Option 1 or Option 2").
   */
  cut?: Cut;
}

/** The container and key (or index) of a value cut off by the end of the text. */
export interface Cut {
  container: object;
  key: string | number;
}

const OPENERS: Record<string, string> = { '"': '"”', "'": "'’", "“": "”“\"", "‘": "’'", "”": "”\"", "’": "’'" };
const isQuote = (c: string | undefined): c is string => c !== undefined && Object.hasOwn(OPENERS, c);
const WS = /[ \t\r\n\u00a0\ufeff\u2028\u2029]/;
/** How far past a candidate closing quote we look for structure. */
const LOOKAHEAD = 200;

class Fail {
  constructor(readonly reason: string) {}
}

/** Marker for "the text ended before this value started". */
const MISSING = Symbol("missing");

type Ctx = "key" | "member" | "element" | "top";

class Parser {
  i: number;
  depth = 0;
  /** Set by a string or number that ran into the end of the text, until its container records it. */
  private cutPending = false;
  cut: Cut | undefined;
  constructor(
    readonly s: string,
    start: number,
  ) {
    this.i = start;
  }

  private get c(): string | undefined {
    return this.s[this.i];
  }

  /** A closing code fence ends the JSON like the end of the text does. */
  private atFence(): boolean {
    return this.s.startsWith("```", this.i);
  }

  private eof(): boolean {
    return this.i >= this.s.length;
  }

  /** Skip whitespace and comments. */
  skip(): void {
    const s = this.s;
    for (;;) {
      while (this.i < s.length && WS.test(s[this.i])) this.i++;
      if (s.startsWith("//", this.i)) {
        const nl = s.indexOf("\n", this.i);
        this.i = nl < 0 ? s.length : nl + 1;
      } else if (s.startsWith("/*", this.i)) {
        const end = s.indexOf("*/", this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else return;
    }
  }

  value(ctx: Ctx): unknown {
    this.skip();
    if (this.eof() || this.atFence()) return MISSING;
    const c = this.c as string;
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (isQuote(c)) return this.string(ctx);
    if (/[-+.0-9]/.test(c)) return this.number(ctx);
    if (/[A-Za-z_]/.test(c)) return this.word(ctx);
    throw new Fail(`unexpected character ${JSON.stringify(c)} at ${this.i}`);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new Fail(`nested deeper than ${MAX_DEPTH}`);
  }

  private object(): Record<string, unknown> {
    this.enter();
    this.i++; // {
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.eof() || this.atFence()) break; // cut off: close what is open
      const c = this.c as string;
      if (c === "}") {
        this.i++;
        break;
      }
      if (c === ",") {
        this.i++;
        continue;
      }
      let key: string;
      if (isQuote(c)) key = this.string("key");
      else if (/[A-Za-z_$]/.test(c)) key = this.bareKey();
      else throw new Fail(`expected a key at ${this.i}`);
      this.skip();
      if (this.eof() || this.atFence()) break; // cut off: close what is open
      if (this.c !== ":" && this.c !== "=") throw new Fail(`expected ':' at ${this.i}`);
      this.i++;
      const v = this.value("member");
      if (v === MISSING) break; // a key or item cut off before its value is dropped
      // "__proto__" is data here, as in JSON.parse, not the prototype
      if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      if (this.cutPending) {
        this.cut = { container: out, key };
        this.cutPending = false;
      }
      this.skip();
      if (this.eof() || this.atFence()) break; // cut off: close what is open
      const d = this.c as string;
      if (d === ",") this.i++;
      else if (d === "}") {
        this.i++;
        break;
      } else if (!isQuote(d)) throw new Fail(`expected ',' or '}' at ${this.i}`);
      // a quote right after a value: a missing comma, read the next member
    }
    this.depth--;
    return out;
  }

  private array(): unknown[] {
    this.enter();
    this.i++; // [
    const out: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.eof() || this.atFence()) break; // cut off: close what is open
      const c = this.c as string;
      if (c === "]") {
        this.i++;
        break;
      }
      if (c === ",") {
        this.i++;
        continue;
      }
      const v = this.value("element");
      if (v === MISSING) break; // a key or item cut off before its value is dropped
      out.push(v);
      if (this.cutPending) {
        this.cut = { container: out, key: out.length - 1 };
        this.cutPending = false;
      }
      this.skip();
      if (this.eof() || this.atFence()) break; // cut off: close what is open
      const d = this.c as string;
      if (d === ",") this.i++;
      else if (d === "]") {
        this.i++;
        break;
      } else if (!isQuote(d) && d !== "{" && d !== "[") throw new Fail(`expected ',' or ']' at ${this.i}`);
    }
    this.depth--;
    return out;
  }

  /** Does a quote at `at - 1` close a string in this context? */
  private closesHere(at: number, ctx: Ctx): boolean {
    const s = this.s;
    let j = at;
    const limit = Math.min(s.length, at + LOOKAHEAD);
    while (j < limit && WS.test(s[j])) j++;
    if (j >= s.length) return true;
    if (j >= limit) return false;
    if (s.startsWith("```", j)) return true;
    const c = s[j];
    if (ctx === "top") return true;
    if (ctx === "key") return c === ":" || c === "=";
    const closer = ctx === "member" ? "}" : "]";
    if (c === closer) return true;
    // a missing comma before the next quoted key: `"a": "x"\n "b": ...`
    if (ctx === "member" && isQuote(c)) return /^.[^"'“”‘’\n]{1,80}["'”’]\s*:/.test(s.slice(j, j + 90));
    if (c !== ",") return false;
    j++;
    while (j < limit && WS.test(s[j])) j++;
    if (j >= s.length) return true;
    if (j >= limit) return false;
    const n = s[j];
    if (isQuote(n) || n === closer || s.startsWith("```", j) || s.startsWith("//", j) || s.startsWith("/*", j)) return true;
    if (ctx === "member") return /[A-Za-z_$]/.test(n) && /^[A-Za-z_$][\w $-]{0,60}\s*:/.test(s.slice(j, j + 64));
    return n === "{" || n === "[" || /[-0-9]/.test(n) || /^(true|false|null|True|False|None)\b/.test(s.slice(j, j + 6));
  }

  private string(ctx: Ctx): string {
    const s = this.s;
    const closers = OPENERS[s[this.i]];
    const start = ++this.i;
    const closed = this.scan(s.length, closers, ctx);
    if (closed !== null) return closed;
    // Unclosed: the text was cut off. A closing code fence still ends it.
    this.cutPending = true;
    const fence = s.indexOf("\n```", start);
    if (fence < 0) {
      this.i = s.length;
      return this.decode(start, s.length);
    }
    this.i = fence + 1;
    return this.decode(start, fence);
  }

  /** Advance to the closing quote and return the decoded text, or null (at the end) when none closes. */
  private scan(end: number, closers: string, ctx: Ctx): string | null {
    const s = this.s;
    const start = this.i;
    while (this.i < end) {
      const c = s[this.i];
      if (c === "\\") {
        this.i += 2;
        continue;
      }
      if (closers.includes(c) && this.closesHere(this.i + 1, ctx)) {
        const out = this.decode(start, this.i);
        this.i++;
        return out;
      }
      this.i++;
    }
    return null;
  }

  /** The text of s[from, to) with escapes resolved. */
  private decode(from: number, to: number): string {
    const piece = this.s.slice(from, to);
    if (!piece.includes("\\")) return piece;
    let out = "";
    let i = 0;
    while (i < piece.length) {
      const b = piece.indexOf("\\", i);
      if (b < 0) {
        out += piece.slice(i);
        break;
      }
      out += piece.slice(i, b);
      const [text, len] = escape(piece, b, piece.length);
      out += text;
      i = b + len;
    }
    return out;
  }

  private number(ctx: Ctx): unknown {
    const s = this.s;
    const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(s.slice(this.i, this.i + 400));
    if (m) {
      const after = this.i + m[0].length;
      let j = after;
      while (j < s.length && (s[j] === " " || s[j] === "\t")) j++;
      const next = s[j];
      // a quote next means a missing comma before the next member
      const ends = next === undefined || /[,}\]\r\n/"']/.test(next) || s.startsWith("```", j);
      if (ends) {
        if (next === undefined) this.cutPending = true;
        this.i = after;
        return Number(m[0]);
      }
    }
    // "1: strongly agree" without quotes: a bare member value.
    if (ctx === "member") return this.bareValue();
    throw new Fail(`bad number at ${this.i}`);
  }

  private word(ctx: Ctx): unknown {
    const s = this.s;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i, this.i + 64)) as RegExpExecArray;
    const w = m[0];
    const literals: Record<string, unknown> = { true: true, false: false, null: null, True: true, False: false, None: null };
    if (Object.hasOwn(literals, w)) {
      let j = this.i + w.length;
      while (j < s.length && (s[j] === " " || s[j] === "\t")) j++;
      const next = s[j];
      if (next === undefined || /[,}\]\r\n/]/.test(next) || s.startsWith("```", j)) {
        this.i += w.length;
        return literals[w];
      }
    }
    if (ctx === "member") return this.bareValue();
    throw new Fail(`unexpected word at ${this.i}`);
  }

  /** An unquoted member value, up to `,` `}` or the end of the line; at the end of the text it is dropped. */
  private bareValue(): unknown {
    const s = this.s;
    const m = /^[^,}\]\r\n]*/.exec(s.slice(this.i, this.i + 2000)) as RegExpExecArray;
    const end = this.i + m[0].length;
    if (end >= s.length || m[0].length >= 2000) {
      this.i = s.length;
      return MISSING;
    }
    this.i = end;
    return m[0].trim();
  }

  private bareKey(): string {
    const m = /^[A-Za-z_$][\w $-]{0,100}?(?=\s*[:=])/.exec(this.s.slice(this.i, this.i + 120));
    if (!m) throw new Fail(`expected a key at ${this.i}`);
    this.i += m[0].length;
    return m[0];
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", "'": "'", "’": "’", "”": "”", "\n": "",
};

/** The escape at s[b] === "\\" (not past `to`): its text and length. Unknown escapes are kept as written, as Python does. */
function escape(s: string, b: number, to: number): [string, number] {
  const n = s[b + 1];
  if (n === undefined || b + 1 >= to) return ["\\", 1];
  if (Object.hasOwn(SIMPLE_ESCAPES, n)) return [SIMPLE_ESCAPES[n], 2];
  if (n === "u" && b + 6 <= to && /^[0-9a-fA-F]{4}$/.test(s.slice(b + 2, b + 6)))
    return [String.fromCharCode(parseInt(s.slice(b + 2, b + 6), 16)), 6];
  if (n === "x" && b + 4 <= to && /^[0-9a-fA-F]{2}$/.test(s.slice(b + 2, b + 4)))
    return [String.fromCharCode(parseInt(s.slice(b + 2, b + 4), 16)), 4];
  return ["\\" + n, 2];
}

/** Parse one value starting at `start` (which must be `{` or `[`). */
function parseAt(text: string, start: number): { value: unknown; end: number; cut?: Cut } | Fail {
  const p = new Parser(text, start);
  try {
    const v = p.value("top");
    if (v === MISSING) return new Fail("no value");
    return { value: v, end: p.i, cut: p.cut };
  } catch (e) {
    if (e instanceof Fail) return e;
    return new Fail(e instanceof Error ? e.message : String(e));
  }
}

const isPlainJson = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

/**
 * Every top-level JSON value in the text, left to right, at most `limit`:
 * objects, and arrays that hold an object or array (so "[1]" in prose is
 * skipped). Only when there is none, arrays of plain values. Work is bounded
 * by a few passes over the text, so a 1 MB answer stays fast.
 */
export function findJson(text: string, limit = 100): FoundJson[] {
  if (typeof text !== "string") return [];
  const found: FoundJson[] = [];
  const flat: FoundJson[] = [];
  let from = 0;
  let budget = 4 * text.length + 10_000;
  while (found.length < limit && budget > 0) {
    const a = text.indexOf("{", from);
    const b = text.indexOf("[", from);
    const at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (at < 0) break;
    const r = parseAt(text, at);
    if (r instanceof Fail) {
      budget -= text.length - at; // pessimistic: a failure may have scanned to the end
      from = at + 1;
      continue;
    }
    budget -= r.end - at;
    const f: FoundJson = { value: r.value, start: at, end: r.end, repaired: !isPlainJson(text.slice(at, r.end)) };
    if (r.cut) f.cut = r.cut;
    if (Array.isArray(r.value) && !r.value.some((x) => typeof x === "object" && x !== null)) {
      if (flat.length < limit) flat.push(f);
      from = Math.max(r.end, at + 1); // a "{" inside it is inside one of its strings
      continue;
    }
    found.push(f);
    from = Math.max(r.end, at + 1);
  }
  if (found.length > 0) return found;
  const braceless = findBracelessObject(text);
  return braceless !== null ? [braceless] : flat;
}

/** A member line of a brace-less object: a quoted key, a colon, something after it. */
const MEMBER_LINE = /^\s*["'“”‘’][^"'“”‘’\n]{1,120}["'“”‘’]\s*[:=]\s*\S/;
/** Longer lines are not read as members (bounds the work on a 1 MB text). */
const MAX_MEMBER_LINE = 4000;

/** The fenced blocks of a text as [from, to) bodies (language tag line excluded); the whole text when it has no fence. */
function fencedBodies(text: string): Array<[number, number]> {
  if (!text.includes("```")) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let at = text.indexOf("```");
  while (at >= 0) {
    const nl = text.indexOf("\n", at + 3);
    if (nl < 0) break;
    const close = text.indexOf("```", nl + 1);
    out.push([nl + 1, close < 0 ? text.length : close]);
    if (close < 0) break;
    at = text.indexOf("```", close + 3);
  }
  return out;
}

/**
 * An object written without its braces (Gemma-2 in the published Task 1
 * files: "```json\n\"Equality\": \"2\",\n\"Inner Harmony\": \"1\",\n…"):
 * the first fenced block (or, without fences, the whole text) whose
 * non-empty lines are at least half `"key": value` lines is read as one
 * object, always `repaired`.
 *
 * Each member line is read on its own (as `{line}` by the lenient parser),
 * so a damaged line can only lose its own member, never move a value to
 * another key: a line that does not parse, does not end where the line ends
 * or holds a string the line cut off is dropped, and a key written twice with
 * different values is dropped too (which one was meant is unknown). Only
 * asked when the text holds no JSON object at all.
 */
function findBracelessObject(text: string): FoundJson | null {
  if (typeof text !== "string") return null;
  for (const [from, to] of fencedBodies(text)) {
    const lines: Array<[number, string]> = [];
    let nonEmpty = 0;
    let at = from;
    while (at < to) {
      let nl = text.indexOf("\n", at);
      if (nl < 0 || nl > to) nl = to;
      const line = text.slice(at, nl);
      if (line.trim() !== "") {
        nonEmpty++;
        if (line.length <= MAX_MEMBER_LINE && MEMBER_LINE.test(line)) lines.push([at, line]);
      }
      at = nl + 1;
    }
    if (lines.length === 0 || lines.length * 2 < nonEmpty) continue;
    const out: Record<string, unknown> = {};
    const conflicted = new Set<string>();
    let start = -1;
    let end = -1;
    for (const [lineAt, line] of lines) {
      const body = line.trim().replace(/,$/, "");
      const wrapped = "{" + body + "}";
      const r = parseAt(wrapped, 0);
      if (r instanceof Fail || r.cut !== undefined || r.end !== wrapped.length) continue;
      const o = r.value as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length !== 1) continue; // two members on one line (or none): not the shape read here
      const [k] = keys;
      if (conflicted.has(k)) continue;
      if (Object.hasOwn(out, k) && JSON.stringify(out[k]) !== JSON.stringify(o[k])) {
        delete out[k];
        conflicted.add(k);
        continue;
      }
      if (k === "__proto__") Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
      else out[k] = o[k];
      if (start < 0) start = lineAt;
      end = lineAt + line.length;
    }
    if (Object.keys(out).length === 0) continue;
    return { value: out, start, end, repaired: true };
  }
  return null;
}

/**
 * The first JSON value in model text (see findJson: an object, or a list
 * holding objects or lists; failing those, a list of plain values; a bare
 * scalar only when it is the whole text). `repaired` is true when
 * plain `JSON.parse` of the extracted span fails, i.e. anything beyond
 * cutting it out of fences or prose was needed.
 *
 * @example parseLenientJson("```json\n{'a': True,}\n```") // {ok: true, value: {a: true}, repaired: true}
 */
export function parseLenientJson(text: string): ParseResult<unknown> {
  if (typeof text !== "string") return failed("not a string");
  try {
    return parsed(JSON.parse(text) as unknown, false);
  } catch {
    // not plain JSON: look for it in fences and prose
  }
  const [first] = findJson(text, 1);
  if (first === undefined) return failed("no JSON found");
  return parsed(first.value, first.repaired);
}
