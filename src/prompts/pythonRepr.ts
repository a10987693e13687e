/**
 * Python's `repr()` of a str and of a list of str, as f-strings print them.
 * The few-shot prompts of the paper interpolate a Python list of attribution
 * spans (`f"... Action Attribution: {attribution}"`), so a byte-exact port
 * needs Python's quoting: single quotes unless the text holds a single quote
 * and no double quote; backslash, the chosen quote and non-printable
 * characters escaped (\n \r \t, \xNN, \uNNNN, \UNNNNNNNN); other non-ASCII kept.
 *
 * @example pythonListRepr(["I vote", "don't"])  // "['I vote', \"don't\"]"
 */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NON_PRINTABLE.test(ch)) out += escapeCodePoint(ch.codePointAt(0)!);
    else out += ch;
  }
  return out + quote;
}

/** `repr(list_of_str)`: items joined by ", " inside brackets. */
export function pythonListRepr(items: readonly string[]): string {
  return `[${items.map(pythonStrRepr).join(", ")}]`;
}

// Python's str.isprintable() is false for these categories (the ASCII space excepted).
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function escapeCodePoint(cp: number): string {
  const hex = cp.toString(16);
  if (cp <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}
