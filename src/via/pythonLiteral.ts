/**
 * A strict reader of Python literals as `repr()` writes them: dicts, lists,
 * tuples, str ('…' or "…" with backslash escapes), int/float, True, False,
 * None. The published misaligned-example files store each VIA generation as
 * the repr of a Python dict; this machine-written format needs no lenient
 * repair, so reading it strictly is exact and much cheaper than the model-text
 * parser (which remains the fallback, see importMisaligned.ts).
 *
 * Returns `undefined` for anything that is not exactly one literal.
 *
 * @example readPythonLiteral("{'a': 'it\\'s', 'b': [1, None]}") // { a: "it's", b: [1, null] }
 */
export function readPythonLiteral(text: string): unknown {
  const r = new Reader(text);
  try {
    r.ws();
    const v = r.value(0);
    r.ws();
    return r.i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}

const ESCAPES: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", a: "\x07", "0": "\0", "\n": "" };

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && (this.s[this.i] === " " || this.s[this.i] === "\n" || this.s[this.i] === "\t" || this.s[this.i] === "\r")) this.i++;
  }

  fail(): never {
    throw new Error(`bad literal at ${this.i}`);
  }

  value(depth: number): unknown {
    if (depth > 100) this.fail();
    const c = this.s[this.i];
    if (c === "'" || c === '"') return this.str();
    if (c === "{") return this.dict(depth);
    if (c === "[" || c === "(") return this.list(depth, c === "[" ? "]" : ")");
    for (const [word, v] of [["True", true], ["False", false], ["None", null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 40));
    if (!m) this.fail();
    this.i += m[0].length;
    return Number(m[0]);
  }

  str(): string {
    const q = this.s[this.i++];
    let out = "";
    let from = this.i;
    for (;;) {
      const j = this.s.indexOf(q, this.i);
      const k = this.s.indexOf("\\", this.i);
      if (j < 0) this.fail();
      if (k >= 0 && k < j) {
        out += this.s.slice(from, k);
        const e = this.s[k + 1];
        if (e === "x") {
          out += String.fromCharCode(this.hex(k + 2, 2));
          this.i = k + 4;
        } else if (e === "u") {
          out += String.fromCharCode(this.hex(k + 2, 4));
          this.i = k + 6;
        } else if (e === "U") {
          out += String.fromCodePoint(this.hex(k + 2, 8));
          this.i = k + 10;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          this.i = k + 2;
        } else {
          out += "\\"; // Python keeps unknown escapes verbatim
          this.i = k + 1;
        }
        from = this.i;
        continue;
      }
      out += this.s.slice(from, j);
      this.i = j + 1;
      return out;
    }
  }

  hex(at: number, n: number): number {
    const h = this.s.slice(at, at + n);
    if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) this.fail();
    return parseInt(h, 16);
  }

  dict(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c !== "'" && c !== '"') this.fail();
      const k = this.str();
      this.ws();
      if (this.s[this.i++] !== ":") this.fail();
      this.ws();
      out[k] = this.value(depth + 1);
      this.ws();
      const sep = this.s[this.i++];
      if (sep === "}") return out;
      if (sep !== ",") this.fail();
    }
  }

  list(depth: number, close: string): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.i] === close) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const sep = this.s[this.i++];
      if (sep === close) return out;
      if (sep !== ",") this.fail();
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        return out; // trailing comma, as in a 1-tuple
      }
    }
  }
}
