/**
 * The ways a real model spoils a JSON answer, reproduced on demand
 * (method.md §3.4 raw-text facts: fences, single-quoted Python dicts, cut-off
 * text, chatty prose around the object).
 */
export const MALFORMED_KINDS = ["fence", "single-quotes", "truncated", "prose"] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/** Python `repr`-like rendering: single-quoted strings unless the text holds a quote. */
export function pythonRepr(x: unknown): string {
  if (typeof x === "string") {
    if (x.includes("'") && !x.includes('"')) return `"${x.replace(/\\/g, "\\\\")}"`;
    return `'${x.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  }
  if (Array.isArray(x)) return `[${x.map(pythonRepr).join(", ")}]`;
  if (x && typeof x === "object")
    return `{${Object.entries(x as Record<string, unknown>)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(", ")}}`;
  if (x === null || x === undefined) return "None";
  if (typeof x === "boolean") return x ? "True" : "False";
  return String(x);
}

/** Spoil a JSON answer (`json` is the well-formed text of `obj`). */
export function malform(kind: MalformedKind, obj: unknown, json: string): string {
  switch (kind) {
    case "fence":
      return "```json\n" + json + "\n```";
    case "single-quotes":
      return pythonRepr(obj);
    case "truncated":
      return json.slice(0, Math.max(1, Math.floor(json.length * 0.6)));
    case "prose":
      return `Sure! Here is my answer in JSON format:\n\n${json}\n\nLet me know if you would like me to explain my reasoning further.`;
  }
}
