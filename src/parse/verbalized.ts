import { findJson } from "./lenientJson";
import { answerText } from "./reasoning";

/**
 * The verbalized confidence of an answer (issue 12, robust protocol only):
 * the JSON field "confidence" (also "confidence_score", "certainty"; keys
 * case/punctuation-insensitive, searched one level deep) read as a share in
 * [0, 1]:
 *
 *   85, "85", "85%", "85/100" → 0.85;   a non-integer ≤ 1 ("0.85") → 0.85;
 *   anything else (missing, text, < 0, > 100, two different values) → null.
 *
 * Never throws: an unreadable confidence is missing, not guessed. Only the
 * answer is read (reasoning blocks removed, reasoning.ts): a confidence
 * drafted while thinking is not the one stated.
 *
 * @example readVerbalizedConfidence('{"action": "Option 2", "confidence": 80}') // 0.8
 * @example readVerbalizedConfidence('{"action": "Option 2"}')                    // null
 */
export function readVerbalizedConfidence(input: string): number | null {
  if (typeof input !== "string") return null;
  const text = answerText(input);
  if (text === null) return null;
  const seen = new Set<number>();
  const visit = (node: unknown, depth: number) => {
    if (depth > 1 || typeof node !== "object" || node === null || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (KEYS.has(k.toLowerCase().replace(/[^a-z]/g, ""))) {
        const x = share(v);
        if (x !== null) seen.add(x);
      } else if (typeof v === "object") visit(v, depth + 1);
    }
  };
  for (const f of findJson(text)) visit(f.value, 0);
  return seen.size === 1 ? [...seen][0] : null;
}

const KEYS = new Set(["confidence", "confidencescore", "certainty"]);

function share(v: unknown): number | null {
  let x: number;
  let percent = false;
  if (typeof v === "number") x = v;
  else if (typeof v === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%|\/\s*100)?\s*$/.exec(v);
    if (!m) return null;
    x = Number(m[1]);
    percent = m[2] !== undefined;
  } else return null;
  if (!Number.isFinite(x) || x < 0) return null;
  if (!percent && x <= 1 && !Number.isInteger(x)) return x;
  return x <= 100 ? x / 100 : null;
}
